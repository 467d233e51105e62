/* init.c: PID 1.  Every signal is blocked and taken with sigtimedwait(2), so
 * there are no handlers and no races with them (tini, catatonit).  On SIGCHLD
 * every zombie is reaped, not only PROGRAM; any other signal is forwarded to
 * PROGRAM (or its process group).  When PROGRAM exits, the rest get SIGTERM,
 * then SIGKILL after the grace period, and minit exits with PROGRAM's status.
 *
 * Blocking even the fault signals (SEGV, ABRT, ...) is deliberate: a user's
 * `docker kill -s ABRT` then queues and is forwarded, where tini drops it
 * (tini#104).  A real fault in minit is still fatal: the kernel unblocks a
 * forced synchronous signal and resets it to SIG_DFL (force_sig_info_to_task),
 * which also clears SIGNAL_UNKILLABLE for a namespace's init. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "child.h"
#include "envfile.h"
#include "init.h"
#include "log.h"
#include "memtrim.h"
#include "privdrop.h"
#include "ratelimit.h"
#include "recorder.h"
#include "seccomp.h"

struct supervisor {
	const struct minit_config *cfg;
	pid_t		 child;
	bool		 child_done;	/* PROGRAM has ended */
	bool		 child_reaped;	/* ...and its pid is free again */
	int		 child_status;	/* wait status of PROGRAM */
	bool		 killing;	/* SIGKILL sent to the rest */
	struct timespec	 deadline;	/* end of the grace period */
	struct ratelimit strays;	/* -v lines on reaped strays */
	struct recorder	 rec;		/* --seccomp-record */
	int		 sigfd;		/* --seccomp-record: signals, to poll */
	bool		 pid1;		/* a namespace's init, not a subreaper */
};

int
init_status_to_exit(int wstatus)
{
	if (WIFEXITED(wstatus))
		return WEXITSTATUS(wstatus);
	if (WIFSIGNALED(wstatus))
		return 128 + WTERMSIG(wstatus);
	return MINIT_EX_REFUSED;	/* not reached: no WUNTRACED */
}

/* A session leader whose controlling terminal is stdin gives it up, so that
 * PROGRAM, in a session of its own, can take it (TIOCSCTTY) and run a shell
 * with job control (docker run -it).  Giving it up sends SIGHUP and SIGCONT
 * to our own process group, i.e. to us: ignore them for that moment. */
static void
release_tty(const struct minit_config *cfg)
{
	struct sigaction ign = { .sa_handler = SIG_IGN }, hup, cont;

	if (!isatty(STDIN_FILENO) || getsid(0) != getpid() ||
	    tcgetsid(STDIN_FILENO) != getpid())
		return;
	sigemptyset(&ign.sa_mask);
	if (sigaction(SIGHUP, &ign, &hup) == -1 ||
	    sigaction(SIGCONT, &ign, &cont) == -1)
		return;
	if (ioctl(STDIN_FILENO, TIOCNOTTY) == -1)
		log_verbose(cfg, "tty: cannot release the terminal: %s",
		    strerror(errno));
	(void)sigaction(SIGHUP, &hup, NULL);
	(void)sigaction(SIGCONT, &cont, NULL);
}

/* Every signal, 1 to 64.  musl's sigfillset leaves out 32-34, which it
 * keeps for threads, timers and cancellation (minit uses none of them): so
 * they were neither blocked nor waited for, and a signal 32-34 (docker kill
 * -s RTMIN is 34) was dropped when minit is PID 1, and killed it when it is
 * not.  musl's sigprocmask and sigtimedwait pass the set on as it is. */
static void
all_signals(sigset_t *set)
{
	sigfillset(set);
	memset(set, 0xff, sizeof(*set));
}

