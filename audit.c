/* audit.c: minit --audit.  The hardened child, where it would exec PROGRAM,
 * inspects itself and PID 1 and prints one line per check (or one JSON
 * document), then _exits 0 when every check meets the baseline, 1 if not.
 *
 * What it reads comes from the kernel, not from our own bookkeeping:
 * /proc/self/status and prctl for the process, /proc/<minit>/status for
 * PID 1, statvfs and mountinfo for the filesystem.  The live probes each try
 * a forbidden thing in a forked grandchild, so a probe that the app's
 * seccomp filter answers with SIGSYS (--seccomp-action kill) kills only that
 * grandchild and is reported as blocked.  docs/audit.md lists every check
 * and the JSON keys. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <netinet/in.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cap-ng.h>

#include "arch.h"
#include "audit.h"
#include "audit_report.h"
#include "caps.h"
#include "landlock.h"
#include "log.h"
#include "mountinfo.h"
#include "mounts.h"
#include "profile.h"
#include "readfile.h"

#ifndef CAP_DAC_OVERRIDE
#define CAP_DAC_OVERRIDE 1
#endif
#define AUDIT_TEXT_MAX	8191	/* bytes of a /proc status or uid_map */
#ifndef PR_GET_MDWE
#define PR_GET_MDWE			66
#define PR_MDWE_REFUSE_EXEC_GAIN	1
#endif

struct audit {
	const struct minit_config *cfg;
	struct audit_out out;		/* the report writer's state */
	pid_t		 minit;		/* the PID 1 inspected: always 1 (see audit_child) */
	char		*self_status;	/* /proc/self/status, NULL without /proc */
	char		*mountinfo;	/* NULL without /proc */
};

/* Print one check (audit_report.c writes it as text or JSON).  value is a
 * JSON value (or NULL: null); reason is the short text both outputs carry. */
