/* options.c: the command line into struct minit_config.  Strict: every value
 * is range-checked, nothing is guessed, every error is one line and the caller
 * exits 125.  No side effects but the struct and stdout/stderr. */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cap-ng.h>

#include "envline.h"
#include "log.h"
#include "options.h"
#include "version.h"

/* usage_text: --help, generated from docs/options.txt (Makefile, HELP_H),
 * as are the man page and the README table: add an option there. */
#include "options_help.h"

enum {
	OPT_SIGNAL_MAP = 256, OPT_GRACE, OPT_MAP_EXIT, OPT_NO_INIT,
	OPT_KEEP_FDS,
	OPT_ALLOW_ROOT, OPT_CAP, OPT_ENV_FILE, OPT_SECCOMP, OPT_SECCOMP_ACTION,
	OPT_SECCOMP_PRINT, OPT_ALLOW_WRITABLE_ROOT, OPT_REQUIRE_NOEXEC,
	OPT_AUDIT, OPT_JSON, OPT_FORMAT, OPT_LANDLOCK, OPT_WRITABLE,
	OPT_ALLOW_BIND, OPT_ALLOW_CONNECT, OPT_EXACT_USER, OPT_SECRETS_DIR,
	OPT_FILE_ENV, OPT_SECCOMP_RECORD,
	OPT_ENV_VERBOSE, OPT_ENV_KILL_GROUP,	/* MINIT_VERBOSE, MINIT_KILL_GROUP */
};

static const struct option long_options[] = {
	{ "kill-group",		no_argument,		NULL, 'g' },
	{ "pdeath-signal",	required_argument,	NULL, 'p' },
	{ "signal-map",		required_argument,	NULL, OPT_SIGNAL_MAP },
	{ "grace",		required_argument,	NULL, OPT_GRACE },
	{ "map-exit",		required_argument,	NULL, OPT_MAP_EXIT },
	{ "no-init",		no_argument,		NULL, OPT_NO_INIT },
	{ "keep-fds",		no_argument,		NULL, OPT_KEEP_FDS },
	{ "user",		required_argument,	NULL, 'u' },
	{ "allow-root",		no_argument,		NULL, OPT_ALLOW_ROOT },
	{ "cap",		required_argument,	NULL, OPT_CAP },
	{ "env-file",		required_argument,	NULL, OPT_ENV_FILE },
	{ "exact-user",		no_argument,		NULL, OPT_EXACT_USER },
	{ "secrets-dir",	required_argument,	NULL, OPT_SECRETS_DIR },
	{ "file-env",		required_argument,	NULL, OPT_FILE_ENV },
	{ "seccomp",		required_argument,	NULL, OPT_SECCOMP },
	{ "seccomp-action",	required_argument,	NULL, OPT_SECCOMP_ACTION },
	{ "seccomp-print",	required_argument,	NULL, OPT_SECCOMP_PRINT },
	{ "allow-writable-root", no_argument,		NULL, OPT_ALLOW_WRITABLE_ROOT },
	{ "require-noexec",	no_argument,		NULL, OPT_REQUIRE_NOEXEC },
	{ "landlock",		optional_argument,	NULL, OPT_LANDLOCK },
	{ "writable",		required_argument,	NULL, OPT_WRITABLE },
	{ "allow-bind",		required_argument,	NULL, OPT_ALLOW_BIND },
	{ "allow-connect",	required_argument,	NULL, OPT_ALLOW_CONNECT },
	{ "audit",		no_argument,		NULL, OPT_AUDIT },
	{ "json",		no_argument,		NULL, OPT_JSON },
	{ "format",		required_argument,	NULL, OPT_FORMAT },
	{ "seccomp-record",	required_argument,	NULL, OPT_SECCOMP_RECORD },
	{ "verbose",		no_argument,		NULL, 'v' },
	{ "version",		no_argument,		NULL, 'V' },
	{ "help",		no_argument,		NULL, 'h' },
	{ NULL,			0,			NULL, 0 },
};

