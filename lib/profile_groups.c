/* profile_groups.c: the named syscall groups and the builtin profiles, as
 * data.  The builtin profiles are written in the profile language itself,
 * so --seccomp-print, the parser's tests and the fuzzer all see exactly
 * what is loaded.  Only x86_64 names: other ABIs are killed outright.
 * docs/seccomp.md explains every denied entry. */
#include <stddef.h>
#include <string.h>

#include "profile_groups.h"

const char *const profile_child_needs[] = { "execve", "read", "write",
    "rt_sigaction", "rt_sigprocmask", "exit_group", NULL };

const struct prof_group prof_groups[] = {
	/* --- what `default` denies ------------------------------------- */
	{ "@module", "init_module finit_module delete_module create_module "
	    "query_module get_kernel_syms",
	    "load or unload kernel code" },
	{ "@reboot", "reboot kexec_load kexec_file_load",
	    "reboot the host or boot another kernel" },
	{ "@swap", "swapon swapoff", "change the host's swap" },
	{ "@mount", "mount umount2 pivot_root move_mount open_tree "
	    "open_tree_attr fsopen fsconfig fsmount fspick mount_setattr",
	    "change the mount table (old and new mount API)" },
	{ "@namespace", "unshare setns",
	    "create or enter namespaces (clone flags: see the profile)" },
	{ "@debug", "ptrace process_vm_readv process_vm_writev kcmp "
	    "pidfd_getfd perf_event_open",
	    "inspect or steal from other processes; perf's kernel surface" },
	{ "@keyring", "keyctl add_key request_key",
	    "the kernel keyring: not namespaced, a long CVE history" },
	{ "@handle", "open_by_handle_at name_to_handle_at",
	    "open files by handle, outside the mount tree (the 'shocker' escape)" },
	{ "@io-uring", "io_uring_setup io_uring_enter io_uring_register",
	    "io_uring: bypasses seccomp for its own operations, many CVEs" },
	/* modify_ldt: x86's per-process segment table, for 16-bit code and
	 * old threading; a past kernel attack surface, denied by Docker too
	 * (issue 14.11).  x86 only, like iopl: other ABIs skip all three. */
	{ "@raw-io", "iopl ioperm modify_ldt", "raw I/O port access" },
	{ "@clock", "settimeofday clock_settime clock_adjtime adjtimex",
	    "set the host's clock (not namespaced)" },
	{ "@admin", "acct quotactl quotactl_fd syslog bpf userfaultfd",
	    "host administration, eBPF, and userfaultfd (exploit primitive)" },
	{ "@obsolete", "_sysctl uselib nfsservctl lookup_dcookie afs_syscall "
	    "getpmsg putpmsg security tuxcall vserver",
	    "removed or never implemented: only old exploits call them" },

	/* --- what `strict` allows (systemd's @system-service as reference) */
	{ "@default", "arch_prctl brk clock_getres clock_gettime "
	    "clock_nanosleep execve exit exit_group futex futex_waitv "
	    "futex_wait futex_wake futex_requeue get_robust_list "
	    "getegid geteuid getgid getgroups getpgid getpgrp getpid getppid "
	    "getrandom getresgid getresuid getrlimit getsid gettid "
	    "gettimeofday getuid membarrier mmap munmap nanosleep pause "
	    "prlimit64 restart_syscall rseq rt_sigreturn sched_getaffinity "
	    "sched_yield set_robust_list set_tid_address sigaltstack time "
	    "uname map_shadow_stack",
	    "what every program needs to start and run" },
	{ "@basic-io", "close close_range dup dup2 dup3 lseek pread64 preadv "
	    "preadv2 pwrite64 pwritev pwritev2 read readv write writev",
	    "read and write open file descriptors" },
	{ "@file-system", "access chdir chmod creat faccessat faccessat2 "
	    "fallocate fchdir fchmod fchmodat fchmodat2 fcntl fgetxattr "
	    "flistxattr fremovexattr fsetxattr fstat fstatfs ftruncate "
	    "getcwd getdents getdents64 getxattr inotify_add_watch "
	    "inotify_init inotify_init1 inotify_rm_watch lgetxattr link "
	    "linkat listxattr llistxattr lremovexattr lsetxattr lstat mkdir "
	    "mkdirat mknod mknodat newfstatat open openat openat2 readlink "
	    "readlinkat removexattr rename renameat renameat2 rmdir setxattr "
	    "stat statfs statx symlink symlinkat truncate umask unlink "
	    "unlinkat utime utimensat utimes flock fadvise64 readahead "
	    "copy_file_range sendfile splice tee vmsplice fsync fdatasync "
	    "sync sync_file_range syncfs msync",
	    "files and directories" },
	{ "@io-event", "epoll_create epoll_create1 epoll_ctl epoll_pwait "
	    "epoll_pwait2 epoll_wait eventfd eventfd2 poll ppoll pselect6 "
	    "select",
	    "wait for file descriptors" },
	{ "@ipc", "memfd_create mq_getsetattr mq_notify mq_open "
	    "mq_timedreceive mq_timedsend mq_unlink msgctl msgget msgrcv "
	    "msgsnd pipe pipe2 semctl semget semop semtimedop shmat shmctl "
	    "shmdt shmget",
	    "pipes, SysV and POSIX IPC, memfd" },
	{ "@network-io", "accept accept4 bind connect getpeername getsockname "
	    "getsockopt listen recvfrom recvmmsg recvmsg sendmmsg sendmsg "
	    "sendto setsockopt shutdown socketpair",
	    "sockets (socket itself is limited to UNIX/INET/INET6/NETLINK in "
	    "strict)" },
	{ "@process", "capget capset execveat fork getrusage kill pidfd_open "
	    "pidfd_send_signal prctl rt_sigqueueinfo rt_tgsigqueueinfo tgkill "
	    "times tkill vfork wait4 waitid seccomp landlock_create_ruleset "
	    "landlock_add_rule landlock_restrict_self",
	    "processes and threads (clone: without namespace flags), and "
	    "sandboxing oneself further (capset, seccomp, landlock)" },
	{ "@signal", "rt_sigaction rt_sigpending rt_sigprocmask rt_sigsuspend "
	    "rt_sigtimedwait signalfd signalfd4",
	    "signals" },
	{ "@timer", "alarm getitimer setitimer timer_create timer_delete "
	    "timer_getoverrun timer_gettime timer_settime timerfd_create "
	    "timerfd_gettime timerfd_settime",
	    "timers" },
	{ "@memory", "madvise mincore mlock mlock2 mlockall mremap munlock "
	    "munlockall pkey_alloc pkey_free get_mempolicy mseal",
	    "memory management (mmap, mprotect: never writable and "
	    "executable in strict)" },
	{ "@resources", "getpriority setpriority ioprio_get ioprio_set "
	    "sched_getparam sched_setparam sched_getscheduler "
	    "sched_setscheduler sched_get_priority_max sched_get_priority_min "
	    "sched_rr_get_interval sched_getattr sched_setattr "
	    "sched_setaffinity setrlimit getcpu sysinfo",
	    "priorities, limits, CPU affinity" },
	{ "@aio", "io_cancel io_destroy io_getevents io_pgetevents io_setup "
	    "io_submit",
	    "POSIX asynchronous I/O (not io_uring)" },
	{ "@chown", "chown fchown fchownat lchown", "change file owners" },
	{ "@setuid", "setuid setgid setreuid setregid setresuid setresgid "
	    "setgroups setfsuid setfsgid",
	    "change ids (only useful with a kept CAP_SETUID/CAP_SETGID)" },

	/* --- in the builtin pid1 profile ---------------------------------- */
	{ "@legacy-open", "open",
	    "open(2): x86_64 has it beside openat, aarch64 only openat (an "
	    "empty group there)" },
	{ NULL, NULL, NULL },
};

