/* spawn: the measuring engine of bench/run.sh.  Runs each subject (an init
 * with its arguments) as PID 1 of a fresh PID namespace, i.e. what
 * `unshare --pid --fork SUBJECT` does, but from one static process so the
 * unshare binary's own start-up does not add noise.  Subjects are interleaved
 * (A B C, B C A, C A B, ...) so that drift of a shared machine hits all
 * alike, and every figure is a median.
 *
 * usage: spawn MODE [-r ROUNDS] -- NAME PATH [ARG...] [:: NAME PATH [ARG...]]...
 *   start  wall time of clone+exec+wait, and its paired difference to the
 *          first subject in the same round (ms)
 *   mem    VmRSS and VmHWM of PID 1 once its child runs "app", the child's
 *          own VmRSS, and PID 1's RssAnon (KiB)
 *   sig    ROUNDS times kill(PID 1, SIGTERM) until PROGRAM's handler writes
 *          a byte to our pipe (us); every subject runs at the same time
 *   out    the numbers a subject prints on stdout, up to 4 columns
 * Output, one line per subject:
 *   NAME ok|FAIL N MEDIAN0 MEDIAN1 MEDIAN2 MEDIAN3 P99_0
 * A subject whose run fails (exit status, timeout) is reported FAIL with its
 * stderr on our stderr, and is not run again. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define NCOL	4
#define MAXSUB	32

struct subject {
	const char	*name;
	char	       **argv;
	int		 errfd;		/* memfd: stderr of the current run */
	bool		 failed;
	int		 n;		/* values recorded per column */
	double		*v[NCOL];
};

static struct subject sub[MAXSUB];
static int nsub, rounds = 50, devnull;