/* Signal names without the SIG prefix, indexed by number (x86_64); arrays,
 * not pointers: no relocation (lib/profile.c, struct named). */
static const char signal_names[32][8] = {
	[SIGHUP] = "HUP", [SIGINT] = "INT", [SIGQUIT] = "QUIT", [SIGILL] = "ILL",
	[SIGTRAP] = "TRAP", [SIGABRT] = "ABRT", [SIGBUS] = "BUS", [SIGFPE] = "FPE",
	[SIGKILL] = "KILL", [SIGUSR1] = "USR1", [SIGSEGV] = "SEGV",
	[SIGUSR2] = "USR2", [SIGPIPE] = "PIPE", [SIGALRM] = "ALRM",
	[SIGTERM] = "TERM", [SIGSTKFLT] = "STKFLT", [SIGCHLD] = "CHLD",
	[SIGCONT] = "CONT", [SIGSTOP] = "STOP", [SIGTSTP] = "TSTP",
	[SIGTTIN] = "TTIN", [SIGTTOU] = "TTOU", [SIGURG] = "URG",
	[SIGXCPU] = "XCPU", [SIGXFSZ] = "XFSZ", [SIGVTALRM] = "VTALRM",
	[SIGPROF] = "PROF", [SIGWINCH] = "WINCH", [SIGIO] = "IO",
	[SIGPWR] = "PWR", [SIGSYS] = "SYS",
};

int
options_parse_uint(const char *s, unsigned long long max,
    unsigned long long *out)
{
	unsigned long long v = 0;

	if (s == NULL || *s == '\0')
		return -1;
	for (; *s != '\0'; s++) {
		unsigned d = (unsigned)(*s - '0');

		if (*s < '0' || *s > '9')
			return -1;
		/* d > max first: max - d would wrap for a max below 9 */
		if (d > max || v > (max - d) / 10)
			return -1;
		v = v * 10 + d;
	}
	*out = v;
	return 0;
}

/* Kernel numbering, not the libc's SIGRTMIN (musl and glibc reserve some
 * real-time signals for themselves, but minit forwards what it receives by
 * number). */
#define KERNEL_SIGRTMIN 32
#define KERNEL_SIGRTMAX 64

int
options_signal_from_name(const char *name)
{
	unsigned long long n;
	const char *p = name;

	if (options_parse_uint(name, KERNEL_SIGRTMAX, &n) == 0)
		return n >= 1 ? (int)n : -1;
	if (strncasecmp(p, "SIG", 3) == 0)
		p += 3;
	for (int i = 1; i < 32; i++)
		if (signal_names[i][0] != '\0' &&
		    strcasecmp(p, signal_names[i]) == 0)
			return i;
	if (strcasecmp(p, "IOT") == 0)
		return SIGABRT;
	if (strncasecmp(p, "RTMIN", 5) == 0) {
		if (p[5] == '\0')
			return KERNEL_SIGRTMIN;
		if (p[5] == '+' && options_parse_uint(p + 6, 32, &n) == 0 &&
		    KERNEL_SIGRTMIN + n <= KERNEL_SIGRTMAX)
			return KERNEL_SIGRTMIN + (int)n;
		return -1;
	}
	if (strncasecmp(p, "RTMAX", 5) == 0) {
		if (p[5] == '\0')
			return KERNEL_SIGRTMAX;
		if (p[5] == '-' && options_parse_uint(p + 6, 32, &n) == 0 &&
		    KERNEL_SIGRTMAX - (int)n >= KERNEL_SIGRTMIN)
			return KERNEL_SIGRTMAX - (int)n;
	}
	return -1;
}

/* Split "A:B" at its only colon into two NUL-terminated copies. */
static int
split_pair(const char *s, char *a, char *b, size_t size)
{
	const char *colon = strchr(s, ':');
	size_t la, lb;

	if (colon == NULL || strchr(colon + 1, ':') != NULL)
		return -1;
	la = (size_t)(colon - s);
	lb = strlen(colon + 1);
	if (la == 0 || la >= size || lb == 0 || lb >= size)
		return -1;
	memcpy(a, s, la);
	a[la] = '\0';
	memcpy(b, colon + 1, lb + 1);
	return 0;
}

