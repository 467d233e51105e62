/* probe: the app the integration tests run under minit.  Static, so it runs
 * in a FROM-scratch root.  Each subcommand observes one thing and prints it
 * (docs/security.md, "The test rig").  Exit 0 on success, 1 on a failed check, 2 on usage. */
#include <errno.h>
#include <fcntl.h>
#include <dirent.h>
#include <grp.h>
#include <limits.h>
#include <netinet/in.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/shm.h>
#include <sys/ptrace.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include <linux/capability.h>
#include <linux/sched.h>

static int
usage(void)
{
	fputs("usage: probe status|regain|try NAME|x32 NAME|int80 NAME|fds|cwd|"
	    "wait-signal|spawn-orphans N|orphans N|exec PATH...|ptrace PID|"
	    "read FILE|threads|bind PORT|pids|tty|sleep SECONDS|exit N|"
	    "kill-self SIG|ignore-term SECONDS|env NAME|kill PID SIG|write FILE|"
	    "listen-abstract NAME SECONDS|connect-abstract NAME|connect PORT|"
	    "memfd-exec FILE|landlock-abi|reach parent|child|traceme-stop|"
	    "tcoff FILE|orphan-keeps-term SECONDS|memfd-run fexecve|proc|sealed|"
	    "mdwe\n", stderr);
	return 2;
}

static int
cmd_status(void)
{
	static const char *const keys[] = { "Uid:", "Gid:", "Groups:", "CapInh:",
	    "CapPrm:", "CapEff:", "CapBnd:", "CapAmb:", "NoNewPrivs:",
	    "Seccomp:", "Seccomp_filters:", "SigBlk:", "SigIgn:", "Threads:",
	    NULL };
	char line[512];
	FILE *f = fopen("/proc/self/status", "r");

	if (f == NULL) {
		perror("probe: /proc/self/status");
		return 1;
	}
	while (fgets(line, sizeof(line), f) != NULL)
		for (int i = 0; keys[i] != NULL; i++)
			if (strncmp(line, keys[i], strlen(keys[i])) == 0)
				fputs(line, stdout);
	fclose(f);
	printf("securebits=0x%x\n", (unsigned)prctl(PR_GET_SECUREBITS));
	printf("dumpable=%d\n", prctl(PR_GET_DUMPABLE));
	printf("pid=%d ppid=%d sid=%d pgid=%d\n", (int)getpid(), (int)getppid(),
	    (int)getsid(0), (int)getpgrp());
	return 0;
}

/* Every way back to root; exit 0 only if all fail (T02). */
static int
cmd_regain(void)
{
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct d[2] = { { 0 } };
	gid_t zero = 0;
	int ok = 0;

#define TRY(name, expr) do {						\
	errno = 0;							\
	if ((expr) == 0) { printf("%s ok\n", name); ok++; }		\
	else printf("%s errno=%d\n", name, errno);			\
} while (0)
	TRY("setresuid", setresuid(0, 0, 0));
	TRY("setuid", setuid(0));
	TRY("seteuid", seteuid(0));
	TRY("setreuid", setreuid((uid_t)-1, 0));
	TRY("setresgid", setresgid(0, 0, 0));
	TRY("setgroups", setgroups(1, &zero));
	d[0].effective = d[0].permitted = 1U << CAP_SETUID;
	TRY("capset", (int)syscall(SYS_capset, &h, d));
	TRY("ambient-raise", prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE,
	    CAP_SETUID, 0, 0));
#undef TRY
	(void)syscall(SYS_setfsuid, 0);
	printf("fsuid=%ld\n", syscall(SYS_setfsuid, -1));
	return ok == 0 ? 0 : 1;
}

/* try NAME: one syscall with harmless arguments (bubblewrap try-syscall.c).
 * Prints "NAME ok" or "NAME errno=N".  EFAULT/EINVAL/EBADF mean the kernel
 * was reached; EPERM/ENOSYS from a filter mean it was not. */
