/* seccomp.c: PROGRAM's filter and PID 1's own.
 *
 * The builtin profiles (default, strict, PID 1's pid1) are compiled to BPF
 * at build time by libseccomp (build-aux/bpfgen.c through seccomp_build.c;
 * tests/unit/check_bpf.c proves the bytes equal a run-time build), so for
 * them minit only calls seccomp(2): no libseccomp, no parsing, no heap, on
 * PID 1's critical path or in its resident pages.
 *
 * A profile file is parsed by profile.c.  The parent only reads and checks
 * it: its filter is built with libseccomp in the child, so PID 1 never
 * holds it.  The file's text is read once, as root, before the fork, and
 * the child parses that same text again: no second open after the
 * privilege drop, no window for the file to change in between.
 *
 * Every filter is native x86_64 only with BADARCH = KILL_PROCESS (P11,
 * P12); see seccomp_build.c. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/seccomp.h>
#include <seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include "arch.h"
#include "log.h"
#include "oci.h"
#include "profile.h"
#include "readfile.h"
#include "recorder.h"
#include "seccomp.h"
#include "seccomp_build.h"
#include "seccomp_builtin.h"
#include "seccomp_guard.h"
#include "secrets.h"

#ifndef PR_SET_MDWE
#define PR_SET_MDWE			65
#define PR_GET_MDWE			66
#define PR_MDWE_REFUSE_EXEC_GAIN	1UL
#endif

static int
is_off(const char *name)
{
	return strcmp(name, "off") == 0;
}

/* Builtin names for --seccomp; --seccomp-print also knows "pid1". */
static const char *
builtin_text(const char *name, int print)
{
	if (!print && profile_internal(name))
		return NULL;
	return profile_builtin(name);
}

/* The precompiled filter of a builtin profile, or NULL. */
const struct builtin_bpf *
seccomp_builtin_find(const char *name, int deny)
{
	/* weak: the fuzz targets link without the generated table */
	/* cppcheck-suppress knownConditionTrueFalse */
	if (minit_builtin_bpf == NULL)
		return NULL;
	for (const struct builtin_bpf *b = minit_builtin_bpf; b->name != NULL;
	    b++)
		if (b->deny == deny && strcmp(b->name, name) == 0)
			return b;
	return NULL;
}

/* Read a profile file as the env files and secrets are read (P33, P47):
 * it decides what PROGRAM may do, so a symlink is followed only while it
 * stays in the file's folder (a Kubernetes ConfigMap), the file must be
 * regular, owned by root or by whoever started minit and writable by
 * nobody else, and not larger than the parser takes. */
static int
read_file(const char *path, char **text, size_t *len)
{
	char what[PATH_MAX + 16];
	size_t total = 0;
	int fd;

	snprintf(what, sizeof(what), "seccomp: %s", path);
	fd = secrets_open(path, what);
	if (fd == -1)
		return -1;
	*text = secrets_read(fd, what, &total, len);
	(void)close(fd);
	return *text == NULL ? -1 : 0;
}

/* What decides a JSON profile's includes and excludes: the capabilities
 * PROGRAM keeps (--cap) and the running kernel. */
static struct oci_env
oci_env_of(const struct minit_config *cfg)
{
	struct oci_env env = { .caps = cfg->keep_caps };
	struct utsname u;
	int part = 0;

	if (uname(&u) == -1)
		return env;	/* 0.0: "minKernel" entries do not apply */
	for (const char *c = u.release, *end = c + sizeof(u.release);
	    c < end && *c != '\0'; c++) {
		if (*c == '.' && env.kernel[1] == 0 && part++ == 0)
			continue;
		if (*c < '0' || *c > '9' || env.kernel[part] > 100000)
			break;
		env.kernel[part] = env.kernel[part] * 10 + (unsigned)(*c - '0');
	}
	return env;
}

/* Parse a profile, the line language or JSON (by content), into a fresh
 * anonymous mapping (unmapped by the caller with profile_free), so a
 * short-lived profile leaves no heap behind in PID 1.  label names it in
 * messages; warn: say what a JSON profile skipped (once, before the fork,
 * not again in the child). */