int
options_parse_signal_pair(const char *s, int *from, int *to)
{
	char a[16], b[16];

	if (split_pair(s, a, b, sizeof(a)) == -1)
		return -1;
	*from = options_signal_from_name(a);
	*to = options_signal_from_name(b);
	return *from > 0 && *to > 0 ? 0 : -1;
}

/* --signal-map's value: "FROM:TO", or "FROM:0" for "do not forward FROM"
 * (dumb-init's -r 15:0).  "0:TO" and "FROM:" stay errors. */
static int __attribute__((cold))
parse_signal_map(const char *s, int *from, int *to)
{
	const char *colon = strchr(s, ':');
	char a[16];
	size_t la;

	if (colon == NULL || strcmp(colon + 1, "0") != 0)
		return options_parse_signal_pair(s, from, to);
	la = (size_t)(colon - s);
	if (la == 0 || la >= sizeof(a))
		return -1;
	memcpy(a, s, la);
	a[la] = '\0';
	*from = options_signal_from_name(a);
	*to = 0;
	return *from > 0 ? 0 : -1;
}

int
options_parse_exit_pair(const char *s, int *from, int *to)
{
	char a[8], b[8];
	unsigned long long f, t;

	if (split_pair(s, a, b, sizeof(a)) == -1 ||
	    options_parse_uint(a, 255, &f) == -1 ||
	    options_parse_uint(b, 255, &t) == -1)
		return -1;
	*from = (int)f;
	*to = (int)t;
	return 0;
}

/* "NET_BIND_SERVICE,cap_chown" into bits.  Names any case, CAP_ optional. */
static int
parse_caps(const char *list, uint64_t *bits)
{
	char name[64];
	const char *p = list, *end;

	do {
		size_t len;
		int cap;

		end = strchr(p, ',');
		len = end != NULL ? (size_t)(end - p) : strlen(p);
		if (len == 0 || len >= sizeof(name)) {
			log_err("--cap: '%s': empty or overlong capability name", list);
			return -1;
		}
		for (size_t i = 0; i < len; i++)
			name[i] = (char)tolower((unsigned char)p[i]);
		name[len] = '\0';
		cap = capng_name_to_capability(strncmp(name, "cap_", 4) == 0 ?
		    name + 4 : name);
		if (cap < 0 || cap > 63) {
			log_err("--cap: '%.*s': unknown capability", (int)len, p);
			return -1;
		}
		*bits |= UINT64_C(1) << cap;
		if (end != NULL)	/* NULL + 1 is undefined (fuzz_options) */
			p = end + 1;
	} while (end != NULL);
	return 0;
}

/* A repeatable path option: one more of at most max, never empty. */
static int
add_path(const char **list, size_t *n, size_t max, const char *opt,
    const char *arg)
{
	if (*n == max) {
		log_err("%s: given more than %zu times", opt, max);
		return -1;
	}
	if (*arg == '\0') {
		log_err("%s: empty path", opt);
		return -1;
	}
	list[(*n)++] = arg;
	return 0;
}

void
options_init(struct minit_config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->grace = 3;
	for (int i = 0; i < 256; i++)
		cfg->exitmap[i] = -1;
	cfg->seccomp_profile = "default";
	cfg->seccomp_action = MINIT_SECCOMP_ERRNO;
	cfg->record_fd = -1;
	cfg->record_sock[0] = cfg->record_sock[1] = -1;
}

/* -p: STOP would freeze us for good, CHLD only means "reap". */
static bool
pdeath_signal_ok(int sig)
{
	return sig > 0 && sig != SIGSTOP && sig != SIGCHLD;
}