static long
try_syscall(const char *name, int *known)
{
	*known = 1;
	if (strcmp(name, "getpid") == 0)
		return syscall(SYS_getpid);
	if (strcmp(name, "unshare-user") == 0)
		return syscall(SYS_unshare, CLONE_NEWUSER);
	if (strcmp(name, "unshare-ns") == 0)
		return syscall(SYS_unshare, CLONE_NEWNS);
	if (strcmp(name, "clone-newns") == 0 || strcmp(name, "clone-newuser") == 0) {
		long r = syscall(SYS_clone, (name[6] == 'n' && name[9] == 's' ?
		    CLONE_NEWNS : CLONE_NEWUSER) | SIGCHLD, 0, 0, 0, 0);
		if (r == 0)
			_exit(0);
		if (r > 0) {
			waitpid((pid_t)r, NULL, 0);
			return 0;
		}
		return r;
	}
	if (strcmp(name, "clone3") == 0)
		return syscall(SYS_clone3, NULL, 0);
	if (strcmp(name, "mount") == 0)
		return syscall(SYS_mount, "none", "/nonexistent", "tmpfs", 0, NULL);
	if (strcmp(name, "umount2") == 0)
		return syscall(SYS_umount2, "/nonexistent", 0);
	if (strcmp(name, "pivot_root") == 0)
		return syscall(SYS_pivot_root, "/nonexistent", "/nonexistent");
	if (strcmp(name, "ptrace") == 0 || strcmp(name, "ptrace-attach-1") == 0)
		return syscall(SYS_ptrace, PTRACE_ATTACH, 1, 0, 0);
	if (strcmp(name, "bpf") == 0)
		return syscall(SYS_bpf, -1, NULL, 0);
	if (strcmp(name, "keyctl") == 0)
		return syscall(SYS_keyctl, -1, 0, 0, 0, 0);
	if (strcmp(name, "add_key") == 0)
		return syscall(SYS_add_key, NULL, NULL, NULL, 0, 0);
	if (strcmp(name, "request_key") == 0)
		return syscall(SYS_request_key, NULL, NULL, NULL, 0);
	if (strcmp(name, "io_uring_setup") == 0)
		return syscall(SYS_io_uring_setup, 0, NULL);
	if (strcmp(name, "userfaultfd") == 0)
		return syscall(SYS_userfaultfd, -1);
	if (strcmp(name, "perf_event_open") == 0)
		return syscall(SYS_perf_event_open, NULL, 0, -1, -1, 0);
	if (strcmp(name, "personality-query") == 0)
		return syscall(SYS_personality, 0xffffffffUL) == -1 ? -1 : 0;
	if (strcmp(name, "personality-linux") == 0)
		return syscall(SYS_personality, 0UL) == -1 ? -1 : 0;
	if (strcmp(name, "personality-linux32") == 0)
		return syscall(SYS_personality, 0x8UL) == -1 ? -1 : 0;
	if (strcmp(name, "personality-bsd") == 0)
		return syscall(SYS_personality, 0x6UL) == -1 ? -1 : 0;
	if (strcmp(name, "personality-noaslr") == 0)
		return syscall(SYS_personality, 0x0040000UL) == -1 ? -1 : 0;
	if (strcmp(name, "ioctl-tiocsti") == 0)
		return syscall(SYS_ioctl, -1, (unsigned long)TIOCSTI, NULL);
	if (strcmp(name, "ioctl-tiocsti-hi") == 0)
		return syscall(SYS_ioctl, -1, (0x123UL << 32) | TIOCSTI, NULL);
	if (strcmp(name, "ioctl-tioclinux") == 0)
		return syscall(SYS_ioctl, -1, (unsigned long)TIOCLINUX, NULL);
	if (strcmp(name, "ioctl-fionread") == 0)
		return syscall(SYS_ioctl, -1, (unsigned long)FIONREAD, NULL);
	if (strcmp(name, "setns") == 0)
		return syscall(SYS_setns, -1, 0);
	if (strcmp(name, "kexec_load") == 0)
		return syscall(SYS_kexec_load, 0, 0, NULL, 0);
	if (strcmp(name, "init_module") == 0)
		return syscall(SYS_init_module, NULL, 0, "");
	if (strcmp(name, "finit_module") == 0)
		return syscall(SYS_finit_module, -1, "", 0);
	if (strcmp(name, "delete_module") == 0)
		return syscall(SYS_delete_module, "", 0);
	if (strcmp(name, "open_by_handle_at") == 0)
		return syscall(SYS_open_by_handle_at, -1, NULL, 0);
	if (strcmp(name, "name_to_handle_at") == 0)
		return syscall(SYS_name_to_handle_at, -1, NULL, NULL, NULL, 0);
	if (strcmp(name, "process_vm_readv") == 0)
		return syscall(SYS_process_vm_readv, 1, NULL, 0, NULL, 0, 0);
	if (strcmp(name, "kcmp") == 0)
		return syscall(SYS_kcmp, 1, 1, 0, 0, 0);
	if (strcmp(name, "acct") == 0)
		return syscall(SYS_acct, NULL);
	if (strcmp(name, "swapon") == 0)
		return syscall(SYS_swapon, NULL, 0);
	if (strcmp(name, "reboot") == 0)
		return syscall(SYS_reboot, 0, 0, 0, NULL);
	if (strcmp(name, "syslog") == 0)
		return syscall(SYS_syslog, 3, NULL, 0);
#ifdef SYS_iopl		/* x86 only */
	if (strcmp(name, "iopl") == 0)
		return syscall(SYS_iopl, 0);
	if (strcmp(name, "ioperm") == 0)
		return syscall(SYS_ioperm, 0, 0, 0);
#endif
	if (strcmp(name, "quotactl") == 0)
		return syscall(SYS_quotactl, 0, NULL, 0, NULL);
	if (strcmp(name, "settimeofday") == 0)
		return syscall(SYS_settimeofday, NULL, NULL);
	if (strcmp(name, "clock_settime") == 0)
		return syscall(SYS_clock_settime, -1, NULL);
	if (strcmp(name, "fsopen") == 0)
		return syscall(SYS_fsopen, NULL, 0);
	if (strcmp(name, "open_tree") == 0)
		return syscall(SYS_open_tree, -1, NULL, 0);
	if (strcmp(name, "move_mount") == 0)
		return syscall(SYS_move_mount, -1, NULL, -1, NULL, 0);
	if (strcmp(name, "mount_setattr") == 0)
		return syscall(SYS_mount_setattr, -1, NULL, 0, NULL, 0);
	if (strcmp(name, "mmap-wx") == 0) {
		void *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		return p == MAP_FAILED ? -1 : 0;
	}
	if (strcmp(name, "mmap") == 0) {
		void *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		return p == MAP_FAILED ? -1 : 0;
	}
	if (strcmp(name, "socket-inet") == 0) {
		int s = socket(AF_INET, SOCK_STREAM, 0);
		return s < 0 ? -1 : close(s);
	}
	if (strcmp(name, "socket-raw") == 0) {
		int s = socket(AF_INET, SOCK_RAW, IPPROTO_ICMP);
		return s < 0 ? -1 : close(s);
	}
	if (strcmp(name, "socket-packet") == 0) {
		int s = socket(AF_PACKET, SOCK_DGRAM, 0);
		return s < 0 ? -1 : close(s);
	}
	if (strcmp(name, "mprotect-wx") == 0) {
		void *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (p == MAP_FAILED)
			return -1;
		return mprotect(p, 4096, PROT_READ | PROT_WRITE | PROT_EXEC);
	}
	if (strcmp(name, "fork") == 0) {
		pid_t p = fork();
		if (p == 0)
			_exit(0);
		return p < 0 ? -1 : (waitpid(p, NULL, 0) == p ? 0 : -1);
	}
#ifdef SYS_modify_ldt	/* x86 only */
	if (strcmp(name, "modify_ldt") == 0) {
		char ldt[16];
		return syscall(SYS_modify_ldt, 0, ldt, sizeof(ldt));
	}
#endif
	if (strcmp(name, "stderr-blocking") == 0) {	/* O_NONBLOCK: EAGAIN */
		int fl = fcntl(STDERR_FILENO, F_GETFL);
		if (fl != -1 && (fl & O_NONBLOCK)) {
			errno = EAGAIN;
			return -1;
		}
		return fl;
	}
	if (strcmp(name, "tiocsti-tty") == 0)	/* into our own terminal */
		return ioctl(STDIN_FILENO, TIOCSTI, "#");
	if (strcmp(name, "shmat") == 0 || strcmp(name, "shmat-exec") == 0) {
		int id = shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0700);
		void *p;
		int err;
		if (id == -1)
			return -1;
		p = shmat(id, NULL, name[5] == '-' ? SHM_EXEC | SHM_RDONLY : 0);
		err = errno;
		(void)shmctl(id, IPC_RMID, NULL);
		errno = err;
		return p == (void *)-1 ? -1 : 0;
	}
	if (strcmp(name, "mprotect-exec-gain") == 0) {	/* RW, then RX */
		void *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (p == MAP_FAILED)
			return -1;
		return mprotect(p, 4096, PROT_READ | PROT_EXEC);
	}
	/* memfd_create with the flags its name says: MFD_CLOEXEC 1,
	 * MFD_NOEXEC_SEAL 8 */
	static const struct { const char *name; unsigned flags; } memfds[] = {
		{ "memfd", 0 }, { "memfd-noexec-seal", 0x8 },
		{ "memfd-cloexec", 0x1 }, { "memfd-cloexec-noexec-seal", 0x9 },
	};
	for (size_t i = 0; i < sizeof(memfds) / sizeof(memfds[0]); i++) {
		int fd;

		if (strcmp(name, memfds[i].name) != 0)
			continue;
		fd = (int)syscall(SYS_memfd_create, "probe", memfds[i].flags);
		return fd < 0 ? -1 : close(fd);
	}
	if (strcmp(name, "syscall-1000") == 0)
		return syscall(1000);
	if (strcmp(name, "getppid") == 0)
		return syscall(SYS_getppid) > 0 ? 0 : -1;
	*known = 0;
	return -1;
}

