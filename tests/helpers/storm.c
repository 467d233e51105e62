/* storm: load for PID 1, run as PROGRAM under minit (tests/stress.bats).
 *   storm orphans TOTAL BATCH   orphan TOTAL processes, BATCH at a time,
 *                               wait until PID 1 has reaped every zombie,
 *                               print PID 1's RssAnon before and after
 *   storm signals COUNT         send COUNT signals of mixed kinds to PID 1
 *                               from a child while this process takes what
 *                               PID 1 forwards; then wait for SIGTERM
 *   storm tree N                fork N descendants (one ignores SIGTERM),
 *                               then exit 7 at once
 *   storm nproc MAX             fork sleeping children until fork fails
 *                               (RLIMIT_NPROC) or MAX, then exit 3
 * Output is key=value lines; exit 0 when the storm's own checks pass. */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void
msleep(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) == -1 && errno == EINTR)
		;
}

/* RssAnon of PID 1 in kB, -1 if unknown: its private memory, where a leak
 * would show.  Not VmRSS: PID 1 releases its start-up text pages once
 * PROGRAM runs (memtrim.c), and code paths a storm exercises fault file
 * pages back in, 64 KiB at a time, without PID 1 keeping anything. */
static long
pid1_rss(void)
{
	char line[256];
	long kb = -1;
	FILE *f = fopen("/proc/1/status", "r");

	if (f == NULL)
		return -1;
	while (fgets(line, sizeof(line), f) != NULL)
		if (strncmp(line, "RssAnon:", 8) == 0)
			kb = strtol(line + 8, NULL, 10);
	fclose(f);
	return kb;
}

/* Zombies in this PID namespace (from /proc). */
static int
zombies(void)
{
	DIR *d = opendir("/proc");
	struct dirent *de;
	int n = 0;

	if (d == NULL)
		return -1;
	while ((de = readdir(d)) != NULL) {
		char path[300], buf[512], *p;
		FILE *f;

		if (de->d_name[0] < '0' || de->d_name[0] > '9')
			continue;
		snprintf(path, sizeof(path), "/proc/%s/stat", de->d_name);
		f = fopen(path, "r");
		if (f == NULL)
			continue;
		/* "pid (comm) S ...": comm may hold spaces and parens */
		if (fgets(buf, sizeof(buf), f) != NULL &&
		    (p = strrchr(buf, ')')) != NULL && p[1] == ' ' && p[2] == 'Z')
			n++;
		fclose(f);
	}
	closedir(d);
	return n;
}

/* Wait until PID 1 has reaped every zombie; at most limit_ms. */
static int
wait_reaped(long limit_ms)
{
	int z = 0;

	for (long t = 0; t < limit_ms; t += 10) {
		z = zombies();
		if (z == 0)
			return 0;
		msleep(10);
	}
	return z;
}

/* One batch: a middle child forks n children that exit at once, then
 * exits itself, so all n are re-parented to PID 1.  Returns how many. */
static int
batch(int n)
{
	int status;
	pid_t mid = fork();

	if (mid == -1)
		return 0;
	if (mid == 0) {
		int made = 0;

		for (int i = 0; i < n; i++) {
			pid_t p = fork();

			if (p == 0)
				_exit(0);
			if (p == -1) {	/* pid pressure: try again soon */
				msleep(1);
				i--;
				continue;
			}
			made++;
		}
		_exit(made == n ? 0 : 1);
	}
	if (waitpid(mid, &status, 0) == -1 || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0)
		return 0;
	return n;
}

static int
cmd_orphans(long total, int size)
{
	long done = 0, rss_start = pid1_rss(), rss_before, rss_after;
	int left;

	/* One warm-up batch, so "before" already includes the stack and code
	 * pages the reaping path touches. */
	done += batch(size);
	if (wait_reaped(30000) != 0) {
		printf("zombies after warm-up\n");
		return 1;
	}
	rss_before = pid1_rss();
	while (done < total)
		done += batch(done + size <= total ? size : (int)(total - done));
	left = wait_reaped(60000);
	rss_after = pid1_rss();
	printf("orphans=%ld\nzombies=%d\n", done, left);
	printf("pid1_rss_start_kb=%ld\npid1_rss_before_kb=%ld\npid1_rss_after_kb=%ld\n",
	    rss_start, rss_before, rss_after);
	return done == total && left == 0 ? 0 : 1;
}

static volatile sig_atomic_t got[65], got_term;

static void
on_signal(int sig)
{
	if (sig > 0 && sig < 65)
		got[sig]++;
	if (sig == SIGTERM)
		got_term = 1;
}

/* Signals PID 1 forwards to us: every catchable one but TERM (the stop
 * signal, sent by the test afterwards) and CHLD (PID 1 reaps on it).
 * 32-34 are musl's own: this (musl) app cannot catch them and would die,
 * so stress.bats sends those separately. */