int
init_prepare(struct minit_config *cfg)
{
	struct sigaction dfl = { .sa_handler = SIG_DFL };
	sigset_t all;
	pid_t fg;	/* the terminal's foreground process group */

	cfg->parent = getppid();	/* for -p: did it die before we armed? */
	cfg->job_control = getpid() != 1 && !cfg->no_init &&
	    ioctl(STDIN_FILENO, TIOCGPGRP, &fg) == 0 && fg == getpgrp();
	if (!cfg->no_init)
		release_tty(cfg);
	all_signals(&all);
	if (sigprocmask(SIG_SETMASK, &all, NULL) == -1) {
		log_sys("init: sigprocmask");
		return -1;
	}
	/* An inherited SIG_IGN for SIGCHLD would make the kernel reap for us
	 * and lose PROGRAM's status (P27). */
	sigemptyset(&dfl.sa_mask);
	if (sigaction(SIGCHLD, &dfl, NULL) == -1) {
		log_sys("init: sigaction SIGCHLD");
		return -1;
	}
	if (!cfg->no_init && getpid() != 1) {
		/* Orphans of PROGRAM's tree come to us, not to the real init
		 * (P28). */
		if (prctl(PR_SET_CHILD_SUBREAPER, 1) == -1) {
			log_sys("init: PR_SET_CHILD_SUBREAPER");
			return -1;
		}
		log_verbose(cfg, "init: not PID 1 (pid %d): registered as child subreaper",
		    (int)getpid());
	}
	return 0;
}

/* Signal what is left once PROGRAM is gone.  As a namespace's PID 1, kill(-1)
 * reaches every process of the namespace but us.  As a subreaper it would
 * reach the whole machine, so there we signal PROGRAM's process group and our
 * own children (orphans re-parented to us), from /proc.
 *
 * Never a reused id (issue 14.15).  kill(-PROGRAM) is sent only while
 * PROGRAM is not reaped: alive, or the zombie that reap() has just seen
 * with WNOWAIT and reaps right after.  Until its reap the kernel keeps that
 * pid allocated, so no other process can have it, and since a group's id
 * is the pid of the process that made it (setsid, setpgid(0, 0)), no other
 * group either: the group is PROGRAM's own (setsid in the child).  Once
 * PROGRAM is reaped the group is never signalled again: the rest are our
 * own children, each signalled by a pid we have not reaped yet, which the
 * kernel cannot hand out again either (a zombie keeps its pid).  Their
 * children become ours when they die, and get the next round. */
static void
signal_rest(const struct supervisor *sv, int sig)
{
	char path[64], buf[4096];
	ssize_t n;
	int fd;

	if (sv->pid1) {
		(void)kill(-1, sig);
		return;
	}
	if (!sv->child_reaped)
		(void)kill(-sv->child, sig);
	snprintf(path, sizeof(path), "/proc/self/task/%d/children", (int)getpid());
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd == -1)
		return;
	n = read(fd, buf, sizeof(buf) - 1);
	(void)close(fd);
	if (n <= 0)
		return;
	buf[n] = '\0';
	for (char *p = buf, *end; *p != '\0'; p = end) {
		long pid = strtol(p, &end, 10);

		if (end == p)
			break;
		if (pid > 1 && pid != sv->child)
			(void)kill((pid_t)pid, sig);
	}
}

/* Job control, when minit started as a foreground job of an interactive
 * shell (cfg->job_control, init_prepare: not PID 1, stdin a terminal whose
 * foreground process group is minit's; seen at start, as PID 1's seccomp
 * allow-list has no ioctl):
 * Ctrl-Z sends SIGTSTP to minit's process group, which is minit alone,
 * since PROGRAM has a session of its own.  Forwarded as it is, the signal
 * would do nothing: PROGRAM's process group is orphaned (its parent, minit,
 * is in another session), and the kernel discards TSTP, TTIN and TTOU for
 * such a group.  So PROGRAM gets SIGSTOP and then minit stops itself, as
 * dumb-init does: the shell sees its job stopped and has the terminal back;
 * `fg` or `bg` sends SIGCONT to minit, which forwards it.  As PID 1 (docker
 * run -it) none of this applies: a shell PROGRAM holds the terminal and does
 * its own job control, and no one outside could resume a stopped container.
 * Anywhere else (a supervisor, a Kubernetes pod) the signal is forwarded as
 * it is: nobody there would resume a stopped minit.  A --signal-map for the
 * signal wins.  true: the signal was handled here. */
static bool
job_control_stop(const struct supervisor *sv, int signo, pid_t target)
{
	if (!sv->cfg->job_control || sv->cfg->sigmap[signo] != 0 ||
	    (signo != SIGTSTP && signo != SIGTTIN && signo != SIGTTOU))
		return false;
	log_verbose(sv->cfg, "init: signal %d: stopping %d, then minit "
	    "(job control)", signo, (int)target);
	(void)kill(target, SIGSTOP);	/* PROGRAM's: ours to signal */
	(void)kill(getpid(), SIGSTOP);	/* cannot be blocked: we stop here */
	return true;
}