static struct profile *
profile_load(const struct minit_config *cfg, const char *label,
    const char *text, size_t len, int warn)
{
	struct prof_error err;
	struct oci_report rep;
	struct oci_env env;
	int rc;
	struct profile *p = mmap(NULL, sizeof(*p), PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED) {
		log_sys("seccomp: %s", label);
		return NULL;
	}
	if (oci_is_json(text, len)) {
		env = oci_env_of(cfg);
		rc = oci_parse(p, text, len, &env, &rep, &err);
		if (rc == 0 && warn && rep.unknown > 0)
			log_err("seccomp: %s:%u: warning: %u syscall name(s) "
			    "unknown on %s skipped, as runtimes do (the "
			    "first: '%s')", label, rep.unknown_line, rep.unknown,
			    arch_native.name, rep.unknown_name);
	} else {
		rc = profile_parse(p, text, len, &err);
	}
	if (rc == -1) {
		if (err.line > 0)
			log_err("seccomp: %s:%u: %s", label, err.line, err.msg);
		else
			log_err("seccomp: %s: %s", label, err.msg);
		(void)munmap(p, sizeof(*p));
		return NULL;
	}
	return p;
}

static void
profile_free(struct profile *p)
{
	if (p != NULL)
		(void)munmap(p, sizeof(*p));
}

/* The text of cfg->seccomp_profile: a builtin, or the file read by
 * seccomp_prepare. */
static const char *
program_text(const struct minit_config *cfg, size_t *len)
{
	const char *t = builtin_text(cfg->seccomp_profile, 0);

	if (t != NULL) {
		*len = strlen(t);
		return t;
	}
	*len = cfg->seccomp_len;
	return cfg->seccomp_text;
}

/* What the child still calls after its filter is loaded (child.c): read
 * the go byte, write a failure report, unblock signals, exec, exit. */
static int
check_needed(const struct minit_config *cfg, const struct profile *p)
{
	const char *const *needed = profile_child_needs;

	for (int i = 0; needed[i] != NULL; i++)
		if (!profile_always_allows(p, profile_syscall_nr(needed[i]),
		    (int)cfg->seccomp_action)) {
			log_err("seccomp: %s: the profile denies %s, which minit "
			    "needs to start PROGRAM", cfg->seccomp_profile,
			    needed[i]);
			return -1;
		}
	return 0;
}

int
seccomp_prepare(struct minit_config *cfg)
{
	struct profile *p;
	const char *text;
	size_t len;
	int rc;

	if (is_off(cfg->seccomp_profile)) {
		log_err("seccomp: warning: --seccomp off: PROGRAM runs without "
		    "a syscall filter, and can change minit's limits");
		return 0;
	}
	if (seccomp_builtin_find(cfg->seccomp_profile,
	    (int)cfg->seccomp_action) != NULL)
		goto kernel;	/* parsed and checked at build time (bpfgen) */
	if (builtin_text(cfg->seccomp_profile, 0) == NULL &&
	    read_file(cfg->seccomp_profile, &cfg->seccomp_text,
	    &cfg->seccomp_len) == -1)
		return -1;
	text = program_text(cfg, &len);
	p = profile_load(cfg, cfg->seccomp_profile, text, len, 1);
	if (p == NULL)
		return -1;
	rc = check_needed(cfg, p);
	profile_free(p);
	if (rc == -1)
		return -1;
kernel:
	if (prctl(PR_GET_SECCOMP) == -1) {
		log_sys("seccomp: the kernel has no seccomp support");
		return -1;
	}
	return 0;
}

/* The libseccomp filter of p: finished by the profile module, then built.
 * The finished form is large in the worst case: mapped, not on the stack. */