static int
cmd_try(const char *name)
{
	int known;
	long r;

	errno = 0;
	r = try_syscall(name, &known);
	if (!known) {
		fprintf(stderr, "probe: try: unknown name %s\n", name);
		return 2;
	}
	if (r >= 0)
		printf("%s ok\n", name);
	else
		printf("%s errno=%d\n", name, errno);
	return 0;
}

#if defined(__x86_64__)	/* the second and third ABI of x86_64 */
/* x32 NAME: the same x86_64 syscall through the x32 numbering (P12). */
static int
cmd_x32(const char *name)
{
	long nr = strcmp(name, "getpid") == 0 ? SYS_getpid :
	    strcmp(name, "unshare") == 0 ? SYS_unshare : -1;
	long r;

	if (nr == -1)
		return usage();
	errno = 0;
	r = syscall(nr | 0x40000000L, CLONE_NEWUSER);
	printf("x32 %s %s errno=%d\n", name, r >= 0 ? "ok" : "failed", errno);
	return 0;
}

/* int80 NAME: the i386 ABI through int $0x80 (P11).  i386 getpid is 20,
 * unshare is 310. */
static int
cmd_int80(const char *name)
{
	long nr = strcmp(name, "getpid") == 0 ? 20 :
	    strcmp(name, "unshare") == 0 ? 310 : -1;
	long r;

	if (nr == -1)
		return usage();
	__asm__ volatile ("int $0x80" : "=a"(r) : "a"(nr), "b"(CLONE_NEWUSER)
	    : "memory");
	printf("int80 %s returned %ld\n", name, r);
	return 0;
}
#endif

