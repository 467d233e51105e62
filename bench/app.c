/* app: the PROGRAM every init runs in the benchmarks (static musl, so it runs
 * in the read-only bench root and in a FROM scratch image).
 *   app sleep               wait forever (item 3: PID 1 memory)
 *   app sigrecv             write "r", then one "x" per SIGTERM handled (item 5)
 *   app orphans N           leave N zombies to PID 1, print the microseconds
 *                           until PID 1 has reaped them all (item 4)
 *   app syscalls [--allow-all] [N]
 *                           ns per getppid, personality(0xffffffff) and
 *                           ioctl(-1, FIONREAD): the fastest of 31 batches of
 *                           N calls each (noise on a shared machine only ever
 *                           adds time); --allow-all loads an allow-all filter
 *                           first (item 6) */
#include <errno.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define BATCHES 31

static double
now_ns(void)
{
	struct timespec ts;

	(void)clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static void
on_term(int sig)
{
	(void)sig;
	(void)!write(STDOUT_FILENO, "x", 1);
}

static int
sigrecv(void)
{
	struct sigaction sa = { .sa_handler = on_term };
	sigset_t none;

	sigemptyset(&sa.sa_mask);
	sigemptyset(&none);
	/* Some inits start us with signals blocked; the measurement needs
	 * the handler to run, so unblock explicitly. */
	if (sigaction(SIGTERM, &sa, NULL) == -1 ||
	    sigprocmask(SIG_SETMASK, &none, NULL) == -1 ||
	    write(STDOUT_FILENO, "r", 1) != 1)
		return 1;
	for (;;)
		pause();
}

/* Leave n zombies to PID 1 at once and time until it has reaped them all.
 * An intermediate process forks n children that exit at once; it keeps them
 * as zombies (waitid WNOWAIT) until we release it, and when it exits the
 * kernel re-parents all of them to PID 1 in one go.  So the clock measures
 * PID 1's reaping, not the exit of 10,000 processes, which is the same for
 * every init and would drown the difference in noise.  kill(pid, 0) succeeds
 * on a zombie: ESRCH for every pid means none is left. */
static int
orphans(long n)
{
	int rel[2], pids[2];
	pid_t mid, *pid = calloc(n > 0 ? (size_t)n : 1, sizeof(*pid));
	long got = 0, i = 0;
	ssize_t r;
	double t0, limit;

	if (n < 1 || n > 30000)
		return 2;
	if (pid == NULL || pipe(rel) == -1 || pipe(pids) == -1)
		return 1;
	mid = fork();
	if (mid == -1)
		return 1;
	if (mid == 0) {
		siginfo_t si;
		char c;

		(void)close(pids[0]);
		(void)close(rel[1]);
		for (long k = 0; k < n; k++) {
			pid[k] = fork();
			if (pid[k] == -1)
				_exit(1);
			if (pid[k] == 0)
				_exit(0);
		}
		for (long k = 0; k < n; k++)
			if (waitid(P_PID, (id_t)pid[k], &si, WEXITED | WNOWAIT) == -1 ||
			    write(pids[1], &pid[k], sizeof(*pid)) != (ssize_t)sizeof(*pid))
				_exit(1);
		(void)close(pids[1]);
		(void)!read(rel[0], &c, 1);	/* EOF: released */
		_exit(0);
	}
	(void)close(pids[1]);
	(void)close(rel[0]);
	while (got < n && (r = read(pids[0], pid + got, (size_t)(n - got) * sizeof(*pid))) > 0)
		got += r / (ssize_t)sizeof(*pid);
	if (got != n) {
		fprintf(stderr, "app: orphans: only %ld of %ld spawned\n", got, n);
		return 1;
	}
	t0 = now_ns();
	limit = t0 + 60e9;
	(void)close(rel[1]);		/* the intermediate exits */
	while (i < n) {
		if (kill(pid[i], 0) == -1 && errno == ESRCH) {
			i++;
			continue;
		}
		if (now_ns() > limit) {
			fprintf(stderr, "app: orphans: %ld of %ld not reaped after 60 s\n",
			    n - i, n);
			return 1;
		}
		(void)usleep(100);
	}
	printf("%.0f\n", (now_ns() - t0) / 1e3);
	(void)waitpid(mid, NULL, 0);
	return 0;
}

static int
allow_all(void)
{
	/* One instruction: the cheapest filter there is, the floor for any
	 * filtered process (the kernel still takes its seccomp entry path). */
	struct sock_filter insn = BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
	struct sock_fprog prog = { .len = 1, .filter = &insn };

	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == -1 ||
	    syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) == -1) {
		perror("app: allow-all filter");
		return -1;
	}
	return 0;
}

/* ns per call of call k (0 getppid, 1 personality query, 2 ioctl FIONREAD on
 * a bad fd): raw syscall(2) so no libc caching or wrapper gets in the way. */
static double
batch(int k, long n)
{
	int v;
	double t0 = now_ns();

	for (long j = 0; j < n; j++) {
		switch (k) {
		case 0:
			(void)syscall(SYS_getppid);
			break;
		case 1:
			(void)syscall(SYS_personality, 0xffffffffUL);
			break;
		default:
			(void)syscall(SYS_ioctl, -1, FIONREAD, &v);
			break;
		}
	}
	return (now_ns() - t0) / (double)n;
}

static int
syscalls(int argc, char *argv[])
{
	double ns[3][BATCHES];
	long n = 20000;
	int denied = 0, v;

	if (argc > 0 && strcmp(argv[0], "--allow-all") == 0) {
		if (allow_all() == -1)
			return 1;
		argc--, argv++;
	}
	if (argc > 0)
		n = strtol(argv[0], NULL, 10);
	if (n <= 0)
		return 2;
	/* Denied calls are still timed, but flagged: 1 personality, 2 ioctl. */
	if (syscall(SYS_personality, 0xffffffffUL) == -1)
		denied |= 1;
	if (syscall(SYS_ioctl, -1, FIONREAD, &v) == -1 && errno != EBADF)
		denied |= 2;
	for (int b = 0; b < BATCHES; b++)
		for (int k = 0; k < 3; k++)
			ns[k][b] = batch(k, n);
	for (int k = 0; k < 3; k++)
		qsort(ns[k], BATCHES, sizeof(double), cmp_double);
	printf("%.1f %.1f %.1f %d\n", ns[0][0], ns[1][0], ns[2][0], denied);
	return 0;
}

int
main(int argc, char *argv[])
{
	if (argc >= 2 && strcmp(argv[1], "true") == 0)
		return 0;	/* item 8: a container that starts and ends */
	if (argc >= 2 && strcmp(argv[1], "sleep") == 0) {
		for (;;)
			pause();
	}
	if (argc >= 2 && strcmp(argv[1], "sigrecv") == 0)
		return sigrecv();
	if (argc >= 3 && strcmp(argv[1], "orphans") == 0)
		return orphans(strtol(argv[2], NULL, 10));
	if (argc >= 2 && strcmp(argv[1], "syscalls") == 0)
		return syscalls(argc - 2, argv + 2);
	fprintf(stderr, "usage: app true|sleep|sigrecv|orphans N|syscalls [--allow-all] [N]\n");
	return 2;
}