static void __attribute__((format(printf, 5, 6)))
report(struct audit *a, const char *id, enum verdict v,
    const struct jbuf *value, const char *fmt, ...)
{
	char reason[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(reason, sizeof(reason), fmt, ap);
	va_end(ap);
	audit_out_check(&a->out, id, v, value, reason);
}

/* ---- reading the kernel's view ------------------------------------------ */

/* A small /proc file (status, uid_map), or NULL. */
static char *
read_text(const char *path)
{
	char *buf;
	size_t len;

	return readfile_path(path, AUDIT_TEXT_MAX, 0, &buf, &len) == READFILE_OK
	    ? buf : NULL;
}

/* The value of "Key:\tvalue" in a /proc/PID/status text, trimmed. */
static bool
status_field(const char *text, const char *key, char *out, size_t size)
{
	size_t klen = strlen(key);

	for (const char *p = text; p != NULL && *p != '\0'; ) {
		const char *nl = strchr(p, '\n');
		size_t len = nl != NULL ? (size_t)(nl - p) : strlen(p);

		if (len > klen && strncmp(p, key, klen) == 0 &&
		    p[klen] == ':') {
			const char *v = p + klen + 1;

			while (*v == '\t' || *v == ' ')
				v++;
			len -= (size_t)(v - p);
			if (len >= size)
				len = size - 1;
			memcpy(out, v, len);
			out[len] = '\0';
			return true;
		}
		p = nl != NULL ? nl + 1 : NULL;
	}
	return false;
}

static bool
status_hex(const char *text, const char *key, uint64_t *v)
{
	char buf[64], *end;

	if (text == NULL || !status_field(text, key, buf, sizeof(buf)))
		return false;
	errno = 0;
	*v = strtoull(buf, &end, 16);
	return errno == 0 && end != buf;
}

static bool
status_long(const char *text, const char *key, long *v)
{
	char buf[64], *end;

	if (text == NULL || !status_field(text, key, buf, sizeof(buf)))
		return false;
	errno = 0;
	*v = strtol(buf, &end, 10);
	return errno == 0 && end != buf;
}

static const char *const set_keys[5] = { "CapInh", "CapPrm", "CapEff", "CapBnd", "CapAmb" };
static const char *const set_ids[5] = { "inh", "prm", "eff", "bnd", "amb" };

/* Our own five sets: /proc/self/status, or the kernel itself without /proc
 * (caps.c). */
static bool
self_caps(const struct audit *a, uint64_t sets[CAPS_NSETS])
{
	bool ok = true;

	if (a->self_status != NULL) {
		for (int i = 0; i < CAPS_NSETS; i++)
			ok = status_hex(a->self_status, set_keys[i],
			    &sets[i]) && ok;
		return ok;
	}
	return caps_get_all(sets) == 0;
}

/* "chown,dac_override" into text (the first few names and the count when
 * there are many: a line stays readable), and the JSON array into j. */
#define TEXT_CAPS	6

static void
cap_names(uint64_t set, char *text, size_t size, struct jbuf *j)
{
	size_t n = 0;
	int count = __builtin_popcountll(set), shown = 0;

	text[0] = '\0';
	jb_printf(j, "[");
	for (unsigned c = 0; c < 64; c++) {
		const char *name;
		char num[16];

		if (!(set >> c & 1))
			continue;
		name = capng_capability_to_name(c);
		if (name == NULL) {
			snprintf(num, sizeof(num), "cap_%u", c);
			name = num;
		}
		jb_printf(j, "%s", j->s[j->n - 1] == '[' ? "" : ", ");
		jb_str(j, name);
		if (count > TEXT_CAPS && shown == 0 && n < size)
			n += (size_t)snprintf(text + n, size - n, "%d: ", count);
		if (shown++ < TEXT_CAPS && n < size)
			n += (size_t)snprintf(text + n, size - n, "%s%s",
			    shown == 1 ? "" : ",", name);
		else if (shown == TEXT_CAPS + 1 && n < size)
			n += (size_t)snprintf(text + n, size - n, ",...");
	}
	jb_printf(j, "]");
	if (text[0] == '\0')
		snprintf(text, size, "none");
}

/* ---- identity ----------------------------------------------------------- */

/* Started non-root: PROGRAM has the ids the runtime chose (OpenShift's gid
 * 0 among them), which minit could not change. */
static bool
runtime_ids(const struct minit_config *cfg)
{
	return !cfg->id.change && cfg->id.uid != 0;
}

static void
check_ids(struct audit *a)
{
	uid_t r, e, s;
	gid_t rg, eg, sg, groups[MINIT_MAX_GROUPS];
	struct jbuf j = { .n = 0 };
	int n;
	bool root_group = false;

	(void)getresuid(&r, &e, &s);
	(void)getresgid(&rg, &eg, &sg);
	jb_printf(&j, "%u", (unsigned)e);
	if (r != e || e != s)
		report(a, "identity.uid", FAIL, &j, "real %u, effective %u, saved %u differ",
		    (unsigned)r, (unsigned)e, (unsigned)s);
	else if (e == 0)
		report(a, "identity.uid", FAIL, &j, "uid 0: PROGRAM runs as root");
	else
		report(a, "identity.uid", PASS, &j, "uid %u (real, effective, saved): not root",
		    (unsigned)e);
	/* started non-root: --user named the image's wish, not the uid
	 * (report escapes it) */
	if (a->cfg->id.runtime_chose)
		report(a, "identity.runtime_user", INFO, &j,
		    "uid chosen by the runtime: %u (image asked for %s)",
		    (unsigned)e, a->cfg->user);

	j.n = 0;
	jb_printf(&j, "%u", (unsigned)eg);
	if (rg != eg || eg != sg)
		report(a, "identity.gid", FAIL, &j, "real %u, effective %u, saved %u differ",
		    (unsigned)rg, (unsigned)eg, (unsigned)sg);
	else if (eg == 0 && runtime_ids(a->cfg))
		report(a, "identity.gid", INFO, &j,
		    "gid 0 chosen by the runtime (started non-root): root's group, not root");
	else if (eg == 0)
		report(a, "identity.gid", FAIL, &j, "gid 0 (root's group)");
	else
		report(a, "identity.gid", PASS, &j, "gid %u: not root's group", (unsigned)eg);

	n = getgroups(MINIT_MAX_GROUPS, groups);
	j.n = 0;
	jb_printf(&j, "[");
	{
		char text[256] = "";
		size_t t = 0;

		for (int i = 0; i < n; i++) {
			jb_printf(&j, "%s%u", i == 0 ? "" : ", ", (unsigned)groups[i]);
			if (t < sizeof(text))
				t += (size_t)snprintf(text + t, sizeof(text) - t, "%s%u",
				    i == 0 ? "" : ",", (unsigned)groups[i]);
			root_group |= groups[i] == 0;
		}
		jb_printf(&j, "]");
		if (n < 0)
			report(a, "identity.groups", FAIL, NULL, "getgroups: %s",
			    strerror(errno));
		else if (root_group && runtime_ids(a->cfg))
			report(a, "identity.groups", INFO, &j,
			    "%s: includes group 0, chosen by the runtime",
			    text);
		else if (root_group)
			report(a, "identity.groups", FAIL, &j, "%s: includes group 0", text);
		else
			report(a, "identity.groups", PASS, &j, "%s", n == 0 ? "none" : text);
	}
}

static void
check_caps(struct audit *a)
{
	uint64_t sets[5] = { 0 }, keep = a->cfg->keep_caps;
	char id[32], text[1024];

	if (!self_caps(a, sets)) {
		report(a, "identity.caps", FAIL, NULL, "cannot read the capability sets");
		return;
	}
	for (int i = 0; i < 5; i++) {
		struct jbuf j = { .n = 0 };
		uint64_t extra = sets[i] & ~keep;

		snprintf(id, sizeof(id), "identity.cap.%s", set_ids[i]);
		cap_names(sets[i], text, sizeof(text), &j);
		if (extra != 0) {
			char more[1024];
			struct jbuf ignored = { .n = 0 };

			cap_names(extra, more, sizeof(more), &ignored);
			report(a, id, FAIL, &j, "%s: not asked for with --cap", more);
		} else {
			report(a, id, PASS, &j, "%s", text);
		}
	}
}

/* n whitespace-separated decimal numbers from s (a /proc line): 0, or -1
 * when one is missing or out of range. */
static int
scan_ulongs(const char *s, unsigned long *const *out, int n)
{
	for (int i = 0; i < n; i++) {
		char *end;

		while (*s == ' ' || *s == '\t')
			s++;
		if (*s < '0' || *s > '9')
			return -1;
		errno = 0;
		*out[i] = strtoul(s, &end, 10);
		if (errno != 0)
			return -1;
		s = end;
	}
	return 0;
}

/* PR_SET_MDWE (seccomp.c, strict_mdwe): kept across execve, so what we
 * see is what PROGRAM gets. */
static void
check_mdwe(struct audit *a)
{
	struct jbuf j = { .n = 0 };
	bool strict = a->cfg->seccomp_profile != NULL &&
	    strcmp(a->cfg->seccomp_profile, "strict") == 0;
	int mdwe = prctl(PR_GET_MDWE, 0, 0, 0, 0);

	if (mdwe == -1) {
		report(a, "identity.mdwe", INFO, NULL, "no PR_SET_MDWE");
		return;
	}
	jb_printf(&j, "%s", (mdwe & PR_MDWE_REFUSE_EXEC_GAIN) ? "true" : "false");
	if (mdwe & PR_MDWE_REFUSE_EXEC_GAIN)
		report(a, "identity.mdwe", PASS, &j, "refuse-exec-gain");
	else
		report(a, "identity.mdwe", strict ? FAIL : INFO, &j, "off%s", strict ?
		    "" : " (--seccomp strict sets it)");
}

static void
check_process(struct audit *a)
{
	struct jbuf j = { .n = 0 };
	long mode = -1, filters = -1;
	int nnp = prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0);
	int dumpable = prctl(PR_GET_DUMPABLE, 0, 0, 0, 0);
	int bits = prctl(PR_GET_SECUREBITS, 0, 0, 0, 0);
	char map[256];

	jb_printf(&j, "%s", nnp == 1 ? "true" : "false");
	report(a, "identity.no_new_privs", nnp == 1 ? PASS : FAIL, &j, "%s",
	    nnp == 1 ? "set: setuid and file-capability binaries gain nothing" :
	    "not set: a setuid binary in the image can raise privileges");

	if (!status_long(a->self_status, "Seccomp", &mode))
		mode = prctl(PR_GET_SECCOMP, 0, 0, 0, 0);
	(void)status_long(a->self_status, "Seccomp_filters", &filters);
	j.n = 0;
	jb_printf(&j, "{\"mode\": %ld, \"filters\": %ld}", mode, filters);
	if (mode == 2)
		report(a, "identity.seccomp", PASS, &j, "filter mode, %ld filter(s), profile '%s'",
		    filters, a->cfg->seccomp_profile != NULL ? a->cfg->seccomp_profile : "?");
	else
		report(a, "identity.seccomp", FAIL, &j, "mode %ld: no syscall filter", mode);

	check_mdwe(a);

	/* Reset by execve for PROGRAM, so for information only. */
	j.n = 0;
	jb_printf(&j, "%s", dumpable == 1 ? "true" : dumpable == 0 ? "false" : "null");
	report(a, "identity.dumpable", INFO, &j, "%d (here; execve resets it for PROGRAM)",
	    dumpable);
	j.n = 0;
	if (bits >= 0)
		jb_printf(&j, "%d", bits);
	report(a, "identity.securebits", INFO, &j, "0x%x", bits < 0 ? 0 : (unsigned)bits);

	/* amicontained's "user namespace": an identity uid_map means none. */
	j.n = 0;
	{
		char *m = read_text("/proc/self/uid_map");
		unsigned long in = 0, out = 0, len = 0;
		bool userns;

		if (m == NULL || scan_ulongs(m,
		    (unsigned long *[]){ &in, &out, &len }, 3) == -1) {
			free(m);
			report(a, "identity.userns", INFO, NULL, "unknown (/proc/self/uid_map)");
			return;
		}
		userns = !(in == 0 && out == 0 && len == 4294967295UL);
		snprintf(map, sizeof(map), "%lu %lu %lu", in, out, len);
		free(m);
		jb_printf(&j, "%s", userns ? "true" : "false");
		report(a, "identity.userns", INFO, &j, "%s (uid_map %s)",
		    userns ? "in a user namespace" : "initial user namespace", map);
	}
}