/* The builtin profiles.  `default` allows everything but the known escape
 * and exploit surface; `strict` is an allow-list; `pid1` is minit's own. */
static const char default_text[] =
	"# minit builtin profile 'default'\n"
	"default-action allow\n"
	"deny @module @reboot @swap @mount @namespace @debug @keyring\n"
	"deny @handle @io-uring @raw-io @clock @admin @obsolete\n"
	/* clone3 passes flags in memory, unfilterable: ENOSYS makes libc fall
	 * back to clone, whose flags are checked below (P21). */
	"deny clone3 errno ENOSYS\n"
	"deny clone if arg0 & CLONE_NEWNS == CLONE_NEWNS\n"
	"deny clone if arg0 & CLONE_NEWCGROUP == CLONE_NEWCGROUP\n"
	"deny clone if arg0 & CLONE_NEWUTS == CLONE_NEWUTS\n"
	"deny clone if arg0 & CLONE_NEWIPC == CLONE_NEWIPC\n"
	"deny clone if arg0 & CLONE_NEWUSER == CLONE_NEWUSER\n"
	"deny clone if arg0 & CLONE_NEWPID == CLONE_NEWPID\n"
	"deny clone if arg0 & CLONE_NEWNET == CLONE_NEWNET\n"
	/* 32-bit compares: junk in the high half still matches
	 * (CVE-2019-10063) */
	"deny ioctl if arg1 == TIOCSTI\n"
	"deny ioctl if arg1 == TIOCLINUX\n"
	"deny personality if arg0 != PER_LINUX,PER_LINUX32,PER_QUERY\n";