static scmp_filter_ctx
build(const struct profile *p, int deny, const char *label)
{
	struct prof_filter *f = mmap(NULL, sizeof(*f), PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	scmp_filter_ctx ctx;

	if (f == MAP_FAILED) {
		log_sys("seccomp: %s", label);
		return NULL;
	}
	profile_finish(p, deny, f);
	ctx = seccomp_build_filter(f, label);
	(void)munmap(f, sizeof(*f));
	return ctx;
}

/* Build the filter of p with libseccomp and load it into this process:
 * profile files only, in the child. */
static int
load(const struct profile *p, int deny, const char *label)
{
	scmp_filter_ctx ctx;
	int rc;

	/* level 3: the kernel has seccomp(2) with KILL_PROCESS and LOG */
	if (seccomp_api_get() < 3) {
		log_err("seccomp: %s: seccomp is unavailable or denied here "
		    "(libseccomp API level %u, need 3)", label, seccomp_api_get());
		return -1;
	}
	ctx = build(p, deny, label);
	if (ctx == NULL)
		return -1;
	rc = seccomp_attr_set(ctx, SCMP_FLTATR_CTL_TSYNC, 1);
	if (rc == 0)	/* report the kernel's own errno, not ECANCELED */
		rc = seccomp_attr_set(ctx, SCMP_FLTATR_API_SYSRAWRC, 1);
	if (rc != 0) {
		errno = -rc;
		log_sys("seccomp: %s: filter attributes", label);
	} else if ((rc = seccomp_load(ctx)) != 0) {
		errno = -rc;
		log_sys("seccomp: %s: loading the filter", label);
	}
	seccomp_release(ctx);
	return rc == 0 ? 0 : -1;
}

/* Does the kernel take seccomp(2) filters with the actions minit uses?
 * Asked only after a load failed, to say why. */
static int
seccomp_usable(void)
{
	uint32_t act[] = { SECCOMP_RET_KILL_PROCESS, SECCOMP_RET_LOG };

	for (size_t i = 0; i < sizeof(act) / sizeof(act[0]); i++)
		if (syscall(SYS_seccomp, SECCOMP_GET_ACTION_AVAIL, 0,
		    &act[i]) != 0)
			return 0;
	return 1;
}

/* Load a BPF program: no libseccomp, no parsing.  The same flags as
 * libseccomp's load with TSYNC (every thread, or fail) after
 * no_new_privs, which privdrop has set already (the call is then a
 * no-op that cannot fail). */
int
seccomp_load_prog(const struct sock_filter *insns, unsigned short len,
    const char *label)
{
	struct sock_fprog prog = { .len = len,
	    .filter = (struct sock_filter *)insns };
	long rc;
	int err;

	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == -1) {
		log_sys("seccomp: %s: PR_SET_NO_NEW_PRIVS", label);
		return -1;
	}
	rc = syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER,
	    SECCOMP_FILTER_FLAG_TSYNC, &prog);
	if (rc == 0)
		return 0;
	if (rc > 0) {
		log_err("seccomp: %s: loading the filter: thread %ld could not "
		    "be synchronised", label, rc);
		return -1;
	}
	err = errno;
	if (!seccomp_usable()) {
		errno = err;
		log_sys("seccomp: %s: seccomp is unavailable or denied here "
		    "(seccomp(2))", label);
		return -1;
	}
	errno = err;
	log_sys("seccomp: %s: loading the filter", label);
	return -1;
}

/* A precompiled builtin filter, patched where it is a variant. */
static int
load_builtin(const struct builtin_bpf *b, const char *label)
{
	struct sock_filter *copy;
	int rc, err;

	if (b->npatch == 0)
		return seccomp_load_prog(b->insns, b->len, label);
	copy = malloc(b->len * sizeof(*copy));
	if (copy == NULL) {
		log_sys("seccomp: %s", label);
		return -1;
	}
	builtin_bpf_copy(b, copy);
	rc = seccomp_load_prog(copy, b->len, label);
	err = errno;
	free(copy);
	errno = err;
	return rc;
}

static long
elapsed_us(const struct timespec *t0)
{
	struct timespec t1;

	(void)clock_gettime(CLOCK_MONOTONIC, &t1);
	return (t1.tv_sec - t0->tv_sec) * 1000000L +
	    (t1.tv_nsec - t0->tv_nsec) / 1000;
}

/* --require-noexec: nothing writable may run, memory files included; and
 * --landlock, which cannot see a memory file's exec (docs/landlock.md). */
static bool
memfd_rule_wanted(const struct minit_config *cfg)
{
	return cfg->require_noexec || cfg->landlock != MINIT_LANDLOCK_OFF;
}