static int
cmd_fds(void)
{
	DIR *d = opendir("/proc/self/fd");
	struct dirent *de;
	int extra = 0;

	if (d == NULL) {
		perror("probe: /proc/self/fd");
		return 1;
	}
	while ((de = readdir(d)) != NULL) {
		char path[64], target[PATH_MAX];
		ssize_t n;
		int fd = atoi(de->d_name);

		if (de->d_name[0] == '.' || fd <= 2 || fd == dirfd(d))
			continue;
		snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
		n = readlink(path, target, sizeof(target) - 1);
		target[n < 0 ? 0 : n] = '\0';
		printf("fd %d -> %s\n", fd, target);
		extra++;
	}
	closedir(d);
	printf("extra fds: %d\n", extra);
	return extra == 0 ? 0 : 1;
}

static volatile sig_atomic_t got_term;

static void
on_signal(int sig, siginfo_t *si, void *ctx)
{
	char buf[64];
	int n;

	(void)ctx;
	n = snprintf(buf, sizeof(buf), "got %d code %d\n", sig, si->si_code);
	(void)!write(STDOUT_FILENO, buf, (size_t)n);
	if (sig == SIGTERM)
		got_term = 1;
}

/* wait-signal [SECONDS]: print every signal; exit 0 on SIGTERM, 3 on timeout. */
static int
cmd_wait_signal(int argc, char **argv)
{
	struct sigaction sa = { .sa_sigaction = on_signal, .sa_flags = SA_SIGINFO };
	int secs = argc > 2 ? atoi(argv[2]) : 30;
	sigset_t none;

	sigemptyset(&sa.sa_mask);
	for (int sig = 1; sig < 65; sig++)
		if (sig != SIGKILL && sig != SIGSTOP && sig != SIGCHLD)
			(void)sigaction(sig, &sa, NULL);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	printf("ready\n");
	fflush(stdout);
	for (int i = 0; i < secs * 100 && !got_term; i++)
		usleep(10000);
	return got_term ? 0 : 3;
}

/* spawn-orphans N: a child forks N grandchildren that sleep 1 s and exits at
 * once, so they are orphaned; then wait 3 s. */