/* ---- filesystem --------------------------------------------------------- */

static bool
path_ro(const char *path)
{
	struct statvfs sv;

	return statvfs(path, &sv) == 0 && (sv.f_flag & ST_RDONLY) != 0;
}

/* / read-only by statvfs and by its mountinfo entry, and no other writable
 * mount of its filesystem (P45); without a mountinfo entry for / that
 * cannot be verified, which fails (P46), as a real start refuses it. */
static void
check_root(struct audit *a)
{
	struct jbuf j = { .n = 0 };
	const struct mountinfo_entry *root = NULL, *alias = NULL;
	struct mountinfo_entry *m = NULL;
	char *copy = a->mountinfo != NULL ? strdup(a->mountinfo) : NULL;
	const char *why = NULL, *refuse = a->cfg->allow_writable_root ?
	    ": --allow-writable-root" : ": a real start refuses (exit 125)";
	bool ro = path_ro("/"), rw;
	size_t n = 0;

	if (a->mountinfo == NULL)
		why = "/proc is not mounted";
	else if (copy == NULL || (m = mounts_parse(copy, &n)) == NULL)
		why = "/proc/self/mountinfo does not parse";
	else if ((root = mounts_root(m, n)) == NULL) {
		why = "/proc/self/mountinfo has no entry for /";
	} else if (ro && !mountinfo_writable(root))
		alias = mounts_writable_alias(m, n, root, "/", false);
	rw = !ro || (root != NULL && mountinfo_writable(root)) || alias != NULL;
	jb_printf(&j, "%s", !rw && root != NULL ? "true" : "false");
	if (!ro || (root != NULL && mountinfo_writable(root)))
		report(a, "fs.root_read_only", FAIL, &j, "/ is writable (%s)%s",
		    !ro ? "statvfs" : "mountinfo", refuse);
	else if (alias != NULL)
		report(a, "fs.root_read_only", FAIL, &j, "/ is read-only, but its "
		    "filesystem is writable at %s%s", alias->point, refuse);
	else if (root == NULL)
		report(a, "fs.root_read_only", FAIL, &j, "cannot verify that / is "
		    "read-only: %s%s", why, refuse);
	else
		report(a, "fs.root_read_only", PASS, &j,
		    "/ is read-only (statvfs and mountinfo)");
	free(m);
	free(copy);
}