/* strict is W^X: with PR_SET_MDWE the kernel also refuses to make a
 * mapping executable that was not (mprotect RW -> RX), which the filter
 * cannot see (issue 14.9).  Kept across execve; a kernel older than 6.3
 * has no MDWE: strict then runs without it, and --audit says so. */
static void
strict_mdwe(const struct minit_config *cfg)
{
	if (strcmp(cfg->seccomp_profile, "strict") != 0)
		return;
	if (prctl(PR_SET_MDWE, PR_MDWE_REFUSE_EXEC_GAIN, 0, 0, 0) == -1)
		log_verbose(cfg, "seccomp: PR_SET_MDWE: %s", strerror(errno));
}

/* The guards go first: PROGRAM's own profile may deny seccomp(2).  Not
 * with --no-init, where minit is gone once PROGRAM runs. */
static int
load_guards(const struct minit_config *cfg)
{
	if (!cfg->no_init &&
	    seccomp_guard_pid1(getppid(), getpgid(getppid())) == -1)
		return -1;
	if (memfd_rule_wanted(cfg) && seccomp_guard_memfd() == -1)
		return -1;
	return 0;
}

int
seccomp_apply(const struct minit_config *cfg)
{
	const struct builtin_bpf *b;
	struct timespec t0;
	struct profile *p;
	const char *text;
	size_t len;
	int rc, err;

	if (is_off(cfg->seccomp_profile))
		return 0;
	strict_mdwe(cfg);
	if (load_guards(cfg) == -1)
		return -1;
	(void)clock_gettime(CLOCK_MONOTONIC, &t0);
	b = seccomp_builtin_find(cfg->seccomp_profile,
	    (int)cfg->seccomp_action);
	if (b != NULL && cfg->seccomp_record == NULL) {
		rc = load_builtin(b, cfg->seccomp_profile);
		if (rc == 0 && b->allows_prctl && prctl(PR_GET_SECCOMP) != 2) {
			log_err("seccomp: %s: loaded, but the kernel reports no "
			    "filter", cfg->seccomp_profile);
			errno = EINVAL;
			return -1;
		}
		if (rc == 0)
			log_verbose(cfg, "seccomp: profile '%s' built and loaded "
			    "in %ld us (precompiled)", cfg->seccomp_profile,
			    elapsed_us(&t0));
		return rc;
	}
	text = program_text(cfg, &len);
	if (text == NULL) {
		log_err("seccomp: %s: profile not read", cfg->seccomp_profile);
		errno = EINVAL;
		return -1;
	}
	p = profile_load(cfg, cfg->seccomp_profile, text, len, 0);
	if (p == NULL) {
		errno = EINVAL;
		return -1;
	}
	if (cfg->seccomp_record != NULL) {
		/* the recording filter in place of the profile's own */
		rc = recorder_load(cfg, p, cfg->record_sock[1]);
		err = errno;
		profile_free(p);
		errno = err;
		return rc;
	}
	rc = load(p, (int)cfg->seccomp_action, cfg->seccomp_profile);
	err = errno;
	/* read back what the kernel holds, where the filter lets us ask */
	if (rc == 0 && profile_always_allows(p, profile_syscall_nr("prctl"),
	    (int)cfg->seccomp_action) && prctl(PR_GET_SECCOMP) != 2) {
		log_err("seccomp: %s: loaded, but the kernel reports no filter",
		    cfg->seccomp_profile);
		rc = -1;
		err = EINVAL;
	}
	profile_free(p);
	if (rc == 0)
		log_verbose(cfg, "seccomp: profile '%s' built and loaded in %ld us",
		    cfg->seccomp_profile, elapsed_us(&t0));
	errno = err;
	return rc;
}

#if defined(__SANITIZE_ADDRESS__)
/* `make dev`: LeakSanitizer's exit-time check clones a thread that ptraces
 * us, which PID 1's allow-list kills; skip it only in a process that loaded
 * that list (the sanitizer runtime calls this hook at exit). */