static void
forward(const struct supervisor *sv, const siginfo_t *si)
{
	const struct minit_config *cfg = sv->cfg;
	int sig = cfg->sigmap[si->si_signo] != 0 ?
	    cfg->sigmap[si->si_signo] : si->si_signo;
	pid_t target = cfg->kill_group ? -sv->child : sv->child;

	if (sv->child_done)
		return;		/* never a reaped, maybe reused, pid (P30) */
	/* Our own SIGPIPE (a log line to a closed stderr) or SIGXFSZ: the
	 * kernel sends it as SI_USER from us.  Not PROGRAM's business, and
	 * logging it would raise another one. */
	if (si->si_code == SI_USER && si->si_pid == getpid())
		return;
	if (sig == MINIT_SIGMAP_DROP) {
		log_verbose(cfg, "init: signal %d from pid %d: dropped (--signal-map %d:0)",
		    si->si_signo, (int)si->si_pid, si->si_signo);
		return;
	}
	if (job_control_stop(sv, si->si_signo, target))
		return;
	log_verbose(cfg, "init: signal %d from pid %d: forwarding %d to %d",
	    si->si_signo, (int)si->si_pid, sig, (int)target);
	if (kill(target, sig) == -1 && errno != ESRCH)
		log_sys("init: kill %d %d", (int)target, sig);
	/* A stopped PROGRAM acts on SIGTERM only once it runs again: follow
	 * it with SIGCONT, as systemd does, so that `docker stop` works on a
	 * stopped app too (issue 14.2). */
	if (sig == SIGTERM)
		(void)kill(target, SIGCONT);
}

/* -v: a line for each reaped process that was not PROGRAM (tini -w warns of
 * such zombies), at most STRAY_BURST a second: an orphan storm of 10,000 is
 * a few lines and a count, not 10,000 lines from PID 1. */
#define STRAY_BURST 10

static void
strays_summary(const struct minit_config *cfg, unsigned long n)
{
	if (n > 0)
		log_verbose(cfg, "init: reaped %lu more processes that were not PROGRAM "
		    "(rate-limited)", n);
}

static void
report_stray(struct supervisor *sv, pid_t pid, int ws)
{
	struct timespec now;
	unsigned long before;
	bool say;

	if (sv->cfg->verbose == 0)
		return;
	(void)clock_gettime(CLOCK_MONOTONIC, &now);
	say = ratelimit_event(&sv->strays, (long)now.tv_sec, STRAY_BURST,
	    &before);
	strays_summary(sv->cfg, before);
	if (say)
		log_verbose(sv->cfg, "init: reaped pid %d, not PROGRAM, status %d",
		    (int)pid, init_status_to_exit(ws));
}

static void start_grace(struct supervisor *sv);

/* A child stopped for its tracer: PID 1 became that tracer when the child
 * asked for it (PTRACE_TRACEME), and such stops reach waitpid even without
 * WUNTRACED.  PID 1 is no debugger: it lets go at once, handing the signal
 * on as if nobody traced (the SIGTRAP that the next execve of a traced
 * process raises exists only for a tracer, so it is dropped).  A stop never
 * ends PROGRAM for us, and a child left stopped still dies by SIGKILL at the
 * end of the grace period (issue 14.2). */
static void
let_go(pid_t pid, int ws)
{
	long sig = WSTOPSIG(ws) == SIGTRAP ? 0 : WSTOPSIG(ws);

	/* the raw call: ptrace(3) takes the signal as a pointer */
	(void)syscall(SYS_ptrace, PTRACE_DETACH, (long)pid, 0L, sig);
}

/* The next child that has exited (or stopped for its tracer), reaped;
 * 0: none now, -1: an error (ECHILD: no child left).
 *
 * As a subreaper, PROGRAM's group is signalled by its id (signal_rest), so
 * the first zombie is looked at with WNOWAIT and reaped by its pid only
 * after: PROGRAM's group gets its first signal while PROGRAM's zombie still
 * holds the id.  As PID 1 the rest is signalled with kill(-1), never by
 * PROGRAM's id, so one waitpid(-1) a child is enough: half the syscalls
 * when an orphan storm lands (BENCHMARKS.md, reaping).  Only exits end a
 * child: a stop or continue never does (neither is asked for, but a
 * tracer's stops always come). */