static const int storm_sigs[] = { SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2,
	SIGPIPE, SIGALRM, SIGWINCH, SIGCONT, SIGURG, SIGABRT, SIGSEGV, SIGBUS,
	SIGFPE, SIGILL, SIGTRAP, SIGSYS, SIGTSTP, SIGTTIN, SIGTTOU, SIGXCPU,
	SIGXFSZ, SIGVTALRM, SIGPROF, SIGIO, SIGPWR, SIGSTKFLT, SIGCHLD,
	35, 36, 40, 50, 60, 63, 64 };

static int
cmd_signals(long count)
{
	struct sigaction sa = { .sa_handler = on_signal };
	const int nsigs = (int)(sizeof(storm_sigs) / sizeof(storm_sigs[0]));
	long total = 0, kinds = 0, rss_before = pid1_rss();
	int status;
	pid_t sender;

	sigemptyset(&sa.sa_mask);
	for (int sig = 1; sig < 65; sig++)
		if (sig != SIGKILL && sig != SIGSTOP)
			(void)sigaction(sig, &sa, NULL);	/* 32-34: EINVAL */
	sender = fork();
	if (sender == -1)
		return 1;
	if (sender == 0) {
		long sent = 0;

		for (long i = 0; i < count; i++)
			if (kill(1, storm_sigs[i % nsigs]) == 0)
				sent++;
		printf("sent=%ld\n", sent);
		fflush(stdout);
		_exit(sent == count ? 0 : 1);
	}
	while (waitpid(sender, &status, 0) == -1 && errno == EINTR)
		;
	/* PID 1 takes its queue lowest signal first, so the real-time ones
	 * come last: wait until nothing new came for a second (at most 30). */
	for (int quiet = 0, i = 0; quiet < 20 && i < 600; i++) {
		long now = 0;

		msleep(50);
		for (int sig = 1; sig < 65; sig++)
			now += got[sig];
		quiet = now == total ? quiet + 1 : 0;
		total = now;
	}
	for (int sig = 1; sig < 65; sig++)
		kinds += got[sig] > 0;
	printf("sender_ok=%d\nreceived=%ld\nkinds=%ld\n",
	    WIFEXITED(status) && WEXITSTATUS(status) == 0, total, kinds);
	printf("pid1_rss_before_kb=%ld\npid1_rss_after_kb=%ld\n", rss_before,
	    pid1_rss());
	printf("missing=");
	for (int i = 0; i < nsigs; i++)
		if (got[storm_sigs[i]] == 0)
			printf(" %d", storm_sigs[i]);
	printf("\nstorm-done\n");
	fflush(stdout);
	for (int i = 0; i < 3000 && !got_term; i++)
		msleep(10);
	printf("term=%d\n", (int)got_term);
	return got_term ? 0 : 3;
}

static void
on_term_exit(int sig)
{
	(void)sig;
	(void)!write(STDOUT_FILENO, "term\n", 5);
	_exit(0);
}

/* The app forks a tree, then exits 7: N children with a grandchild each.
 * Child 0 and its grandchild ignore SIGTERM, so only the grace period's
 * SIGKILL ends them; the others print "term" when SIGTERM comes. */
static int
cmd_tree(int n)
{
	for (int i = 0; i < n; i++) {
		pid_t p = fork();

		if (p == -1)
			return 1;
		if (p == 0) {
			signal(SIGTERM, i == 0 ? SIG_IGN : on_term_exit);
			if (fork() == -1)	/* the grandchild inherits it */
				_exit(1);
			for (;;)
				pause();
		}
	}
	msleep(200);	/* the tree has set its dispositions */
	printf("tree=%d\n", 2 * n);
	fflush(stdout);
	return 7;
}

/* Fork children that sleep until fork fails; exit 3 with them running. */
static int
cmd_nproc(int max)
{
	int n = 0, err = 0;

	for (; n < max; n++) {
		pid_t p = fork();

		if (p == 0) {
			msleep(30000);
			_exit(0);
		}
		if (p == -1) {
			err = errno;
			break;
		}
	}
	printf("forked=%d fork_error=%d\n", n, err);
	return 3;
}

int
main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc == 4 && strcmp(argv[1], "orphans") == 0)
		return cmd_orphans(atol(argv[2]), atoi(argv[3]));
	if (argc == 3 && strcmp(argv[1], "signals") == 0)
		return cmd_signals(atol(argv[2]));
	if (argc == 3 && strcmp(argv[1], "tree") == 0)
		return cmd_tree(atoi(argv[2]));
	if (argc == 3 && strcmp(argv[1], "nproc") == 0)
		return cmd_nproc(atoi(argv[2]));
	fputs("usage: storm orphans TOTAL BATCH | signals COUNT | tree N | nproc MAX\n",
	    stderr);
	return 2;
}