static int pid1_filtered;
int __lsan_is_turned_off(void);
int
__lsan_is_turned_off(void)
{
	return pid1_filtered;
}
#define PID1_FILTERED()	(pid1_filtered = 1)
#else
#define PID1_FILTERED()	((void)0)
#endif

int
seccomp_pid1(const struct minit_config *cfg)
{
	const char *name = cfg->seccomp_record != NULL ? "pid1-record" : "pid1";
	const char *text = profile_builtin(name);
	const struct builtin_bpf *b;
	struct timespec t0;
	struct profile *p;
	int rc;

	(void)clock_gettime(CLOCK_MONOTONIC, &t0);
	b = seccomp_builtin_find(name, MINIT_SECCOMP_KILL);
	if (b != NULL) {
		rc = load_builtin(b, name);
		if (rc == 0 && b->allows_prctl && prctl(PR_GET_SECCOMP) != 2) {
			log_err("seccomp: pid1: loaded, but the kernel reports "
			    "no filter");
			rc = -1;
		}
	} else {
		p = profile_load(cfg, name, text, strlen(text), 0);
		if (p == NULL)
			return -1;
		rc = load(p, MINIT_SECCOMP_KILL, name);
		profile_free(p);
	}
	if (rc == 0)
		PID1_FILTERED();
	if (rc == -1 && is_off(cfg->seccomp_profile)) {
		/* the user turned seccomp off: its absence is no surprise */
		log_err("seccomp: warning: PID 1 runs without its own filter");
		return 0;
	}
	if (rc == 0)
		log_verbose(cfg, "seccomp: PID 1's allow-list loaded in %ld us",
		    elapsed_us(&t0));
	return rc;
}

/* --seccomp-print ---------------------------------------------------- */

static const char *
action_text(struct prof_action a, char *buf, size_t size)
{
	const char *e;

	switch (a.act) {
	case PROF_ALLOW:
		return "allow";
	case PROF_LOG:
		return "log";
	case PROF_KILL:
		return "kill";
	case PROF_ERRNO:
		e = profile_errno_name(a.err);
		if (e != NULL)
			snprintf(buf, size, "errno %s", e);
		else
			snprintf(buf, size, "errno %u", a.err);
		return buf;
	default:
		return "?";
	}
}

static void
print_cond(const struct prof_cond *c)
{
	printf(" arg%u", c->arg);
	if (c->mask != UINT32_MAX)
		printf(" & 0x%x", c->mask);
	printf(" %s ", c->op == PROF_NOT_IN ? "!=" : "==");
	for (unsigned i = 0; i < c->nvals; i++)
		printf("%s0x%x", i > 0 ? "," : "", c->val[i]);
}

static void
print_rules(const struct profile *p, int deny)
{
	struct prof_action def = profile_concrete(p->def, deny);
	char name[64], abuf[32];
	unsigned noop = 0;

	for (int nr = 0; nr < PROF_NR_MAX; nr++) {
		const struct prof_sys *s = &p->sys[nr];
		struct prof_action a = profile_concrete(s->action, deny);

		if (s->state == PROF_SYS_NONE)
			continue;
		profile_syscall_name(nr, name, sizeof(name));
		if (s->state == PROF_SYS_ALWAYS) {
			if (seccomp_build_action(a) ==
			    seccomp_build_action(def))
				noop++;
			else
				printf("%-22s %s\n", name,
				    action_text(a, abuf, sizeof(abuf)));
			continue;
		}
		for (size_t k = 0; k < p->nrules; k++) {
			if (p->rule[k].nr != nr)
				continue;
			a = profile_concrete(p->rule[k].action, deny);
			if (seccomp_build_action(a) ==
			    seccomp_build_action(def)) {
				noop++;
				continue;
			}
			printf("%-22s %s if", name, action_text(a, abuf, sizeof(abuf)));
			for (unsigned i = 0; i < p->rule[k].ncond; i++) {
				printf("%s", i > 0 ? " and" : "");
				print_cond(&p->rule[k].cond[i]);
			}
			printf("\n");
		}
	}
	if (noop > 0)
		printf("# %u rules equal the default action: no effect\n", noop);
}