static int
cmd_spawn_orphans(int n, int linger_ms, int wait_s)
{
	pid_t p = fork();

	if (p == -1)
		return 1;
	if (p == 0) {
		for (int i = 0; i < n; i++) {
			pid_t g = fork();
			if (g == 0) {
				if (linger_ms > 0)
					usleep((useconds_t)linger_ms * 1000);
				_exit(0);
			}
			if (g == -1) {
				perror("probe: fork");
				_exit(1);
			}
		}
		_exit(0);
	}
	waitpid(p, NULL, 0);
	printf("spawned %d orphans\n", n);
	fflush(stdout);
	sleep((unsigned)wait_s);
	return 0;
}

/* A child that forks n grandchildren exiting at once, and exits: n
 * orphans that are zombies until PID 1 reaps them. */
static int
cmd_spawn_orphans_quiet(int n)
{
	pid_t p = fork();

	if (p == 0) {
		for (int i = 0; i < n; i++)
			if (fork() == 0)
				_exit(0);
		_exit(0);
	}
	return p < 0 ? -1 : (waitpid(p, NULL, 0) == p ? 0 : -1);
}

/* pids: every process visible in /proc with its state; zombies counted. */
static int
cmd_pids(void)
{
	DIR *d = opendir("/proc");
	struct dirent *de;
	int zombies = 0, total = 0;

	if (d == NULL)
		return 1;
	while ((de = readdir(d)) != NULL) {
		char path[300], line[256];
		FILE *f;

		if (de->d_name[0] < '0' || de->d_name[0] > '9')
			continue;
		snprintf(path, sizeof(path), "/proc/%s/status", de->d_name);
		f = fopen(path, "r");
		if (f == NULL)
			continue;
		while (fgets(line, sizeof(line), f) != NULL)
			if (strncmp(line, "State:", 6) == 0) {
				total++;
				if (strchr(line, 'Z') != NULL)
					zombies++;
			}
		fclose(f);
	}
	closedir(d);
	printf("processes=%d zombies=%d\n", total, zombies);
	return 0;
}

/* reach parent|child: every call that would change another process's
 * limits or scheduling, against our parent (minit) and its process group,
 * or against a child of our own (the control).  Each one sets what is
 * already there, so nothing changes when it succeeds. */
static void
reach_one(const char *name, long r)
{
	if (r >= 0)
		printf("%s ok\n", name);
	else
		printf("%s errno=%d\n", name, errno);
}

static int
cmd_reach(const char *who)
{
	/* struct sched_attr, first version: size, policy, flags (2 words),
	 * nice, priority, runtime, deadline, period (2 words each) */
	uint32_t attr[12] = { 48, SCHED_OTHER };
	struct sched_param sp = { 0 };
	struct rlimit rl;
	cpu_set_t set;
	pid_t pid, pgid, child = 0;
	int prio;
	long io;

	if (strcmp(who, "parent") == 0) {
		pid = getppid();
	} else {
		child = fork();
		if (child == 0) {
			pause();
			_exit(0);
		}
		(void)setpgid(child, child);
		pid = child;
	}
	pgid = getpgid(pid);
	printf("target pid=%d pgid=%d\n", (int)pid, (int)pgid);
	errno = 0;
	reach_one("prlimit64", prlimit(pid, RLIMIT_NOFILE, NULL, &rl));
	errno = 0;
	prio = getpriority(PRIO_PROCESS, (id_t)pid);
	reach_one("setpriority-process", setpriority(PRIO_PROCESS, (id_t)pid, prio));
	errno = 0;
	if (pgid > 0)
		reach_one("setpriority-pgrp", setpriority(PRIO_PGRP, (id_t)pgid,
		    getpriority(PRIO_PGRP, (id_t)pgid)));
	errno = 0;
	reach_one("setpriority-user", setpriority(PRIO_USER, getuid(),
	    getpriority(PRIO_USER, getuid())));
	errno = 0;
	if (sched_getaffinity(pid, sizeof(set), &set) == 0)
		reach_one("sched_setaffinity", sched_setaffinity(pid, sizeof(set), &set));
	errno = 0;
	/* musl's wrappers answer ENOSYS without asking the kernel */
	reach_one("sched_setscheduler", syscall(SYS_sched_setscheduler, pid,
	    SCHED_OTHER, &sp));
	errno = 0;
	reach_one("sched_setparam", syscall(SYS_sched_setparam, pid, &sp));
	errno = 0;
	attr[4] = (uint32_t)prio;
	reach_one("sched_setattr", syscall(SYS_sched_setattr, pid, attr, 0));
	errno = 0;
	io = syscall(SYS_ioprio_get, 1, pid);
	reach_one("ioprio_set-process", syscall(SYS_ioprio_set, 1, pid, io < 0 ? 0 : io));
	errno = 0;
	if (pgid > 0) {
		io = syscall(SYS_ioprio_get, 2, pgid);
		reach_one("ioprio_set-pgrp", syscall(SYS_ioprio_set, 2, pgid,
		    io < 0 ? 0 : io));
	}
	errno = 0;
	io = syscall(SYS_ioprio_get, 3, getuid());
	reach_one("ioprio_set-user", syscall(SYS_ioprio_set, 3, getuid(), io < 0 ? 0 : io));
	errno = 0;
	reach_one("prlimit64-self", prlimit(0, RLIMIT_NOFILE, NULL, &rl));
	if (child > 0) {
		kill(child, SIGKILL);
		waitpid(child, NULL, 0);
	}
	return 0;
}