/* --allow-bind, --allow-connect: one TCP port, 1-65535, into ports[]. */
static int
parse_port(const char *opt, const char *arg, uint16_t *ports, size_t *n)
{
	unsigned long long port;

	if (options_parse_uint(arg, 65535, &port) == -1 || port == 0) {
		log_err("%s: '%s': want a TCP port, 1-65535", opt, arg);
		return -1;
	}
	if (*n == MINIT_MAX_PORTS) {
		log_err("%s: at most %d ports", opt, MINIT_MAX_PORTS);
		return -1;
	}
	ports[(*n)++] = (uint16_t)port;
	return 0;
}

/* One option and its value.  env: the MINIT_* knob it came from, named in
 * the refusal instead of the option; NULL from the command line. */
static int
parse_one(struct minit_config *cfg, int opt, const char *arg, const char *env)
{
	unsigned long long n;
	int from, to;

	switch (opt) {
	case 'g':
		cfg->kill_group = true;
		return 0;
	case OPT_SIGNAL_MAP:
		if (parse_signal_map(arg, &from, &to) == -1) {
			log_err("--signal-map: '%s': want FROM:TO, signal names or numbers 1-64 (TO 0: drop)", arg);
			return -1;
		}
		if (from == SIGKILL || from == SIGSTOP || from == SIGCHLD) {
			log_err("--signal-map: '%s': SIGKILL, SIGSTOP and SIGCHLD are never forwarded", arg);
			return -1;
		}
		cfg->sigmap[from] =
		    to == 0 ? MINIT_SIGMAP_DROP : (unsigned char)to;
		return 0;
	case 'p':
		from = options_signal_from_name(arg);
		if (!pdeath_signal_ok(from)) {
			log_err("%s: '%s': want a signal name or number 1-64, not STOP or CHLD",
			    env != NULL ? env : "--pdeath-signal", arg);
			return -1;
		}
		cfg->pdeath_signal = from;
		return 0;
	case OPT_GRACE:
		if (options_parse_uint(arg, 86400, &n) == -1) {
			log_err("%s: '%s': want whole seconds, 0 to 86400",
			    env != NULL ? env : "--grace", arg);
			return -1;
		}
		cfg->grace = (unsigned)n;
		return 0;
	case OPT_MAP_EXIT:
		if (options_parse_exit_pair(arg, &from, &to) == -1) {
			log_err("--map-exit: '%s': want FROM:TO, both 0-255", arg);
			return -1;
		}
		cfg->exitmap[from] = to;
		return 0;
	case OPT_NO_INIT:
		cfg->no_init = true;
		return 0;
	case OPT_KEEP_FDS:
		cfg->keep_fds = true;
		return 0;
	case 'u':
		if (*arg == '\0') {
			log_err("--user: empty user");
			return -1;
		}
		cfg->user = arg;
		return 0;
	case OPT_ALLOW_ROOT:
		cfg->allow_root = true;
		return 0;
	case OPT_CAP:
		return parse_caps(arg, &cfg->keep_caps);
	case OPT_ENV_FILE:
		return add_path(cfg->env_files, &cfg->nenv_files,
		    MINIT_MAX_ENV_FILES, "--env-file", arg);
	case OPT_EXACT_USER:
		cfg->exact_user = true;
		return 0;
	case OPT_SECRETS_DIR:
		return add_path(cfg->secrets_dirs, &cfg->nsecrets_dirs,
		    MINIT_MAX_SECRETS_DIRS, "--secrets-dir", arg);
	case OPT_FILE_ENV:
		if (cfg->nfile_envs == MINIT_MAX_FILE_ENVS) {
			log_err("--file-env: at most %d names", MINIT_MAX_FILE_ENVS);
			return -1;
		}
		if (!envline_name_valid(arg, strlen(arg)) ||
		    strlen(arg) > 128) {
			log_err("--file-env: want a variable name of at most 128 bytes");
			return -1;
		}
		if (envline_name_forbidden(arg, strlen(arg))) {
			log_err("--file-env %s: %s", arg,
		    envline_error_str(ENV_LOADER));
			return -1;
		}
		cfg->file_envs[cfg->nfile_envs++] = arg;
		return 0;
	case OPT_SECCOMP:
		if (*arg == '\0') {
			log_err("--seccomp: empty profile");
			return -1;
		}
		cfg->seccomp_profile = arg;
		return 0;
	case OPT_SECCOMP_ACTION:
		if (strcmp(arg, "errno") == 0)
			cfg->seccomp_action = MINIT_SECCOMP_ERRNO;
		else if (strcmp(arg, "kill") == 0)
			cfg->seccomp_action = MINIT_SECCOMP_KILL;
		else if (strcmp(arg, "log") == 0)
			cfg->seccomp_action = MINIT_SECCOMP_LOG;
		else {
			log_err("--seccomp-action: '%s': want errno, kill or log", arg);
			return -1;
		}
		return 0;
	case OPT_SECCOMP_PRINT:
		cfg->seccomp_print = arg;
		return 0;
	case OPT_ALLOW_WRITABLE_ROOT:
		cfg->allow_writable_root = true;
		return 0;
	case OPT_REQUIRE_NOEXEC:
		cfg->require_noexec = true;
		return 0;
	case OPT_LANDLOCK:
		if (arg != NULL && strcmp(arg, "best-effort") != 0) {
			log_err("--landlock=%s: want --landlock or --landlock=best-effort", arg);
			return -1;
		}
		cfg->landlock = arg != NULL ? MINIT_LANDLOCK_BEST_EFFORT :
		    MINIT_LANDLOCK_STRICT;
		return 0;
	case OPT_WRITABLE:
		/* Checked against the file system in the child (landlock.c). */
		if (arg[0] != '/') {
			log_err("--writable: '%s': want an absolute path", arg);
			return -1;
		}
		if (cfg->nwritable == MINIT_MAX_WRITABLE) {
			log_err("--writable: at most %d paths", MINIT_MAX_WRITABLE);
			return -1;
		}
		cfg->writable[cfg->nwritable++] = arg;
		return 0;
	case OPT_ALLOW_BIND:
		return parse_port("--allow-bind", arg, cfg->bind_ports, &cfg->nbind);
	case OPT_ALLOW_CONNECT:
		return parse_port("--allow-connect", arg, cfg->connect_ports,
		    &cfg->nconnect);
	case OPT_AUDIT:
		cfg->audit = true;
		return 0;
	case OPT_JSON:
		cfg->audit_json = true;
		return 0;
	case OPT_SECCOMP_RECORD:
		cfg->seccomp_record = arg;
		return 0;
	case OPT_FORMAT:
		if (strcmp(arg, "oci") == 0)
			cfg->seccomp_print_oci = true;
		else if (strcmp(arg, "text") != 0) {
			log_err("--format: '%s': want text or oci", arg);
			return -1;
		}
		return 0;
	case 'v':
		cfg->verbose++;
		return 0;
	case OPT_ENV_VERBOSE:		/* MINIT_VERBOSE: -v N times */
	case OPT_ENV_KILL_GROUP:	/* MINIT_KILL_GROUP: 1 is -g */
		to = opt == OPT_ENV_VERBOSE ? 9 : 1;
		if (options_parse_uint(arg, (unsigned)to, &n) == -1) {
			log_err("%s: '%s': want 0 to %d", env, arg, to);
			return -1;
		}
		if (opt == OPT_ENV_VERBOSE)
			cfg->verbose = (int)n;
		else
			cfg->kill_group = n == 1;
		return 0;
	}
	return -1;
}

