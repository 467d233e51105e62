/* child.c: from fork to exec.  The order is the one of docs/security.md
 * ("Order of operations") and it matters: identity before capabilities
 * before no_new_privs, PROGRAM resolved as the target user, seccomp last
 * (it need not allow setuid or capset, and must allow only what is left:
 * read, write, sigprocmask, execve, exit). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "audit.h"
#include "child.h"
#include "execpath.h"
#include "landlock.h"
#include "log.h"
#include "options.h"
#include "privdrop.h"
#include "rootfs.h"
#include "seccomp.h"

#ifndef CLOSE_RANGE_CLOEXEC
#define CLOSE_RANGE_CLOEXEC (1U << 2)
#endif

/* PID 1's word on its own drop (init.c, init_supervise): a byte when it is
 * done, and then the lines we held go out.  If the drop failed, PID 1 has
 * said why and closes go (and kills us, where it still may): the lines we
 * held are of the same cause, and are dropped.  -1: PID 1 refused. */
static int
await_go(int go_fd)
{
	char go;

	if (read(go_fd, &go, 1) != 1) {
		log_discard();
		return -1;
	}
	log_release();
	return 0;
}

/* go_fd: -1 once PID 1 has answered, or with --no-init (no PID 1). */
static _Noreturn void
fail(const struct minit_config *cfg, int status_fd, int go_fd, int code,
    int err)
{
	struct child_report r = { .code = code, .err = err };

	if (go_fd != -1 && await_go(go_fd) == -1)
		_exit(MINIT_EX_REFUSED);	/* PID 1 said it, and exits 125 */
	if (status_fd == -1) {
		/* --no-init: nobody else will say it */
		if (code != MINIT_EX_REFUSED) {
			errno = err;
			log_sys("exec %s", cfg->argv[0]);
		}
	} else {
		(void)!write(status_fd, &r, sizeof(r));
	}
	_exit(code);
}

/* Dispositions back to SIG_DFL while everything is still blocked (P27): a
 * signal arriving now must not run one of our handlers.  A standard signal
 * the caller ignored stays ignored, as POSIX has it across exec (`nohup
 * minit ...`: PROGRAM keeps ignoring SIGHUP), but SIGCHLD: ignored, the
 * kernel would reap PROGRAM's children for it and its wait() would fail
 * (P27).  The real-time ones (32-64) are always reset: the first of them
 * belong to the caller's C library (glibc 32-33, musl 32-34), and GNU make,
 * for one, leaves 32 and 33 ignored in what it runs; PROGRAM's libc and
 * `docker kill -s RTMIN` need them at their default.  minit itself sets no
 * handler and ignores nothing, so every SIG_IGN here is the caller's.  The
 * raw syscall, because musl's sigaction() refuses 32-34. */
struct kernel_sigaction {
	void		(*handler)(int);
	unsigned long	 flags;
	void		(*restorer)(void);
	uint64_t	 mask;
};

static void __attribute__((cold))
signals_default(void)
{
	struct kernel_sigaction dfl = { .handler = SIG_DFL };

	/* One call a signal: reset, and read the old disposition in the same
	 * call; the rare kept SIG_IGN is put back (127 rt_sigaction a start
	 * were 65: BENCHMARKS.md, start-up syscalls).  Blocked meanwhile, a
	 * signal waits, and putting SIG_IGN back discards it, as it would
	 * have been discarded when the mask opens. */
	for (int sig = 1; sig < MINIT_NSIG; sig++) {
		struct kernel_sigaction old = { .handler = SIG_DFL };

		if (sig == SIGKILL || sig == SIGSTOP)
			continue;
		if (syscall(SYS_rt_sigaction, sig, &dfl, &old,
			sizeof(dfl.mask)) == 0 &&
		    old.handler == SIG_IGN && sig != SIGCHLD && sig < 32)
			(void)syscall(SYS_rt_sigaction, sig, &old, NULL,
			    sizeof(old.mask));	/* the caller's: kept */
	}
}

/* A -v line written to a closed stderr left a SIGPIPE pending: it must not
 * kill PROGRAM the moment the mask opens.  Setting SIG_IGN discards a
 * pending signal (POSIX); then back to SIG_DFL for PROGRAM, unless the
 * caller had it ignored (signals_default). */