static pid_t
reap_one(struct supervisor *sv, int *ws)
{
	siginfo_t si;
	pid_t pid;

	if (sv->pid1)
		return waitpid(-1, ws, WNOHANG);
	si.si_pid = 0;
	if (waitid(P_ALL, 0, &si, WEXITED | WNOHANG | WNOWAIT) == -1)
		return -1;
	pid = si.si_pid;
	if (pid == 0)
		return 0;
	if (pid == sv->child && !sv->child_done &&
	    si.si_code != CLD_TRAPPED && si.si_code != CLD_STOPPED) {
		sv->child_done = true;
		start_grace(sv);	/* the group, while the id is held */
	}
	/* 0: not ours to take now, the next wakeup will */
	return waitpid(pid, ws, WNOHANG) == pid ? pid : 0;
}

/* Reap every zombie.  Returns true when we have no child left at all. */
static bool
reap(struct supervisor *sv)
{
	for (;;) {
		int ws;
		pid_t pid = reap_one(sv, &ws);

		if (pid == -1)
			return errno == ECHILD;
		if (pid == 0)
			return false;
		if (WIFSTOPPED(ws)) {
			let_go(pid, ws);
			continue;
		}
		if (pid == sv->child && !sv->child_reaped) {
			bool first = !sv->child_done;

			sv->child_done = true;
			sv->child_reaped = true;
			sv->child_status = ws;
			log_verbose(sv->cfg, "init: PROGRAM (pid %d) ended, status %d",
			    (int)pid, init_status_to_exit(ws));
			if (first)
				start_grace(sv);	/* PID 1: kill(-1) */
		} else {
			report_stray(sv, pid, ws);
		}
	}
}

/* After SIGKILL, how long to wait for the last zombies before exiting
 * anyway: a process PID 1 may not signal (another uid, after PID 1 dropped
 * its own privileges) must not hang minit.  As a namespace's init, our exit
 * makes the kernel kill whatever is left. */
#define KILL_WAIT_SECONDS 1

static void
set_deadline(struct supervisor *sv, unsigned seconds)
{
	(void)clock_gettime(CLOCK_MONOTONIC, &sv->deadline);
	sv->deadline.tv_sec += seconds;
}

static void
kill_rest(struct supervisor *sv)
{
	sv->killing = true;
	signal_rest(sv, SIGKILL);
	set_deadline(sv, KILL_WAIT_SECONDS);
}

static void
start_grace(struct supervisor *sv)
{
	if (sv->cfg->grace == 0) {
		kill_rest(sv);
		return;
	}
	signal_rest(sv, SIGTERM);
	set_deadline(sv, sv->cfg->grace);
}

/* Time left until the current deadline (NULL: wait forever, while PROGRAM
 * runs).  When the grace period ends, SIGKILL the rest; when the wait after
 * SIGKILL ends, *give_up is set. */
static const struct timespec *
time_left(struct supervisor *sv, struct timespec *left, bool *give_up)
{
	*give_up = false;
	if (!sv->child_done)
		return NULL;
	for (;;) {
		struct timespec now;

		(void)clock_gettime(CLOCK_MONOTONIC, &now);
		left->tv_sec = sv->deadline.tv_sec - now.tv_sec;
		left->tv_nsec = sv->deadline.tv_nsec - now.tv_nsec;
		if (left->tv_nsec < 0) {
			left->tv_nsec += 1000000000L;
			left->tv_sec--;
		}
		if (left->tv_sec >= 0)
			return left;
		if (sv->killing) {
			*give_up = true;
			return NULL;
		}
		log_verbose(sv->cfg, "init: grace period over: SIGKILL");
		kill_rest(sv);	/* sets the next deadline: loops once more */
	}
}