/* Who PROGRAM writes as: this process, after the drop. */
static void
program_writer(const struct audit *a, struct mounts_who *who, gid_t *groups)
{
	uint64_t sets[5] = { 0 };
	int n;

	(void)self_caps(a, sets);
	n = getgroups(MINIT_MAX_GROUPS, groups);
	*who = (struct mounts_who){ .uid = geteuid(), .gid = getegid(),
	    .groups = groups, .ngroups = n > 0 ? (size_t)n : 0,
	    .dac_override = (sets[2] >> CAP_DAC_OVERRIDE) & 1 };
}

/* What check_mounts gathers: the JSON list, the text, and the mounts
 * that are writable by PROGRAM and allow exec. */
struct mount_list {
	struct jbuf	 j;
	char		 text[1024], bad[512];
	size_t		 t, b;
};

/* One writable mount into l. */
static void
list_mount(struct mount_list *l, const struct mountinfo_entry *e,
    const struct mounts_who *who)
{
	bool exec = (e->flags & MI_NOEXEC) == 0, mine;

	/* Only where it matters: walking /proc or a big noexec volume
	 * would cost time and tell nothing. */
	mine = exec && mounts_user_writable(e->point, who);
	jb_printf(&l->j, "%s{\"path\": ", l->j.s[l->j.n - 1] == '[' ? "" : ", ");
	jb_str(&l->j, e->point);
	jb_printf(&l->j, ", \"fstype\": ");
	jb_str(&l->j, e->fstype);
	jb_printf(&l->j, ", \"exec\": %s, \"nosuid\": %s, "
	    "\"user_writable\": %s}", exec ? "true" : "false",
	    e->flags & MI_NOSUID ? "true" : "false",
	    !exec ? "null" : mine ? "true" : "false");
	if (l->t < sizeof(l->text))
		l->t += (size_t)snprintf(l->text + l->t, sizeof(l->text) - l->t,
		    "%s%s (%s,%s%s)", l->t == 0 ? "" : " ", e->point, e->fstype,
		    exec ? "exec" : "noexec", mine ? ",user-writable" : "");
	if (exec && mine && l->b < sizeof(l->bad))
		l->b += (size_t)snprintf(l->bad + l->b, sizeof(l->bad) - l->b,
		    "%s%s", l->b == 0 ? "" : " ", e->point);
}

static void
check_mounts(struct audit *a)
{
	gid_t groups[MINIT_MAX_GROUPS];
	struct mounts_who who;
	struct mountinfo_entry e;
	struct mount_list l = { .j = { .n = 0 } };
	char *copy, *cur;
	int r, malformed = 0;

	if (a->mountinfo == NULL) {
		report(a, "fs.writable_mounts", FAIL, NULL,
		    "/proc is not mounted: cannot list the mounts");
		return;
	}
	program_writer(a, &who, groups);
	copy = strdup(a->mountinfo);
	if (copy == NULL) {
		report(a, "fs.writable_mounts", FAIL, NULL, "out of memory");
		return;
	}
	jb_printf(&l.j, "[");
	for (cur = copy; (r = mountinfo_next(&cur, &e)) != 0;) {
		if (r == -1)
			malformed++;
		else if (mountinfo_writable(&e) && !mounts_is_node(e.point))
			list_mount(&l, &e, &who);
	}
	jb_printf(&l.j, "]");
	free(copy);
	if (malformed != 0)
		report(a, "fs.writable_mounts", FAIL, &l.j,
		    "%d line(s) of /proc/self/mountinfo do not parse", malformed);
	else if (l.b != 0)
		report(a, "fs.writable_mounts", FAIL, &l.j,
		    "writable by uid %u and allow exec: %s (mount them noexec)",
		    (unsigned)who.uid, l.bad);
	else
		report(a, "fs.writable_mounts", PASS, &l.j, "%s",
		    l.t == 0 ? "none" : l.text);
}