static void __attribute__((cold))
discard_own_sigpipe(void)
{
	struct kernel_sigaction ign = { .handler = SIG_IGN };
	struct kernel_sigaction dfl = { .handler = SIG_DFL };
	struct kernel_sigaction old = { .handler = SIG_DFL };

	(void)syscall(SYS_rt_sigaction, SIGPIPE, &ign, &old, sizeof(ign.mask));
	if (old.handler != SIG_IGN)
		(void)syscall(SYS_rt_sigaction, SIGPIPE, &dfl, NULL,
		    sizeof(dfl.mask));
}

/* A session of its own; stdin's terminal, if any, as its controlling tty so
 * that a shell gets job control.  Not having the tty is not a hardening
 * failure: the shell just runs without job control. */
static int
new_session_tty(const struct minit_config *cfg)
{
	if (isatty(STDIN_FILENO) && ioctl(STDIN_FILENO, TIOCSCTTY, 0) == -1)
		log_verbose(cfg, "tty: PROGRAM cannot take the terminal: %s",
		    strerror(errno));
	return 0;
}

static int
new_session(const struct minit_config *cfg)
{
	if (setsid() == -1) {
		log_sys("setsid");
		return -1;
	}
	return new_session_tty(cfg);
}

/* --no-init: PROGRAM takes this process's place, so a session of its own
 * when it can (not a process-group leader), as in the init mode.  A group
 * leader in another's session (a shell's job) cannot start one: it lets go
 * of that session's terminal instead (TIOCNOTTY, which for a process that
 * does not lead the session sends no signal).  A session leader keeps its
 * terminal: it is then the container's own, which PROGRAM holds in the init
 * mode too.  Without this an app with the terminal of the shell that
 * started minit could push input into it with TIOCSTI (issue 14.4). */
static int
own_session_in_place(const struct minit_config *cfg)
{
	int tty, fd;

	if (setsid() != -1 || getsid(0) == getpid())
		return new_session_tty(cfg);
	tty = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
	if (tty == -1 && errno == ENXIO)
		return 0;	/* no controlling terminal */
	if (tty != -1) {
		fd = ioctl(tty, TIOCNOTTY);
		(void)close(tty);
		if (fd == -1) {
			log_sys("TIOCNOTTY");
			return -1;
		}
	} else {
		/* no /dev/tty to open: the terminal, if any, is on 0-2 */
		for (fd = 0; fd <= 2 && ioctl(fd, TIOCNOTTY) == -1; fd++)
			;
	}
	return 0;
}

/* Socket activation: fds 3..3+N-1 named by LISTEN_FDS=N are kept when
 * LISTEN_PID names minit, and LISTEN_PID is rewritten to PROGRAM's pid. */
static int
listen_fds(char **envp, pid_t minit_pid)
{
	static char pidvar[32];
	unsigned long long n = 0, pid = 0;
	char **pidp = NULL;
	const char *fds = NULL;

	for (size_t i = 0; envp != NULL && envp[i] != NULL; i++) {
		if (strncmp(envp[i], "LISTEN_PID=", 11) == 0)
			pidp = &envp[i];
		else if (strncmp(envp[i], "LISTEN_FDS=", 11) == 0)
			fds = envp[i] + 11;
	}
	if (pidp == NULL || fds == NULL ||
	    options_parse_uint(*pidp + 11, INT_MAX, &pid) == -1 ||
	    (pid_t)pid != minit_pid ||
	    options_parse_uint(fds, 4096, &n) == -1)
		return 0;
	snprintf(pidvar, sizeof(pidvar), "LISTEN_PID=%d", (int)getpid());
	*pidp = pidvar;
	return (int)n;
}

/* Mark every fd from first on close-on-exec (P23): PROGRAM inherits only
 * 0, 1, 2 (and socket-activation fds).  The slow path walks /proc. */