static const char strict_text[] =
	"# minit builtin profile 'strict'\n"
	"default-action deny\n"
	"allow @default @basic-io @file-system @io-event @ipc @network-io\n"
	"allow @process @signal @timer @memory @resources @aio @chown @setuid\n"
	"deny clone3 errno ENOSYS\n"
	"allow clone if arg0 & CLONE_NEWNS|CLONE_NEWCGROUP|CLONE_NEWUTS|"
	    "CLONE_NEWIPC|CLONE_NEWUSER|CLONE_NEWPID|CLONE_NEWNET == 0\n"
	"allow socket if arg0 == AF_UNIX\n"
	"allow socket if arg0 == AF_INET\n"
	"allow socket if arg0 == AF_INET6\n"
	"allow socket if arg0 == AF_NETLINK\n"
	"allow ioctl if arg1 != TIOCSTI,TIOCLINUX\n"
	"allow personality if arg0 == PER_LINUX\n"
	"allow personality if arg0 == PER_LINUX32\n"
	"allow personality if arg0 == PER_QUERY\n"
	/* W^X: never writable and executable at once */
	"allow mmap mprotect pkey_mprotect if arg2 & PROT_WRITE|PROT_EXEC != "
	    "PROT_WRITE|PROT_EXEC\n"
	/* nor through an executable view of SysV shared memory that another
	 * view writes (issue 14.9); PR_SET_MDWE does the rest (seccomp.c) */
	"allow shmat if arg2 & 0x8000 == 0\n";	/* SHM_EXEC */

/* What init.c's loop, log.c and musl's exit path call once PID 1 has
 * dropped its privileges; anything else kills PID 1.  munmap, madvise:
 * free() after the filter is loaded may hand memory back; read-only opens:
 * subreaper mode reads /proc/self/task/N/children; fcntl F_SETFD: musl's
 * open(O_CLOEXEC) sets FD_CLOEXEC again, for old kernels.  waitid: reap()
 * looks before it reaps; ptrace 17 (PTRACE_DETACH): let_go, of a child that
 * made PID 1 its tracer; sendto: log.c's line to a socket, ppoll: its
 * look before a line when stderr could not be made non-blocking (issue
 * 14.3). */
#define PID1_RULES \
	"default-action kill\n" \
	"allow rt_sigtimedwait wait4 waitid kill clock_gettime getpid\n" \
	"allow read write\n" \
	"allow close exit exit_group rt_sigprocmask restart_syscall\n" \
	"allow sendto ppoll\n" \
	"allow ptrace if arg0 == 17\n" \
	"allow munmap madvise\n" \
	"allow @legacy-open if arg1 & O_ACCMODE|O_CREAT|O_TRUNC|O_APPEND == 0\n" \
	"allow openat if arg2 & O_ACCMODE|O_CREAT|O_TRUNC|O_APPEND == 0\n" \
	"allow fcntl if arg1 == F_SETFD\n"

static const char pid1_text[] =
	"# minit's own allow-list, loaded by PID 1 after the fork\n"
	PID1_RULES;

/* PID 1's list under --seccomp-record: its own (ppoll included), and what
 * answering the recorder takes (recorder.c): the hand-over, the two notify
 * ioctls (SECCOMP_IOCTL_NOTIF_RECV, _SEND) and rewriting FILE. */
static const char pid1_record_text[] =
	"# minit's own allow-list under --seccomp-record\n"
	PID1_RULES
	"allow recvmsg pwrite64 ftruncate\n"
	"allow ioctl if arg1 == 0xc0502100\n"
	"allow ioctl if arg1 == 0xc0182101\n";

int
profile_internal(const char *name)
{
	return strncmp(name, "pid1", 4) == 0 || strncmp(name, "guard-", 6) == 0;
}

const char *
profile_builtin(const char *name)
{
	if (strcmp(name, "default") == 0)
		return default_text;
	if (strcmp(name, "strict") == 0)
		return strict_text;
	if (strcmp(name, "pid1") == 0)
		return pid1_text;
	if (strcmp(name, "pid1-record") == 0)
		return pid1_record_text;
	return NULL;
}