static void
check_program(struct audit *a, const char *program)
{
	struct jbuf j = { .n = 0 };
	struct stat st;
	char dir[PATH_MAX];
	bool ro, x;

	if (program == NULL) {
		report(a, "fs.program_read_only", INFO, NULL, "no PROGRAM given");
		report(a, "fs.program_executable", INFO, NULL, "no PROGRAM given");
		return;
	}
	jb_str(&j, program);
	if (stat(program, &st) == -1) {
		report(a, "fs.program_read_only", FAIL, &j, "%s: %s", program,
		    strerror(errno));
		report(a, "fs.program_executable", FAIL, &j, "%s: %s", program,
		    strerror(errno));
		return;
	}
	mounts_path_dir(program, dir, sizeof(dir));
	ro = path_ro(program) && path_ro(dir);
	report(a, "fs.program_read_only", ro ? PASS : FAIL, &j, "%s %s", program,
	    ro ? "and its folder are on read-only mounts" :
	    "is on a writable mount: the app could replace itself");
	/* access() checks the real ids: after the drop, PROGRAM's own. */
	x = S_ISREG(st.st_mode) && access(program, X_OK) == 0;
	report(a, "fs.program_executable", x ? PASS : FAIL, &j, "%s %s", program,
	    x ? "is executable by this user" : "is not executable by this user");
}

/* ---- live probes -------------------------------------------------------- */

static int
probe_setuid(pid_t minit)
{
	(void)minit;
	return setuid(0);
}

static int
probe_userns(pid_t minit)
{
	(void)minit;
	return unshare(CLONE_NEWUSER);
}

/* A file system type that does not exist: an unprivileged caller gets
 * EPERM from may_mount() first; ENODEV means the kernel went past the
 * privilege check.  Nothing is ever mounted. */
static int
probe_mount(pid_t minit)
{
	(void)minit;
	if (mount("minit-audit", "/", "minit-audit-nofs", 0, NULL) == -1 &&
	    errno == ENODEV)
		return 0;
	return -1;
}

/* PTRACE_SEIZE does not stop PID 1; our exit detaches it. */
static int
probe_ptrace(pid_t minit)
{
	return (int)ptrace(PTRACE_SEIZE, minit, NULL, NULL);
}

/* Only reads minit's limit: the guard (seccomp_guard.c) refuses any
 * prlimit64 that names it, so a read tells as much as a write would. */
static int
probe_prlimit(pid_t minit)
{
	struct rlimit old;

	return prlimit(minit, RLIMIT_NOFILE, NULL, &old);
}

static int
probe_write_root(pid_t minit)
{
	char path[64];
	int fd;

	(void)minit;
	snprintf(path, sizeof(path), "/.minit-audit.%d", (int)getpid());
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
	    0600);
	if (fd == -1)
		return -1;
	(void)unlink(path);
	(void)close(fd);
	return 0;
}

static int
probe_raw_socket(pid_t minit)
{
	int fd = socket(AF_INET, SOCK_RAW | SOCK_CLOEXEC, IPPROTO_RAW);

	(void)minit;
	if (fd == -1)
		return -1;
	(void)close(fd);
	return 0;
}

/* The second ABI of this architecture (arch/), e.g. i386 on x86_64: a
 * filter written for native numbers must kill it (P11). */
static int
probe_compat_abi(pid_t minit)
{
	(void)minit;
	return arch_native.probe();
}

/* Run fn in a grandchild.  It says "ready" on a pipe just before the
 * forbidden call, so a SIGSYS before that (our own preparation denied by a
 * custom profile) is told apart from a SIGSYS of the probe itself. */
static void
probe(struct audit *a, const char *id, const char *what, int (*fn)(pid_t),
    pid_t target, int also_blocked_by)
{
	struct jbuf j = { .n = 0 };
	int p[2], ws, code;
	char ready = 0;
	pid_t pid;

	(void)fflush(stdout);
	if (pipe2(p, O_CLOEXEC) == -1 || (pid = fork()) == -1) {
		report(a, id, FAIL, NULL, "cannot run the probe: %s", strerror(errno));
		return;
	}
	if (pid == 0) {
		struct rlimit none = { 0, 0 };

		(void)close(p[0]);
		/* No core file from a SIGSYS, even where core_pattern pipes. */
		(void)setrlimit(RLIMIT_CORE, &none);
		(void)prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
		(void)!write(p[1], "r", 1);
		_exit(fn(target) == 0 ? 0 :
		    errno > 0 && errno < 255 ? errno : 255);
	}
	(void)close(p[1]);
	while (waitpid(pid, &ws, 0) == -1 && errno == EINTR)
		;
	(void)!read(p[0], &ready, 1);
	(void)close(p[0]);
	if (ready != 'r') {
		report(a, id, FAIL, NULL, "inconclusive: the probe died before %s", what);
		return;
	}
	if (WIFSIGNALED(ws)) {
		int sig = WTERMSIG(ws);

		bool blocked = sig == SIGSYS || sig == also_blocked_by;

		jb_printf(&j, "{\"blocked\": %s, \"errno\": null, \"signal\": %d}",
		    blocked ? "true" : "false", sig);
		report(a, id, blocked ? PASS : FAIL, &j, "%s: killed by signal %d%s",
		    what, sig, sig == SIGSYS ? " (seccomp)" : blocked ?
		    " (not available)" : "");
		return;
	}
	code = WEXITSTATUS(ws);
	if (code == 0) {
		jb_printf(&j, "{\"blocked\": false, \"errno\": null, \"signal\": null}");
		report(a, id, FAIL, &j, "%s: succeeded", what);
		return;
	}
	jb_printf(&j, "{\"blocked\": true, \"errno\": ");
	if (profile_errno_name((unsigned)code) != NULL)
		jb_str(&j, profile_errno_name((unsigned)code));
	else
		jb_printf(&j, "%d", code);
	jb_printf(&j, ", \"signal\": null}");
	report(a, id, PASS, &j, "%s: %s", what, strerror(code));
}