static int
close_stray_fds(unsigned first)
{
	DIR *d;
	struct dirent *de;

	if (syscall(SYS_close_range, first, ~0U, CLOSE_RANGE_CLOEXEC) == 0)
		return 0;
	d = opendir("/proc/self/fd");
	if (d == NULL) {
		log_sys("fds: close_range failed and /proc/self/fd");
		return -1;
	}
	while ((de = readdir(d)) != NULL) {
		unsigned long long fd;

		if (options_parse_uint(de->d_name, INT_MAX, &fd) == 0 &&
		    fd >= first && (int)fd != dirfd(d) &&
		    fcntl((int)fd, F_SETFD, FD_CLOEXEC) == -1) {
			log_sys("fds: FD_CLOEXEC on %llu", fd);
			(void)closedir(d);
			return -1;
		}
	}
	(void)closedir(d);
	return 0;
}

void
child_run(const struct minit_config *cfg, int status_fd, int go_fd)
{
	pid_t minit_pid = status_fd == -1 ? getpid() : getppid();
	char path[PATH_MAX], held[4096];	/* held: log_hold */
	const char *program = NULL;
	sigset_t none;
	int err, nlisten;

	if (go_fd != -1)
		log_hold(held, sizeof(held));	/* until PID 1's go: await_go */
	signals_default();
	if ((cfg->no_init ? own_session_in_place(cfg) : new_session(cfg)) == -1)
		fail(cfg, status_fd, go_fd, MINIT_EX_REFUSED, errno);
	nlisten = listen_fds(cfg->envp, minit_pid);
	if (!cfg->keep_fds && close_stray_fds(3U + (unsigned)nlisten) == -1)
		fail(cfg, status_fd, go_fd, MINIT_EX_REFUSED, errno);
	if (privdrop_apply(cfg) == -1)
		fail(cfg, status_fd, go_fd, MINIT_EX_REFUSED, errno);
	/* -p under --no-init: no minit stays to take the signal, PROGRAM gets
	 * it (kept across exec).  After the drop, which clears it; a parent
	 * already gone leaves it pending, delivered when the mask clears. */
	if (cfg->no_init && cfg->pdeath_signal != 0) {
		if (prctl(PR_SET_PDEATHSIG, cfg->pdeath_signal) == -1)
			fail(cfg, status_fd, go_fd, MINIT_EX_REFUSED, errno);
		if (getppid() != cfg->parent)
			(void)raise(cfg->pdeath_signal);
	}

	/* As the target user, with PROGRAM's PATH (P36). */
	if (cfg->argv != NULL) {
		err = execpath_resolve(cfg->argv[0],
		    execpath_from_env(cfg->envp), path,
		    sizeof(path));
		if (err == 0 && rootfs_check_program(cfg, path) == -1)
			fail(cfg, status_fd, go_fd, MINIT_EX_REFUSED, EPERM);
		if (err == 0)
			program = path;
		else if (!cfg->audit)
			fail(cfg, status_fd, go_fd, err == ENOENT ?
			    MINIT_EX_NOTFOUND : MINIT_EX_NOEXEC, err);
	}
	if (landlock_apply(cfg, program) == -1)
		fail(cfg, status_fd, go_fd, MINIT_EX_REFUSED, 0);
	if (seccomp_apply(cfg) == -1)
		fail(cfg, status_fd, go_fd, MINIT_EX_REFUSED, errno);
	if (go_fd != -1 && await_go(go_fd) == -1)
		_exit(MINIT_EX_REFUSED);	/* PID 1 said it, and exits 125 */
	go_fd = -1;	/* answered */
	if (cfg->audit)
		audit_child(cfg, program != NULL ? program :
		    cfg->argv != NULL ? cfg->argv[0] : NULL);

	/* Only --audit has no PROGRAM, and audit_child does not return. */
	if (program == NULL)
		fail(cfg, status_fd, go_fd, MINIT_EX_REFUSED, EINVAL);
	discard_own_sigpipe();
	sigemptyset(&none);
	if (sigprocmask(SIG_SETMASK, &none, NULL) == -1)
		fail(cfg, status_fd, go_fd, MINIT_EX_REFUSED, errno);
	execve(program, cfg->argv, cfg->envp);
	err = errno;
	fail(cfg, status_fd, go_fd, err == ENOENT ? MINIT_EX_NOTFOUND :
	    MINIT_EX_NOEXEC, err);
}