/* traceme-stop: make our parent (minit) our tracer, then stop; say so
 * before and after. */
static int
cmd_traceme_stop(void)
{
	if (ptrace(PTRACE_TRACEME, 0, NULL, NULL) == -1) {
		printf("traceme errno=%d\n", errno);
		return 1;
	}
	printf("traced\n");
	(void)kill(getpid(), SIGSTOP);
	printf("continued\n");
	sleep(60);
	return 0;
}

/* tcoff FILE: stop output on our terminal (tcflow TCOOFF), create FILE,
 * then leave an orphan that dies at once (a zombie for PID 1 to reap)
 * every 100 ms, for 60 s. */
static int
cmd_tcoff(const char *file)
{
	int fd;

	if (tcflow(STDERR_FILENO, TCOOFF) == -1)
		return 1;
	fd = open(file, O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
	if (fd == -1)
		return 1;
	(void)close(fd);
	for (int i = 0; i < 600; i++) {
		(void)cmd_spawn_orphans_quiet(1);
		usleep(100000);
	}
	return 0;
}

/* orphan-keeps-term SECONDS: leave an orphan in a session of its own that
 * ignores SIGTERM for SECONDS, then exit at once. */
static int
cmd_orphan_keeps_term(int secs)
{
	pid_t p;

	signal(SIGTERM, SIG_IGN);	/* before the fork: no window */
	p = fork();
	if (p == 0) {
		(void)setsid();
		sleep((unsigned)secs);
		_exit(0);
	}
	printf("orphan %d\n", (int)p);
	return p > 0 ? 0 : 1;
}

static void *
thread_fn(void *arg)
{
	return arg;
}

/* memfd-run fexecve|proc|sealed: copy ourselves into a memory file and
 * run that copy as "probe exit 42", by fexecve or by its /proc/self/fd
 * name; "sealed" asks for MFD_NOEXEC_SEAL first (the exec must fail). */
static int
cmd_memfd_run(const char *how)
{
	char buf[65536], path[64];
	char *args[] = { "probe", "exit", "42", NULL };
	ssize_t n;
	int in, fd;

	fd = (int)syscall(SYS_memfd_create, "probe",
	    strcmp(how, "sealed") == 0 ? 0x8U /* MFD_NOEXEC_SEAL */ : 0U);
	if (fd < 0) {
		printf("memfd_create errno=%d\n", errno);
		return 1;
	}
	in = open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
	if (in < 0)
		return 1;
	while ((n = read(in, buf, sizeof(buf))) > 0)
		if (write(fd, buf, (size_t)n) != n)
			return 1;
	(void)close(in);
	if (strcmp(how, "fexecve") == 0 || strcmp(how, "sealed") == 0) {
		fexecve(fd, args, environ);
	} else {
		snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
		execve(path, args, environ);
	}
	printf("exec errno=%d\n", errno);
	return 1;
}

static int
cmd_bind(int port)
{
	struct sockaddr_in sin = { .sin_family = AF_INET,
	    .sin_port = htons((uint16_t)port) };
	int s = socket(AF_INET, SOCK_STREAM, 0);

	if (s < 0 || bind(s, (struct sockaddr *)&sin, sizeof(sin)) == -1) {
		printf("bind %d errno=%d\n", port, errno);
		return 1;
	}
	printf("bind %d ok\n", port);
	return 0;
}

/* ---- landlock (tests/landlock.bats): one block, one dispatcher ---------- */
#include <sys/un.h>

/* An abstract unix socket address for NAME: "\0NAME". */
static socklen_t
abstract_addr(const char *name, struct sockaddr_un *sun)
{
	size_t len = strlen(name);

	memset(sun, 0, sizeof(*sun));
	sun->sun_family = AF_UNIX;
	if (len > sizeof(sun->sun_path) - 1)
		len = sizeof(sun->sun_path) - 1;
	memcpy(sun->sun_path + 1, name, len);
	return (socklen_t)(offsetof(struct sockaddr_un, sun_path) + 1 + len);
}

/* memfd-exec FILE: FILE's bytes into a memfd, then fexecve it as
 * "probe try getpid" (FILE is this probe): "getpid ok" when it ran. */
static int
ll_memfd_exec(const char *file)
{
	char buf[65536], *args[] = { "probe", "try", "getpid", NULL };
	int in = open(file, O_RDONLY | O_CLOEXEC);
	int fd = memfd_create("probe", MFD_CLOEXEC);
	ssize_t n;

	if (fd == -1) {
		printf("memfd_create errno=%d\n", errno);
		return 1;
	}
	while (in != -1 && (n = read(in, buf, sizeof(buf))) > 0)
		if (write(fd, buf, (size_t)n) != n)
			return 1;
	fexecve(fd, args, environ);
	printf("memfd-exec errno=%d\n", errno);
	return 1;
}

/* Returns -1 when argv is none of the verbs below. */
static int
landlock_verbs(int argc, char **argv)
{
	const char *cmd = argv[1];

	if (strcmp(cmd, "kill") == 0 && argc > 3) {	/* kill PID SIG */
		int r = kill(atoi(argv[2]), atoi(argv[3]));
		printf("kill %s %s errno=%d\n", argv[2], r == 0 ? "ok" : "failed",
		    r == 0 ? 0 : errno);
		return r == 0 ? 0 : 1;
	}
	if (strcmp(cmd, "write") == 0 && argc > 2) {	/* write FILE */
		int fd = open(argv[2], O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
		if (fd == -1 || write(fd, "x\n", 2) != 2) {
			printf("write errno=%d\n", errno);
			return 1;
		}
		close(fd);
		printf("write ok\n");
		return 0;
	}
	if (strcmp(cmd, "listen-abstract") == 0 && argc > 3) {	/* NAME SECONDS */
		struct sockaddr_un sun;
		socklen_t len = abstract_addr(argv[2], &sun);
		int s = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
		if (s == -1 || bind(s, (struct sockaddr *)&sun, len) == -1 ||
		    listen(s, 8) == -1) {
			printf("listen-abstract errno=%d\n", errno);
			return 1;
		}
		printf("listening\n");
		fflush(stdout);
		sleep((unsigned)atoi(argv[3]));
		return 0;
	}
	if (strcmp(cmd, "connect-abstract") == 0 && argc > 2) {	/* NAME */
		struct sockaddr_un sun;
		socklen_t len = abstract_addr(argv[2], &sun);
		int s = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
		if (s == -1 || connect(s, (struct sockaddr *)&sun, len) == -1) {
			printf("connect-abstract errno=%d\n", errno);
			return 1;
		}
		printf("connect-abstract ok\n");
		return 0;
	}
	if (strcmp(cmd, "connect") == 0 && argc > 2) {	/* PORT on 127.0.0.1 */
		struct sockaddr_in sin = { .sin_family = AF_INET,
		    .sin_port = htons((uint16_t)atoi(argv[2])),
		    .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
		int s = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
		if (s == -1 || connect(s, (struct sockaddr *)&sin, sizeof(sin)) == -1) {
			printf("connect %s errno=%d\n", argv[2], errno);
			return 1;
		}
		printf("connect %s ok\n", argv[2]);
		return 0;
	}
	if (strcmp(cmd, "memfd-exec") == 0 && argc > 2)
		return ll_memfd_exec(argv[2]);
	if (strcmp(cmd, "landlock-abi") == 0) {	/* the kernel's, or -1 */
		printf("%ld\n", syscall(444, NULL, 0, 1U));
		return 0;
	}
	return -1;
}
/* ---- end of the landlock block ----------------------------------------- */

int
main(int argc, char **argv)
{
	const char *cmd = argc > 1 ? argv[1] : "";

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (strcmp(cmd, "status") == 0)
		return cmd_status();
	if (strcmp(cmd, "regain") == 0)
		return cmd_regain();
	if (strcmp(cmd, "try") == 0 && argc > 2) {
		int rc = 0;
		for (int i = 2; i < argc && rc == 0; i++)
			rc = cmd_try(argv[i]);
		return rc;
	}
#if defined(__x86_64__)
	if (strcmp(cmd, "x32") == 0 && argc > 2)
		return cmd_x32(argv[2]);
	if (strcmp(cmd, "int80") == 0 && argc > 2)
		return cmd_int80(argv[2]);
#endif
	if (strcmp(cmd, "fds") == 0)
		return cmd_fds();
	if (strcmp(cmd, "cwd") == 0) {
		char buf[PATH_MAX];
		if (getcwd(buf, sizeof(buf)) == NULL) {
			printf("cwd errno=%d\n", errno);
			return 1;
		}
		printf("%s\n", buf);
		return 0;
	}
	if (strcmp(cmd, "wait-signal") == 0)
		return cmd_wait_signal(argc, argv);
	if (strcmp(cmd, "spawn-orphans") == 0 && argc > 2)
		return cmd_spawn_orphans(atoi(argv[2]), 1000, 3);
	if (strcmp(cmd, "orphans") == 0 && argc > 2)	/* die at once, exit at once */
		return cmd_spawn_orphans(atoi(argv[2]), 0, 0);
	if (strcmp(cmd, "exec") == 0 && argc > 2) {
		execv(argv[2], argv + 2);
		printf("exec errno=%d\n", errno);
		return 1;
	}
	if (strcmp(cmd, "ptrace") == 0 && argc > 2) {
		long r = ptrace(PTRACE_SEIZE, atoi(argv[2]), 0, 0);
		printf("ptrace %s errno=%d\n", r == 0 ? "ok" : "failed", r == 0 ? 0 : errno);
		return r == 0 ? 0 : 1;
	}
	if (strcmp(cmd, "read") == 0 && argc > 2) {
		char buf[4096];
		int fd = open(argv[2], O_RDONLY);
		ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof(buf));
		if (n < 0) {
			printf("read errno=%d\n", errno);
			return 1;
		}
		fwrite(buf, 1, (size_t)n, stdout);
		return 0;
	}
	if (strcmp(cmd, "threads") == 0) {
		pthread_t t;
		if (pthread_create(&t, NULL, thread_fn, NULL) != 0 ||
		    pthread_join(t, NULL) != 0) {
			printf("threads failed\n");
			return 1;
		}
		printf("threads ok\n");
		return 0;
	}
	if (strcmp(cmd, "bind") == 0 && argc > 2)
		return cmd_bind(atoi(argv[2]));
	if (strcmp(cmd, "pids") == 0)
		return cmd_pids();
	if (strcmp(cmd, "tty") == 0) {
		pid_t fg = tcgetpgrp(STDIN_FILENO);
		printf("isatty=%d sid=%d pgrp=%d tcgetpgrp=%d tcgetsid=%d\n",
		    isatty(STDIN_FILENO), (int)getsid(0), (int)getpgrp(), (int)fg,
		    (int)tcgetsid(STDIN_FILENO));
		return fg == getpgrp() ? 0 : 1;
	}
	if (strcmp(cmd, "sleep") == 0 && argc > 2) {
		struct timespec ts = { .tv_sec = atoi(argv[2]) };
		while (nanosleep(&ts, &ts) == -1 && errno == EINTR)
			;
		return 0;
	}
	if (strcmp(cmd, "exit") == 0 && argc > 2)
		return atoi(argv[2]);
	if (strcmp(cmd, "kill-self") == 0 && argc > 2) {
		signal(atoi(argv[2]), SIG_DFL);
		kill(getpid(), atoi(argv[2]));
		pause();
		return 1;
	}
	if (strcmp(cmd, "ignore-term") == 0 && argc > 2) {
		signal(SIGTERM, SIG_IGN);
		printf("ignoring TERM\n");
		sleep((unsigned)atoi(argv[2]));
		return 0;
	}
	if (strcmp(cmd, "reach") == 0 && argc > 2)
		return cmd_reach(argv[2]);
	if (strcmp(cmd, "traceme-stop") == 0)
		return cmd_traceme_stop();
	if (strcmp(cmd, "tcoff") == 0 && argc > 2)
		return cmd_tcoff(argv[2]);
	if (strcmp(cmd, "orphan-keeps-term") == 0 && argc > 2)
		return cmd_orphan_keeps_term(atoi(argv[2]));
	if (strcmp(cmd, "memfd-run") == 0 && argc > 2)
		return cmd_memfd_run(argv[2]);
	if (strcmp(cmd, "mdwe") == 0) {
		int m = prctl(66 /* PR_GET_MDWE */, 0, 0, 0, 0);
		printf("mdwe=%d%s\n", m, m == -1 ? strerror(errno) : "");
		return 0;
	}
	if (strcmp(cmd, "env") == 0 && argc > 2) {
		const char *v = getenv(argv[2]);
		printf("%s=%s\n", argv[2], v != NULL ? v : "(unset)");
		return v != NULL ? 0 : 1;
	}
	if (argc > 1) {
		int rc = landlock_verbs(argc, argv);
		if (rc != -1)
			return rc;
	}
	return usage();
}