/* The environment knobs: only settings that cannot weaken the hardening
 * (as tini's TINI_VERBOSITY, TINI_KILL_PROCESS_GROUP).  Who PROGRAM runs as,
 * its capabilities, seccomp, the root checks: the command line only, never
 * the environment, which an image or a `docker run -e` sets more easily than
 * the entrypoint.  Each value is checked as strictly as its option's. */
static const struct {
	const char	*name;
	int		 opt;
} env_knobs[] = {
	{ "MINIT_VERBOSE", OPT_ENV_VERBOSE },
	{ "MINIT_KILL_GROUP", OPT_ENV_KILL_GROUP },
	{ "MINIT_GRACE", OPT_GRACE },
	{ "MINIT_PDEATH_SIGNAL", 'p' },
};

int __attribute__((cold))
options_from_env(struct minit_config *cfg, char *const envp[])
{
	for (size_t k = 0; k < sizeof(env_knobs) / sizeof(env_knobs[0]); k++) {
		const char *name = env_knobs[k].name, *val = NULL;
		size_t len = strlen(name);

		for (size_t i = 0; envp != NULL && envp[i] != NULL; i++)
			if (strncmp(envp[i], name, len) == 0 &&
			    envp[i][len] == '=')
				val = envp[i] + len + 1;	/* the last, as getenv */
		if (val != NULL &&
		    parse_one(cfg, env_knobs[k].opt, val, name) == -1)
			return -1;
	}
	return 0;
}