static void
check_probes(struct audit *a)
{
	char what[64];

	probe(a, "probe.setuid0", "setuid(0)", probe_setuid, a->minit, 0);
	probe(a, "probe.userns", "unshare(CLONE_NEWUSER)", probe_userns, a->minit, 0);
	probe(a, "probe.mount", "mount (of an unknown fs type)", probe_mount,
	    a->minit, 0);
	snprintf(what, sizeof(what), "ptrace of PID %d", (int)a->minit);
	probe(a, "probe.ptrace_pid1", what, probe_ptrace, a->minit, 0);
	/* the minit that runs us: PID 1, or the subreaper */
	snprintf(what, sizeof(what), "prlimit64 of minit (pid %d)", (int)getppid());
	probe(a, "probe.pid1_limits", what, probe_prlimit, getppid(), 0);
	probe(a, "probe.write_root", "creating a file in /", probe_write_root,
	    a->minit, 0);
	probe(a, "probe.raw_socket", "socket(AF_INET, SOCK_RAW)", probe_raw_socket,
	    a->minit, 0);
	if (arch_native.probe_id != NULL)
		probe(a, arch_native.probe_id, arch_native.probe_what,
		    probe_compat_abi, a->minit, arch_native.probe_signal);
}

/* ---- Landlock ----------------------------------------------------------- */

/* Opening /proc/self/comm for writing: allowed by the permissions once
 * the process is dumpable again (its /proc files are then its own), and
 * denied by a Landlock ruleset in force, since no rule lets PROGRAM write
 * beneath /proc.  Tried in a grandchild: 0 opened, 1 EACCES, 2 other. */
static int
landlock_try_write(void)
{
	int ws = 0, fd;
	pid_t pid = fork();

	if (pid == 0) {
		if (prctl(PR_SET_DUMPABLE, 1, 0, 0, 0) == -1)
			_exit(2);
		fd = open("/proc/self/comm", O_WRONLY | O_CLOEXEC);
		_exit(fd != -1 ? 0 : errno == EACCES ? 1 : 2);
	}
	while (pid > 0 && waitpid(pid, &ws, 0) == -1 && errno == EINTR)
		;
	return pid > 0 && WIFEXITED(ws) ? WEXITSTATUS(ws) : 2;
}

static void
check_landlock_ruleset(struct audit *a, bool no_landlock)
{
	struct jbuf j = { .n = 0 };
	const char *what = "opening /proc/self/comm (its own) for writing";
	int rc;

	if (no_landlock) {
		jb_printf(&j, "false");
		report(a, "landlock.ruleset", INFO, &j, "not in force: %s",
		    a->cfg->landlock == MINIT_LANDLOCK_OFF ? "not asked for "
		    "(--landlock)" : "--landlock=best-effort, and no Landlock here");
		return;
	}
	rc = landlock_try_write();
	jb_printf(&j, "%s", rc == 1 ? "true" : rc == 0 ? "false" : "null");
	if (a->cfg->landlock == MINIT_LANDLOCK_OFF)	/* the control, as info */
		report(a, "landlock.ruleset", INFO, &j, "not asked for (--landlock); "
		    "%s: %s", what, rc == 1 ? "denied (a ruleset from outside?)" :
		    rc == 0 ? "allowed" : "inconclusive");
	else if (rc == 1)
		report(a, "landlock.ruleset", PASS, &j, "in force: %s: %s", what,
		    strerror(EACCES));
	else
		report(a, "landlock.ruleset", FAIL, &j, "%s: %s", what, rc == 0 ?
		    "allowed: no ruleset in force" : "inconclusive (no /proc?)");
}

/* names as a JSON array into j, and comma-separated into text. */
static void
name_list(const char *const *names, size_t n, struct jbuf *j, char *text,
    size_t size)
{
	size_t t = 0;

	text[0] = '\0';
	jb_printf(j, "[");
	for (size_t i = 0; i < n; i++) {
		jb_printf(j, "%s", i == 0 ? "" : ", ");
		jb_str(j, names[i]);
		if (t < size)
			t += (size_t)snprintf(text + t, size - t, "%s%s",
			    i == 0 ? "" : ",", names[i]);
	}
	jb_printf(j, "]");
}