static int
final_status(struct supervisor *sv)
{
	const struct minit_config *cfg = sv->cfg;
	int code = init_status_to_exit(sv->child_status);

	strays_summary(cfg, ratelimit_take_dropped(&sv->strays));

	if (WIFSIGNALED(sv->child_status) &&
	    WTERMSIG(sv->child_status) == SIGSYS &&
	    strcmp(cfg->seccomp_profile, "off") != 0)
		log_err("%s killed by SIGSYS: a syscall denied by seccomp profile '%s'",
		    cfg->argv != NULL ? cfg->argv[0] : "minit --audit",
		    cfg->seccomp_profile);
	if (cfg->exitmap[code] != -1)
		code = cfg->exitmap[code];
	return code;
}

/* --seccomp-record: wait until fd (the child's report, or the signals)
 * is readable or timeout passes, answering the recorder meanwhile. */
static void
wait_recording(struct recorder *rec, int fd, const struct timespec *timeout)
{
	for (;;) {
		struct pollfd p[2] = { { .fd = fd, .events = POLLIN },
		    { .fd = recorder_fd(rec), .events = POLLIN } };
		int n = ppoll(p, p[1].fd != -1 ? 2 : 1, timeout, NULL);

		if (n == -1 && errno != EINTR) {
			log_sys("init: ppoll");
			return;
		}
		if (n > 0 && p[1].fd != -1 && p[1].revents != 0)
			recorder_serve(rec, p[1].revents);
		if (n == 0 || (n > 0 && p[0].revents != 0) ||
		    recorder_fd(rec) == -1)
			return;
	}
}

static int
loop(struct supervisor *sv)
{
	sigset_t all;

	all_signals(&all);
	for (;;) {
		struct timespec left;
		bool give_up;
		const struct timespec *timeout = time_left(sv, &left, &give_up);
		siginfo_t si;
		int sig;

		if (give_up) {
			log_err("init: processes left that PID 1 cannot kill; exiting");
			return final_status(sv);
		}
		if (recorder_fd(&sv->rec) != -1) {
			/* --seccomp-record: the recorder's fd and the
			 * signals; then take a signal without waiting */
			static const struct timespec now = { 0, 0 };

			wait_recording(&sv->rec, sv->sigfd, timeout);
			timeout = &now;
		}
		sig = sigtimedwait(&all, &si, timeout);

		if (sig == -1 && errno != EAGAIN && errno != EINTR)
			log_sys("init: sigtimedwait");	/* go on: PID 1 must not die */
		if (sig > 0 && sig != SIGCHLD)
			forward(sv, &si);
		/* Reap after every wakeup, not only on SIGCHLD: signals are
		 * taken lowest number first, so a steady stream of a lower
		 * one would otherwise starve SIGCHLD (17). */
		if (reap(sv) && sv->child_reaped)
			return final_status(sv);
		if (sv->killing && (sig == SIGCHLD || sig == -1))	/* late orphans of a subreaper */
			signal_rest(sv, SIGKILL);
	}
}

/* Wait for the child's exec report: EOF means PROGRAM runs. */
static int
read_report(const struct minit_config *cfg, int fd, pid_t child,
    struct recorder *rec)
{
	struct child_report r;
	ssize_t n;

	if (recorder_fd(rec) != -1)
		wait_recording(rec, fd, NULL);	/* exec asks PID 1 too */
	do
		n = read(fd, &r, sizeof(r));
	while (n == -1 && errno == EINTR);
	(void)close(fd);
	if (n == 0)
		return 0;
	if (n != (ssize_t)sizeof(r)) {
		log_err("init: child ended before exec without a report");
		r.code = MINIT_EX_REFUSED;
		r.err = 0;
	}
	while (waitpid(child, NULL, 0) == -1 && errno == EINTR)
		;
	if (r.code == MINIT_EX_NOEXEC || r.code == MINIT_EX_NOTFOUND) {
		errno = r.err;
		log_sys("exec %s", cfg->argv[0]);
	}
	return r.code;
}

/* -p: our parent's death becomes a signal to us, which the loop takes as
 * any other: forwarded to PROGRAM, then the grace period when it exits.
 * Armed after privdrop_pid1, since a change of uid clears it (P30).  A
 * parent that died before that is seen in getppid() (we were re-parented):
 * the signal is then sent by hand, with tkill (SI_TKILL) so that forward()
 * does not take it for one of our own (SI_USER from us).  cold, as the
 * other start-up-only helpers of parity (issue 19): optimized for size,
 * which kept the binary within its budget. */