static double
now_ms(void)
{
	struct timespec ts;

	(void)clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static void
record(struct subject *s, const double *vals)
{
	for (int c = 0; c < NCOL; c++)
		s->v[c][s->n] = vals[c];
	s->n++;
}

/* Say why a subject failed, with what it wrote on stderr, and drop it. */
static void
fail(struct subject *s, const char *why)
{
	char buf[2048];
	ssize_t n = pread(s->errfd, buf, sizeof(buf) - 1, 0);

	buf[n > 0 ? n : 0] = '\0';
	fprintf(stderr, "spawn: %s: %s%s%s", s->name, why,
	    buf[0] != '\0' ? "; its stderr:\n" : "\n", buf);
	s->failed = true;
}

static const char *
status_text(int st)
{
	static char buf[64];

	if (WIFEXITED(st))
		snprintf(buf, sizeof(buf), "exit status %d", WEXITSTATUS(st));
	else
		snprintf(buf, sizeof(buf), "killed by signal %d", WTERMSIG(st));
	return buf;
}

/* fork into a new PID namespace: the child is its PID 1. */
static pid_t
spawn_ns(struct subject *s, int out)
{
	pid_t pid;

	(void)ftruncate(s->errfd, 0);
	(void)lseek(s->errfd, 0, SEEK_SET);
	pid = (pid_t)syscall(SYS_clone, CLONE_NEWPID | SIGCHLD, 0, 0, 0, 0);
	if (pid == -1) {
		perror("spawn: clone(CLONE_NEWPID)");
		exit(1);
	}
	if (pid == 0) {
		if (dup2(devnull, 0) == -1 || dup2(out >= 0 ? out : devnull, 1) == -1 ||
		    dup2(s->errfd, 2) == -1)
			_exit(126);
		execv(s->argv[0], s->argv);
		dprintf(2, "spawn: exec %s: %s\n", s->argv[0], strerror(errno));
		_exit(127);
	}
	return pid;
}

static int
wait_for(pid_t pid)
{
	int st;

	while (waitpid(pid, &st, 0) == -1)
		if (errno != EINTR)
			return -1;
	return st;
}

static void
mode_start(void)
{
	double t[MAXSUB];

	for (int r = 0; r <= rounds; r++) {	/* round 0 warms the caches */
		for (int k = 0; k < nsub; k++) {
			struct subject *s = &sub[(r + k) % nsub];
			double t0;
			pid_t pid;
			int st;

			if (s->failed)
				continue;
			t0 = now_ms();
			pid = spawn_ns(s, -1);
			st = wait_for(pid);
			t[s - sub] = now_ms() - t0;
			if (st != 0)
				fail(s, status_text(st));
		}
		if (r == 0 || sub[0].failed)
			continue;
		for (int i = 0; i < nsub; i++) {
			double vals[NCOL] = { t[i], t[i] - t[0], 0, 0 };

			if (!sub[i].failed)
				record(&sub[i], vals);
		}
	}
}

/* The first number after KEY in /proc/PID/status, or -1. */
static double
status_field(pid_t pid, const char *key)
{
	char path[64], line[256];
	double v = -1;
	size_t kl = strlen(key);
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
	f = fopen(path, "re");
	if (f == NULL)
		return -1;
	while (fgets(line, sizeof(line), f) != NULL)
		if (strncmp(line, key, kl) == 0 && line[kl] == ':') {
			v = strtod(line + kl + 1, NULL);
			break;
		}
	(void)fclose(f);
	return v;
}

/* PID 1's child once it runs the app (its comm is "app"), or 0. */
static pid_t
app_child(pid_t init)
{
	char path[96], buf[64];
	int c = 0;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/task/%d/children", (int)init, (int)init);
	f = fopen(path, "re");
	if (f == NULL)
		return 0;
	if (fscanf(f, "%d", &c) != 1)
		c = 0;
	(void)fclose(f);
	if (c <= 0)
		return 0;
	snprintf(path, sizeof(path), "/proc/%d/comm", (int)c);
	f = fopen(path, "re");
	if (f == NULL)
		return 0;
	if (fgets(buf, sizeof(buf), f) == NULL || strcmp(buf, "app\n") != 0)
		c = 0;
	(void)fclose(f);
	return (pid_t)c;
}

static void
mode_mem(void)
{
	for (int r = 0; r < rounds; r++) {
		for (int k = 0; k < nsub; k++) {
			struct subject *s = &sub[(r + k) % nsub];
			double vals[NCOL] = { 0 }, limit = now_ms() + 5000;
			pid_t pid, c = 0;
			int st;

			if (s->failed)
				continue;
			pid = spawn_ns(s, -1);
			while ((c = app_child(pid)) == 0 && now_ms() < limit &&
			    waitpid(pid, &st, WNOHANG) == 0)
				(void)usleep(1000);
			if (c != 0) {
				(void)usleep(20000);	/* let PID 1 settle in its loop */
				vals[0] = status_field(pid, "VmRSS");
				vals[1] = status_field(pid, "VmHWM");
				vals[2] = status_field(c, "VmRSS");
				vals[3] = status_field(pid, "RssAnon");
			}
			(void)kill(pid, SIGKILL);	/* takes the namespace with it */
			(void)wait_for(pid);
			if (c == 0 || vals[0] < 0 || vals[1] < 0 || vals[2] < 0 || vals[3] < 0)
				fail(s, "PROGRAM did not come up, or no VmRSS");
			else
				record(s, vals);
		}
	}
}

/* One byte from fd within ms milliseconds, or -1. */
static int
read_byte(int fd, int ms)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	char c;

	if (poll(&p, 1, ms) != 1 || read(fd, &c, 1) != 1)
		return -1;
	return (unsigned char)c;
}

static void
mode_sig(void)
{
	pid_t pid[MAXSUB];
	int in[MAXSUB];

	for (int i = 0; i < nsub; i++) {
		int p[2];

		if (pipe2(p, O_CLOEXEC) == -1) {
			perror("spawn: pipe");
			exit(1);
		}
		pid[i] = spawn_ns(&sub[i], p[1]);
		(void)close(p[1]);
		in[i] = p[0];
		if (read_byte(in[i], 5000) != 'r')
			fail(&sub[i], "PROGRAM did not come up");
	}
	for (int r = 0; r < rounds; r++) {
		for (int k = 0; k < nsub; k++) {
			int i = (r + k) % nsub;
			double t0, vals[NCOL] = { 0 };

			if (sub[i].failed)
				continue;
			t0 = now_ms();
			if (kill(pid[i], SIGTERM) == -1 || read_byte(in[i], 2000) != 'x') {
				fail(&sub[i], "SIGTERM not forwarded within 2 s");
				continue;
			}
			vals[0] = (now_ms() - t0) * 1e3;
			record(&sub[i], vals);
		}
	}
	for (int i = 0; i < nsub; i++) {
		(void)kill(pid[i], SIGKILL);
		(void)wait_for(pid[i]);
		(void)close(in[i]);
	}
}