/* landlock_report in a grandchild: a profile file that kills the Landlock
 * calls (one recorded from an app that never makes them) kills only that
 * one.  The names in the report are static strings: the same addresses
 * here.  false when it died. */
static bool
landlock_query(const struct minit_config *cfg, struct landlock_report *r)
{
	int p[2], ws = 0;
	bool ok;
	pid_t pid;

	if (pipe2(p, O_CLOEXEC) == -1)
		return false;
	pid = fork();
	if (pid == 0) {
		(void)close(p[0]);
		landlock_report(cfg, r);
		_exit(write(p[1], r, sizeof(*r)) == (ssize_t)sizeof(*r) ? 0 :
		    1);
	}
	(void)close(p[1]);
	ok = pid > 0 && read(p[0], r, sizeof(*r)) == (ssize_t)sizeof(*r);
	(void)close(p[0]);
	while (pid > 0 && waitpid(pid, &ws, 0) == -1 && errno == EINTR)
		;
	return ok;
}

static void
check_landlock(struct audit *a)
{
	const struct minit_config *cfg = a->cfg;
	static const char *const modes[] = { "off", "strict", "best-effort" };
	const char *mode = modes[cfg->landlock];
	struct landlock_report r;
	struct jbuf j = { .n = 0 };
	char handled[512], missing[512], writable[1024];
	bool known = landlock_query(cfg, &r);

	if (!known) {
		memset(&r, 0, sizeof(r));
		report(a, "landlock.abi", INFO, NULL, "unknown: the query died (the "
		    "seccomp profile kills landlock_create_ruleset)");
	} else if (r.abi >= 0) {
		jb_printf(&j, "{\"abi\": %d, \"errata\": %d}", r.abi, r.errata);
		report(a, "landlock.abi", INFO, &j, "ABI %d (errata 0x%x)%s", r.abi,
		    r.errata < 0 ? 0 : (unsigned)r.errata, r.used_abi < r.abi ?
		    ": minit uses the rights of an older ABI" : "");
	} else {
		jb_printf(&j, "{\"abi\": null, \"errata\": null}");
		report(a, "landlock.abi", INFO, &j, "no Landlock here: %s",
		    strerror(r.err));
	}
	/* Unknown ABI: the ruleset is probed all the same. */
	check_landlock_ruleset(a, known && r.abi < 0);

	j.n = 0;
	jb_printf(&j, "{\"mode\": \"%s\", \"writable\": ", mode);
	name_list(cfg->writable, cfg->nwritable, &j, writable,
	    sizeof(writable));
	jb_printf(&j, ", \"handled\": ");
	name_list(r.handled, r.nhandled, &j, handled, sizeof(handled));
	jb_printf(&j, ", \"not_enforced\": ");
	name_list(r.missing, r.nmissing, &j, missing, sizeof(missing));
	for (int k = 0; k < 2; k++) {
		const uint16_t *ports = k == 0 ? cfg->bind_ports :
		    cfg->connect_ports;
		size_t n = k == 0 ? cfg->nbind : cfg->nconnect;

		jb_printf(&j, ", \"%s_tcp\": %s", k == 0 ? "bind" : "connect",
		    n == 0 ? "null" : "[");
		for (size_t i = 0; i < n; i++)
			jb_printf(&j, "%s%u", i == 0 ? "" : ", ", (unsigned)ports[i]);
		jb_printf(&j, "%s", n == 0 ? "" : "]");
	}
	jb_printf(&j, "}");
	if (cfg->landlock == MINIT_LANDLOCK_OFF)
		report(a, "landlock.policy", INFO, &j, "off");
	else
		report(a, "landlock.policy", INFO, &j, "%s: exec on read-only mounts "
		    "only; write %s%s/dev/null,/dev/zero,/dev/full,the terminal; "
		    "TCP bind %s, connect %s; not enforced here: %s", mode,
		    writable, writable[0] != '\0' ? "," : "",
		    cfg->nbind != 0 ? "--allow-bind only" : "any",
		    cfg->nconnect != 0 ? "--allow-connect only" : "any",
		    missing[0] != '\0' ? missing : "none");
}

/* ---- PID 1 -------------------------------------------------------------- */

/* PID 1's uid from its status text: not root.  Its effective uid, or 0. */
static unsigned long
pid1_uid(struct audit *a, const char *st, const char *path)
{
	char uids[128];
	struct jbuf j = { .n = 0 };
	unsigned long r = 0, e = 0, s = 0, f = 0;

	if (!status_field(st, "Uid", uids, sizeof(uids)) ||
	    scan_ulongs(uids, (unsigned long *[]){ &r, &e, &s, &f }, 4) == -1) {
		report(a, "pid1.uid", FAIL, NULL, "no Uid line in %s", path);
		return e;
	}
	jb_printf(&j, "%lu", e);
	if (r == 0 || e == 0 || s == 0 || f == 0)
		report(a, "pid1.uid", FAIL, &j,
		    "PID %d runs as uid %lu/%lu/%lu/%lu: root", (int)a->minit, r,
		    e, s, f);
	else
		report(a, "pid1.uid", PASS, &j, "PID %d runs as uid %lu: not root",
		    (int)a->minit, e);
	return e;
}