/* --format oci: one filter, so the guard minit would stack under p goes
 * into it: guard-memfd, with --require-noexec or --landlock
 * (profile_stack).  guard-pid1 stays out: it names minit's pid, known
 * only at run time, and minit loads it itself under any outer filter
 * (docs/seccomp.md, "What the export holds"). */
static int
print_oci(const struct minit_config *cfg, const char *name,
    const struct profile *p, int deny)
{
	const size_t size = sizeof(struct prof_filter);
	struct prof_filter *base = mmap(NULL, 3 * size, PROT_READ |
	    PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	struct prof_filter *f = base, *guard = base + 1, *both = base + 2;
	const char *text = profile_guard("guard-memfd");
	struct profile *g = NULL;
	int rc = 0;

	if (base == MAP_FAILED) {
		log_sys("seccomp: %s", name);
		return -1;
	}
	profile_finish(p, deny, f);
	if (memfd_rule_wanted(cfg) && !profile_internal(name)) {
		g = profile_load(cfg, "guard-memfd", text, strlen(text), 0);
		if (g == NULL)
			rc = -1;
		else
			profile_finish(g, MINIT_SECCOMP_ERRNO, guard);
		if (g != NULL && profile_stack(f, guard, both) == -1) {
			log_err("seccomp: %s: --format oci: its memfd_create "
			    "rules and guard-memfd do not fit one filter (at "
			    "most %d conditions a rule)", name, PROF_MAX_CONDS);
			rc = -1;
		}
		f = both;
	}
	if (rc == 0)
		oci_print(stdout, f);
	profile_free(g);
	(void)munmap(base, 3 * size);
	return rc;
}

int
seccomp_print(const struct minit_config *cfg)
{
	const char *name = cfg->seccomp_print, *text = builtin_text(name, 1);
	int deny = strncmp(name, "pid1", 4) == 0 ? MINIT_SECCOMP_KILL :
	    (int)cfg->seccomp_action;
	struct prof_action def;
	struct profile *p;
	char abuf[32], ebuf[1024], *file = NULL;
	size_t len;

	if (is_off(name) && cfg->seccomp_print_oci) {
		log_err("seccomp: --format oci: 'off' is no filter at all: give "
		    "the runtime seccomp=unconfined");
		return MINIT_EX_REFUSED;
	}
	if (is_off(name)) {
		printf("# profile 'off': no filter; every syscall reaches the "
		    "kernel\n");
		return 0;
	}
	if (text != NULL)
		len = strlen(text);
	else if (read_file(name, &file, &len) == -1)
		return MINIT_EX_REFUSED;
	else
		text = file;
	p = profile_load(cfg, name, text, len, 1);
	free(file);
	if (p == NULL)
		return MINIT_EX_REFUSED;
	if (cfg->seccomp_print_oci) {
		if (print_oci(cfg, name, p, deny) == -1) {
			profile_free(p);
			return MINIT_EX_REFUSED;
		}
		goto out;
	}
	def = profile_concrete(p->def, deny);
	printf("# profile '%s'; 'deny' means %s (--seccomp-action)\n",
	    log_escape(ebuf, sizeof(ebuf), name, strlen(name)),
	    action_text(profile_concrete(
	    (struct prof_action){ .act = PROF_DENY }, deny), abuf,
	    sizeof(abuf)));
	printf("# argument conditions compare the low 32 bits\n");
	printf("%-22s %s\n", "default-action", action_text(def, abuf, sizeof(abuf)));
	snprintf(abuf, sizeof(abuf), "non-%s-abi", arch_native.name);
	printf("%-22s kill (%s)\n", abuf, arch_native.killed_abis);
	print_rules(p, deny);
	printf("\n# groups (the calls this ABI has)\n");
	for (const struct prof_group *g = prof_groups; g->name != NULL; g++) {
		char nbuf[64];
		int nr;

		printf("%s:", g->name);
		for (const char *s = g->calls;
		    (s = profile_group_next(s, &nr)) != NULL;)
			printf(" %s", profile_syscall_name(nr, nbuf, sizeof(nbuf)));
		printf("\n    # %s\n", g->why);
	}
out:
	profile_free(p);
	return fflush(stdout) == 0 ? 0 : MINIT_EX_REFUSED;
}