enum options_result
options_parse(struct minit_config *cfg, int argc, char *argv[])
{
	int opt, idx;
	bool verbose_given = false;

	optind = 0;	/* restart getopt (glibc and musl), for tests and fuzzers */
	opterr = 0;	/* our own messages */
	/* '+': stop at PROGRAM, so its own options are left alone */
	while ((opt = getopt_long(argc, argv, "+:gp:u:vVh", long_options, &idx)) != -1) {
		switch (opt) {
		case 'h':
			fputs(usage_text, stdout);
			return OPTIONS_EXIT_OK;
		case 'V':
			version_print();
			return OPTIONS_EXIT_OK;
		case '?':
			if (optopt != 0)
				log_err("unknown option '-%c' (see minit --help)", optopt);
			else
				log_err("unknown option '%s' (see minit --help)",
				    argv[optind - 1]);
			return OPTIONS_ERROR;
		case ':':
			log_err("option '%s' needs a value", argv[optind - 1]);
			return OPTIONS_ERROR;
		case 'v':	/* the command line wins over MINIT_VERBOSE */
			cfg->verbose = verbose_given ? cfg->verbose + 1 : 1;
			verbose_given = true;
			break;
		default:
			if (parse_one(cfg, opt, optarg, NULL) == -1)
				return OPTIONS_ERROR;
		}
	}
	if (cfg->audit_json && !cfg->audit) {
		log_err("--json goes with --audit");
		return OPTIONS_ERROR;
	}
	if (cfg->seccomp_print_oci && cfg->seccomp_print == NULL) {
		log_err("--format goes with --seccomp-print");
		return OPTIONS_ERROR;
	}
	if (cfg->landlock == MINIT_LANDLOCK_OFF &&
	    cfg->nwritable + cfg->nbind + cfg->nconnect != 0) {
		log_err("--writable, --allow-bind and --allow-connect go with --landlock");
		return OPTIONS_ERROR;
	}
	if (cfg->seccomp_print != NULL) {
		if (optind < argc) {
			log_err("--seccomp-print takes no PROGRAM");
			return OPTIONS_ERROR;
		}
		return OPTIONS_RUN;
	}
	if (optind < argc)
		cfg->argv = argv + optind;
	else if (!cfg->audit) {
		log_err("no PROGRAM to run (see minit --help)");
		return OPTIONS_ERROR;
	}
	if (cfg->argv != NULL && cfg->argv[0][0] == '\0') {
		log_err("PROGRAM is an empty string");
		return OPTIONS_ERROR;
	}
	if (cfg->exact_user && cfg->user == NULL) {
		log_err("--exact-user goes with --user");
		return OPTIONS_ERROR;
	}
	if (cfg->no_init && cfg->audit) {
		log_err("--no-init and --audit do not go together");
		return OPTIONS_ERROR;
	}
	if (cfg->seccomp_record != NULL && (cfg->no_init || cfg->audit)) {
		log_err("--seccomp-record: PID 1 answers the recorder: not with "
		    "--no-init or --audit");
		return OPTIONS_ERROR;
	}
	return OPTIONS_RUN;
}