/* PID 1 holds no capability in any of its five sets. */
static void
pid1_caps(struct audit *a, const char *st)
{
	char text[1024] = "";
	struct jbuf j = { .n = 0 };
	uint64_t sets[5] = { 0 }, any = 0;
	bool ok = true;

	jb_printf(&j, "{");
	for (int i = 0; i < 5; i++) {
		char names[512];

		ok = status_hex(st, set_keys[i], &sets[i]) && ok;
		any |= sets[i];
		jb_printf(&j, "%s\"%s\": ", i == 0 ? "" : ", ", set_ids[i]);
		cap_names(sets[i], names, sizeof(names), &j);
		if (sets[i] != 0 && strlen(text) < sizeof(text) - 1)
			snprintf(text + strlen(text),
			    sizeof(text) - strlen(text), "%s%s=%s",
			    text[0] == '\0' ? "" : " ", set_ids[i], names);
	}
	jb_printf(&j, "}");
	report(a, "pid1.caps", any == 0 && ok ? PASS : FAIL, &j, "%s",
	    !ok ? "cannot read its capability sets" : any == 0 ?
	    "no capability in any set" : text);
}

/* PID 1 has no_new_privs and its own filter (seccomp mode 2). */
static void
pid1_nnp_seccomp(struct audit *a, const char *st)
{
	struct jbuf j = { .n = 0 };
	long nnp = -1, mode = -1;
	bool ok = status_long(st, "NoNewPrivs", &nnp);

	jb_printf(&j, "%s", nnp == 1 ? "true" : "false");
	report(a, "pid1.no_new_privs", nnp == 1 ? PASS : FAIL, &j, "%s",
	    nnp == 1 ? "set" : ok ? "not set" : "no NoNewPrivs line");

	j.n = 0;
	(void)status_long(st, "Seccomp", &mode);
	jb_printf(&j, "%ld", mode);
	report(a, "pid1.seccomp", mode == 2 ? PASS : FAIL, &j, "mode %ld%s", mode,
	    mode == 2 ? ": its own allow-list" : ": no syscall filter");
}

/* The files of /proc/PID (not the folder: task_dump_owner exempts 0555
 * directories) belong to root when the process is not dumpable: telling
 * only when PID 1 itself (uid e) is not root. */
static void
pid1_dumpable(struct audit *a, const char *path, unsigned long e)
{
	struct jbuf j = { .n = 0 };
	struct stat st;
	bool dumpable;

	if (stat(path, &st) == -1 || e == 0) {
		report(a, "pid1.dumpable", FAIL, NULL, "unknown%s",
		    e == 0 ? ": PID 1 runs as root" : "");
		return;
	}
	dumpable = st.st_uid == (uid_t)e;
	jb_printf(&j, "%s", dumpable ? "true" : "false");
	report(a, "pid1.dumpable", dumpable ? FAIL : PASS, &j, "%s", dumpable ?
	    "dumpable: PROGRAM may ptrace it and read its memory" :
	    "not dumpable: its /proc files belong to root");
}

static void
check_pid1(struct audit *a)
{
	static const char *const ids[] = { "pid1.uid", "pid1.caps",
	    "pid1.no_new_privs", "pid1.seccomp", "pid1.dumpable" };
	char path[64];
	unsigned long uid;
	char *st;

	snprintf(path, sizeof(path), "/proc/%d/status", (int)a->minit);
	st = read_text(path);
	if (st == NULL) {
		const char *why = a->self_status == NULL ?
		    "/proc is not mounted" : strerror(errno);

		for (size_t i = 0; i < sizeof(ids) / sizeof(ids[0]); i++)
			report(a, ids[i], FAIL, NULL, "cannot read %s: %s", path,
			    why);
		return;
	}
	uid = pid1_uid(a, st, path);
	pid1_caps(a, st);
	pid1_nnp_seccomp(a, st);
	pid1_dumpable(a, path, uid);
	free(st);
}

void
audit_child(const struct minit_config *cfg, const char *program)
{
	struct audit a = { .cfg = cfg, .minit = 1,
	    .out = { .json = cfg->audit_json, .first = true } };

	/* PID 1 of our PID namespace, even when minit is not it: run from a
	 * HEALTHCHECK or docker exec, the audit then inspects the minit that
	 * runs the app, which is what a platform team wants to gate on. */
	if (getppid() != 1)
		log_verbose(cfg, "audit: minit is not PID 1 here (parent %d): "
		    "inspecting PID 1", (int)getppid());

	a.self_status = read_text("/proc/self/status");
	a.mountinfo = mounts_read();
	audit_out_header(&a.out, program);
	check_ids(&a);
	check_caps(&a);
	check_process(&a);
	check_root(&a);
	check_mounts(&a);
	check_program(&a, program);
	check_probes(&a);
	check_landlock(&a);
	check_pid1(&a);
	audit_out_footer(&a.out);
	(void)fflush(stdout);
	free(a.self_status);
	free(a.mountinfo);
	_exit(a.out.failed == 0 ? 0 : 1);
}