static int __attribute__((cold))
pdeath_arm(const struct minit_config *cfg)
{
	if (cfg->pdeath_signal == 0)
		return 0;
	if (prctl(PR_SET_PDEATHSIG, cfg->pdeath_signal) == -1) {
		log_sys("init: PR_SET_PDEATHSIG");
		return -1;
	}
	if (getppid() != cfg->parent)
		(void)raise(cfg->pdeath_signal);
	return 0;
}

/* PROGRAM has its own copies of what start-up read (main.c): PID 1 wipes
 * the env-file secrets (P34) and frees the profile text, before its drop. */
static void
drop_startup_data(struct minit_config *cfg)
{
	envfile_wipe(cfg);
	free(cfg->seccomp_text);
	cfg->seccomp_text = NULL;
	cfg->seccomp_len = 0;
}

int
init_supervise(struct minit_config *cfg)
{
	struct supervisor sv = { .cfg = cfg };
	int report[2], go[2], code;

	privdrop_bounding_early(cfg);
	if (pipe2(report, O_CLOEXEC) == -1 || pipe2(go, O_CLOEXEC) == -1) {
		log_sys("init: pipe");
		return MINIT_EX_REFUSED;
	}
	sv.child = fork();
	if (sv.child == -1) {
		log_sys("init: fork");
		return MINIT_EX_REFUSED;
	}
	if (sv.child == 0) {
		(void)close(report[0]);
		(void)close(go[1]);
		if (cfg->record_sock[0] != -1)
			(void)close(cfg->record_sock[0]);
		child_run(cfg, report[1], go[0]);
	}
	(void)close(report[1]);
	(void)close(go[0]);
	sv.sigfd = -1;
	sv.pid1 = getpid() == 1;
	recorder_init(&sv.rec, cfg);
	if (cfg->record_sock[1] != -1) {
		sigset_t all;

		(void)close(cfg->record_sock[1]);
		all_signals(&all);
		sv.sigfd = signalfd(-1, &all, SFD_CLOEXEC | SFD_NONBLOCK);
		if (sv.sigfd == -1) {
			log_sys("init: --seccomp-record: signalfd");
			(void)kill(sv.child, SIGKILL);
			(void)close(go[1]);
			(void)waitpid(sv.child, NULL, 0);
			return MINIT_EX_REFUSED;
		}
	}
	log_verbose(cfg, "init: PROGRAM is pid %d", (int)sv.child);

	/* PID 1 pins no mount (catatonit#28), never waits on its own output,
	 * then keeps nothing it does not need, before PROGRAM may run: the
	 * child waits for our byte on go. */
	log_nonblocking();
	if (chdir("/") == -1)
		log_sys("init: chdir /");	/* harmless: only pins a mount */
	drop_startup_data(cfg);
	if (privdrop_pid1(cfg) == -1 || pdeath_arm(cfg) == -1 ||
	    seccomp_pid1(cfg) == -1) {
		/* The failing step said why, in one line; exit 125 says the
		 * rest.  The kill can be refused (we may have dropped to the
		 * app's uid while the child is still root), so go is closed
		 * too: the child then ends by itself, without a word (child.c,
		 * await_go). */
		(void)kill(sv.child, SIGKILL);
		(void)close(go[1]);
		(void)waitpid(sv.child, NULL, 0);
		return MINIT_EX_REFUSED;
	}
	/* The child waits for this byte even when it has failed (child.c,
	 * fail), so EPIPE means it died some other way; its report, or the
	 * lack of one, below says why. */
	if (write(go[1], "g", 1) != 1 && errno != EPIPE) {
		log_sys("init: cannot start PROGRAM");
		(void)kill(sv.child, SIGKILL);
		(void)close(go[1]);
		(void)waitpid(sv.child, NULL, 0);
		return MINIT_EX_REFUSED;
	}
	(void)close(go[1]);
	code = read_report(cfg, report[0], sv.child, &sv.rec);
	if (code != 0)
		return code;
	memtrim_run();	/* start-up is over: keep only what the loop runs */
	return loop(&sv);
}

void
init_exec_in_place(const struct minit_config *cfg)
{
	child_run(cfg, -1, -1);
}
