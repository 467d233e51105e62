/* minit: shared types.  The parser fills one struct minit_config; every
 * later stage reads it (const) and owns nothing else, except what start-up
 * reads into it (see seccomp_text).  See README.md for the options. */
#ifndef MINIT_H
#define MINIT_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define MINIT_VERSION "0.1.0"

/* Exit codes of minit itself (README "Exit codes").  Everything else is the
 * app's own status, or 128+N when the app died from signal N. */
enum {
	MINIT_EX_REFUSED = 125,		/* refused or failed before PROGRAM ran */
	MINIT_EX_NOEXEC = 126,		/* PROGRAM found but not executable */
	MINIT_EX_NOTFOUND = 127,	/* PROGRAM not found */
};

#define MINIT_NSIG		65	/* signals 1..64 */
#define MINIT_MAX_ENV_FILES	16
#define MINIT_MAX_GROUPS	256
#define MINIT_SIGMAP_DROP	255	/* --signal-map SIG:0: not forwarded */
#define MINIT_MAX_WRITABLE	16	/* --writable */
#define MINIT_MAX_PORTS		16	/* --allow-bind, --allow-connect, each */
#define MINIT_MAX_SECRETS_DIRS	8
#define MINIT_MAX_FILE_ENVS	32

enum seccomp_action {
	MINIT_SECCOMP_ERRNO,		/* EPERM (the default, as Docker) */
	MINIT_SECCOMP_KILL,		/* SECCOMP_RET_KILL_PROCESS */
	MINIT_SECCOMP_LOG,		/* allowed, logged by the kernel */
};

enum landlock_mode {
	MINIT_LANDLOCK_OFF,		/* no --landlock (the default) */
	MINIT_LANDLOCK_STRICT,		/* --landlock: refuse without Landlock */
	MINIT_LANDLOCK_BEST_EFFORT,	/* --landlock=best-effort: warn and run */
};

/* Who PROGRAM runs as; filled by identity_resolve() before the fork. */
struct minit_identity {
	bool		 change;	/* false: keep the ids minit started with */
	bool		 runtime_chose;	/* started non-root with --user: the runtime's ids */
	uid_t		 uid;
	gid_t		 gid;
	gid_t		 groups[MINIT_MAX_GROUPS];	/* exact supplementary list */
	size_t		 ngroups;
	char		 name[64];	/* for USER/LOGNAME; "" when unknown */
	char		 home[256];	/* for HOME; "/" when unknown */
};

struct record_plan;

struct minit_config {
	/* what to run */
	char *const	*argv;		/* PROGRAM [ARG...]; NULL in --audit without one */
	char		**envp;		/* PROGRAM's environment, built before the fork */

	/* PID 1 (init.c) */
	int		 verbose;
	bool		 kill_group;	/* -g: forward to the child's process group */
	bool		 no_init;	/* --no-init: harden, then exec in place */
	bool		 keep_fds;	/* --keep-fds: inherit every fd */
	unsigned	 grace;		/* --grace SECONDS before SIGKILL */
	/* --signal-map: 0 = the same signal, MINIT_SIGMAP_DROP = dropped */
	unsigned char	 sigmap[MINIT_NSIG];
	int		 pdeath_signal;	/* -p: ours when our parent dies */
	pid_t		 parent;	/* getppid() at start (init_prepare), for -p */
	bool		 job_control;	/* a shell's foreground job (init_prepare) */
	int		 exitmap[256];	/* --map-exit: -1 = unchanged */

	/* privileges (privdrop.c, envfile.c) */
	const char	*user;		/* --user as given; NULL: none */
	bool		 exact_user;	/* --exact-user: a non-root start must be --user */
	bool		 allow_root;	/* --allow-root */
	uint64_t	 keep_caps;	/* --cap: bit n = capability n */
	const char	*env_files[MINIT_MAX_ENV_FILES];
	size_t		 nenv_files;
	/* secrets from files (secrets.c) */
	const char	*secrets_dirs[MINIT_MAX_SECRETS_DIRS];	/* --secrets-dir */
	size_t		 nsecrets_dirs;
	const char	*file_envs[MINIT_MAX_FILE_ENVS];	/* --file-env NAME */
	size_t		 nfile_envs;
	struct minit_identity id;	/* resolved from user */

	/* seccomp (seccomp.c) */
	const char	*seccomp_profile;	/* "default", "strict", "off" or a path */
	enum seccomp_action seccomp_action;
	/* --seccomp-record, set up before the fork (recorder_prepare): the
	 * file (opened as minit starts, so a place it cannot write is
	 * refused up front), the hand-over socket (PID 1's end, the
	 * child's end), what PID 1 answers */
	int		 record_fd;
	int		 record_sock[2];
	const char	*seccomp_print;	/* --seccomp-print PROFILE: print and exit */
	const char	*seccomp_record;	/* --seccomp-record FILE */
	struct record_plan *record_plan;
	char		*record_head;	/* the recorded file's profile part */

	/* Read at start-up, before the fork; PID 1 drops them once PROGRAM
	 * has its own copy (init.c, init_supervise).  envp above holds the
	 * env-file secrets (envfile_build; wiped by envfile_wipe). */
	char		*seccomp_text;	/* a --seccomp FILE's text; NULL: builtin */
	size_t		 seccomp_len;

	/* root filesystem (rootfs.c) */
	bool		 allow_writable_root;
	bool		 require_noexec;

	/* Landlock (landlock.c) */
	enum landlock_mode landlock;	/* --landlock[=best-effort] */
	const char	*writable[MINIT_MAX_WRITABLE];	/* --writable PATH */
	size_t		 nwritable;
	uint16_t	 bind_ports[MINIT_MAX_PORTS];	/* --allow-bind PORT */
	size_t		 nbind;
	uint16_t	 connect_ports[MINIT_MAX_PORTS];	/* --allow-connect PORT */
	size_t		 nconnect;

	/* --audit (audit.c) */
	bool		 audit;
	bool		 audit_json;
	bool		 seccomp_print_oci;	/* --format oci: as Docker/OCI JSON */
};

#endif