static void
mode_out(void)
{
	for (int r = 0; r < rounds; r++) {
		for (int k = 0; k < nsub; k++) {
			struct subject *s = &sub[(r + k) % nsub];
			double vals[NCOL] = { 0 };
			char buf[512], *p = buf, *end;
			size_t len = 0;
			ssize_t n;
			int fds[2], st;
			pid_t pid;

			if (s->failed)
				continue;
			if (pipe2(fds, O_CLOEXEC) == -1) {
				perror("spawn: pipe");
				exit(1);
			}
			pid = spawn_ns(s, fds[1]);
			(void)close(fds[1]);
			while (len < sizeof(buf) - 1 &&
			    (n = read(fds[0], buf + len, sizeof(buf) - 1 - len)) != 0)
				if (n > 0)
					len += (size_t)n;
				else if (errno != EINTR)
					break;
			buf[len] = '\0';
			(void)close(fds[0]);
			st = wait_for(pid);
			if (st != 0) {
				fail(s, status_text(st));
				continue;
			}
			for (int c = 0; c < NCOL; c++, p = end) {
				vals[c] = strtod(p, &end);
				if (end == p)
					break;
			}
			if (p == buf) {
				fail(s, "no number on stdout");
				continue;
			}
			record(s, vals);
		}
	}
}

static void
report(void)
{
	for (int i = 0; i < nsub; i++) {
		struct subject *s = &sub[i];
		double med[NCOL] = { 0 }, p99 = 0;

		if (s->n > 0) {
			for (int c = 0; c < NCOL; c++) {
				qsort(s->v[c], (size_t)s->n, sizeof(double), cmp_double);
				med[c] = s->n % 2 ? s->v[c][s->n / 2] :
				    (s->v[c][s->n / 2 - 1] + s->v[c][s->n / 2]) / 2;
			}
			p99 = s->v[0][(99 * s->n + 99) / 100 - 1];
		}
		printf("%s %s %d %.4f %.4f %.4f %.4f %.4f\n", s->name,
		    s->failed || s->n == 0 ? "FAIL" : "ok", s->n,
		    med[0], med[1], med[2], med[3], p99);
	}
}

static void
usage(void)
{
	fprintf(stderr, "usage: spawn start|mem|sig|out [-r ROUNDS] -- "
	    "NAME PATH [ARG...] [:: NAME PATH [ARG...]]...\n");
	exit(2);
}

/* Split argv at "::" into subjects: NAME PATH [ARG...]. */
static void
parse_subjects(int argc, char *argv[])
{
	for (int i = 0; i < argc;) {
		struct subject *s = &sub[nsub];
		int j = i;

		while (j < argc && strcmp(argv[j], "::") != 0)
			j++;
		if (j - i < 2 || nsub == MAXSUB)
			usage();
		argv[j < argc ? j : argc] = NULL;	/* argv[argc] is NULL already */
		s->name = argv[i];
		s->argv = &argv[i + 1];
		s->errfd = memfd_create(s->name, MFD_CLOEXEC);
		if (s->errfd == -1) {
			perror("spawn: memfd_create");
			exit(1);
		}
		for (int c = 0; c < NCOL; c++) {
			s->v[c] = calloc((size_t)rounds + 1, sizeof(double));
			if (s->v[c] == NULL) {
				perror("spawn: calloc");
				exit(1);
			}
		}
		nsub++;
		i = j + 1;
	}
	if (nsub == 0)
		usage();
}

int
main(int argc, char *argv[])
{
	const char *mode;
	char *end;
	int i = 2;

	if (argc < 3)
		usage();
	mode = argv[1];
	if (strcmp(argv[i], "-r") == 0 && i + 1 < argc) {
		long r = strtol(argv[i + 1], &end, 10);

		if (*end != '\0' || r < 1 || r > 100000)
			usage();
		rounds = (int)r;
		i += 2;
	}
	if (i >= argc || strcmp(argv[i], "--") != 0)
		usage();
	parse_subjects(argc - i - 1, argv + i + 1);
	devnull = open("/dev/null", O_RDWR | O_CLOEXEC);
	if (devnull == -1) {
		perror("spawn: /dev/null");
		return 1;
	}
	if (strcmp(mode, "start") == 0)
		mode_start();
	else if (strcmp(mode, "mem") == 0)
		mode_mem();
	else if (strcmp(mode, "sig") == 0)
		mode_sig();
	else if (strcmp(mode, "out") == 0)
		mode_out();
	else
		usage();
	report();
	return 0;
}
