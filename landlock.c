/* landlock.c: --landlock (docs/landlock.md).  One ruleset, built and
 * enforced in the child after the identity drop (which set no_new_privs: an
 * unprivileged landlock_restrict_self needs it) and before the seccomp
 * filter.  PROGRAM and everything it starts then live under it:
 *
 *   read     everywhere (the usual permissions still decide);
 *   execute  beneath the read-only mounts, the image, and nowhere else;
 *   write    beneath --writable, and /dev/null, /dev/zero, /dev/full and
 *            the terminal;
 *   scopes   no abstract unix socket connect, no signal, to processes
 *            outside the ruleset's domain (ABI 6);
 *   TCP      bind and connect limited to --allow-bind / --allow-connect
 *            ports, only when some are given (ABI 4).
 *
 * The rights are those of the running kernel's ABI, as the kernel's Landlock
 * documentation (userspace-api/landlock.rst) shows: a right the kernel does
 * not know is left out of the ruleset.  Never silently: what that leaves
 * unenforced is said on stderr, and an --allow-bind/--allow-connect the
 * kernel cannot enforce is refused (or, best-effort, warned about).
 *
 * Landlock cannot stop a memfd from being executed: that route is closed by
 * the seccomp side (the --require-noexec memfd rule). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "landlock.h"
#include "log.h"
#include "mountinfo.h"
#include "mounts.h"

/* The kernel's interface (include/uapi/linux/landlock.h), spelled out:
 * the build's kernel headers (Debian 12, Linux 6.1) stop at ABI 2.  The
 * syscall numbers are the same on every architecture. */
#ifndef SYS_landlock_create_ruleset
#define SYS_landlock_create_ruleset	444
#define SYS_landlock_add_rule		445
#define SYS_landlock_restrict_self	446
#endif
#define CREATE_RULESET_VERSION	(1U << 0)
#define CREATE_RULESET_ERRATA	(1U << 1)
#define RULE_PATH_BENEATH	1
#define RULE_NET_PORT		2
#define KNOWN_ABI		7	/* the newest ABI minit knows the rights of */

#define FS_EXECUTE	(1ULL << 0)
#define FS_WRITE_FILE	(1ULL << 1)
#define FS_READ_FILE	(1ULL << 2)
#define FS_READ_DIR	(1ULL << 3)
#define FS_REMOVE_DIR	(1ULL << 4)
#define FS_REMOVE_FILE	(1ULL << 5)
#define FS_MAKE_CHAR	(1ULL << 6)
#define FS_MAKE_DIR	(1ULL << 7)
#define FS_MAKE_REG	(1ULL << 8)
#define FS_MAKE_SOCK	(1ULL << 9)
#define FS_MAKE_FIFO	(1ULL << 10)
#define FS_MAKE_BLOCK	(1ULL << 11)
#define FS_MAKE_SYM	(1ULL << 12)
#define FS_REFER	(1ULL << 13)	/* ABI 2 */
#define FS_TRUNCATE	(1ULL << 14)	/* ABI 3 */
#define FS_IOCTL_DEV	(1ULL << 15)	/* ABI 5 */
#define NET_BIND_TCP	(1ULL << 0)	/* ABI 4 */
#define NET_CONNECT_TCP	(1ULL << 1)	/* ABI 4 */
#define SCOPE_ABSTRACT_UNIX_SOCKET (1ULL << 0)	/* ABI 6 */
#define SCOPE_SIGNAL	(1ULL << 1)	/* ABI 6 */

/* The only rights a rule on a file (not a directory) may carry. */
#define FILE_RIGHTS							\
	(FS_EXECUTE | FS_WRITE_FILE | FS_READ_FILE | FS_TRUNCATE | FS_IOCTL_DEV)
#define READ_RIGHTS	(FS_READ_FILE | FS_READ_DIR)
/* Beneath --writable: everything but exec and making device nodes (which
 * needs CAP_MKNOD anyway); ioctl on the devices there (--writable /dev/pts
 * for an app that opens pseudo-terminals). */
#define WRITE_RIGHTS							\
	(READ_RIGHTS | FS_WRITE_FILE | FS_REMOVE_DIR | FS_REMOVE_FILE |	\
	    FS_MAKE_DIR | FS_MAKE_REG | FS_MAKE_SOCK | FS_MAKE_FIFO |	\
	    FS_MAKE_SYM | FS_REFER | FS_TRUNCATE | FS_IOCTL_DEV)
#define DEVICE_RIGHTS	(FS_READ_FILE | FS_WRITE_FILE | FS_TRUNCATE)
#define TTY_RIGHTS	(DEVICE_RIGHTS | FS_IOCTL_DEV)

#define MAX_RULES	4096	/* a tree this big around writable mounts: refuse */
#define WALK_DEPTH	32

struct ruleset_attr {
	uint64_t	 fs, net, scoped;
};
struct path_beneath_attr {
	uint64_t	 allowed;
	int32_t		 parent_fd;
} __attribute__((packed));
struct net_port_attr {
	uint64_t	 allowed, port;
};

enum kind { FS, NET, SCOPE };

/* Every right and scope minit asks for, with the ABI that brought it. */
static const struct right {
	int		 abi;
	enum kind	 kind;
	uint64_t	 bit;
	char		 name[28];	/* not a pointer: lib/profile.c, struct named */
} rights[] = {
	{ 1, FS, FS_EXECUTE, "execute" }, { 1, FS, FS_WRITE_FILE, "write_file" },
	{ 1, FS, FS_READ_FILE, "read_file" }, { 1, FS, FS_READ_DIR, "read_dir" },
	{ 1, FS, FS_REMOVE_DIR, "remove_dir" }, { 1, FS, FS_REMOVE_FILE, "remove_file" },
	{ 1, FS, FS_MAKE_CHAR, "make_char" }, { 1, FS, FS_MAKE_DIR, "make_dir" },
	{ 1, FS, FS_MAKE_REG, "make_reg" }, { 1, FS, FS_MAKE_SOCK, "make_sock" },
	{ 1, FS, FS_MAKE_FIFO, "make_fifo" }, { 1, FS, FS_MAKE_BLOCK, "make_block" },
	{ 1, FS, FS_MAKE_SYM, "make_sym" },
	{ 2, FS, FS_REFER, "refer" },
	{ 3, FS, FS_TRUNCATE, "truncate" },
	{ 4, NET, NET_BIND_TCP, "bind_tcp" },
	{ 4, NET, NET_CONNECT_TCP, "connect_tcp" },
	{ 5, FS, FS_IOCTL_DEV, "ioctl_dev" },
	{ 6, SCOPE, SCOPE_ABSTRACT_UNIX_SOCKET, "scope_abstract_unix_socket" },
	{ 6, SCOPE, SCOPE_SIGNAL, "scope_signal" },
};
#define NRIGHTS	(sizeof(rights) / sizeof(rights[0]))

/* The TCP rights are asked for only with ports to allow: without them,
 * PROGRAM's network is left to the runtime. */
static bool
wanted(const struct minit_config *cfg, const struct right *r)
{
	if (r->kind != NET)
		return true;
	return r->bit == NET_BIND_TCP ? cfg->nbind != 0 : cfg->nconnect != 0;
}

static int
abi_version(int *err)
{
	long abi = syscall(SYS_landlock_create_ruleset, NULL, 0,
	    CREATE_RULESET_VERSION);

	*err = abi < 0 ? errno : 0;
	return abi < 0 ? -1 : (int)abi;
}

static const char *
unavailable(int err)
{
	return err == ENOSYS ? "the kernel has no Landlock" :
	    err == EOPNOTSUPP ? "Landlock is disabled in this kernel (lsm=)" :
	    strerror(err);
}

void
landlock_report(const struct minit_config *cfg, struct landlock_report *r)
{
	memset(r, 0, sizeof(*r));
	r->abi = abi_version(&r->err);
	r->errata = -1;
	if (r->abi >= 0) {
		long e = syscall(SYS_landlock_create_ruleset, NULL, 0,
		    CREATE_RULESET_ERRATA);

		r->errata = e < 0 ? -1 : (int)e;
	}
	r->used_abi = r->abi < KNOWN_ABI ? r->abi : KNOWN_ABI;
	for (size_t i = 0; i < NRIGHTS; i++) {
		if (!wanted(cfg, &rights[i]))
			continue;
		if (rights[i].abi <= r->abi)
			r->handled[r->nhandled++] = rights[i].name;
		/* Below ABI 2 every cross-directory rename or link is denied:
		 * stricter, not a gap. */
		else if (rights[i].bit != FS_REFER || rights[i].kind != FS)
			r->missing[r->nmissing++] = rights[i].name;
	}
}

/* ---- the mounts: which are the image ------------------------------------ */

/* A mount through which PROGRAM could write a file and then run it is a
 * hole: writable, or read-only but of a file system that is writable
 * through another mount PROGRAM sees (a read-only bind of a volume).
 * Exec is granted beneath the image mounts only, and since a rule on a
 * directory covers every mount beneath it, never on a directory that has a
 * hole below it: there, each entry gets its own rule (exec_beneath). */
struct mnt {
	const char	*point;
	unsigned long	 major, minor;
	bool		 writable;
	bool		 visible;	/* not under a later mount */
	bool		 node;		/* a device, fifo or socket bound on its own */
	bool		 hole;
};

struct view {
	char		*text;		/* mountinfo; points point into it */
	struct mnt	*m;
	size_t		 n;
};

static int
view_load(struct view *v)
{
	struct mountinfo_entry e;
	size_t cap = 0;
	char *cur;
	int r;

	v->text = mounts_read();
	if (v->text == NULL) {
		if (errno == ENOENT)
			log_err("landlock: /proc is not mounted, so the read-only "
			    "mounts cannot be told from the writable ones: mount /proc");
		else
			log_sys("landlock: /proc/self/mountinfo");
		return -1;
	}
	for (cur = v->text; (r = mountinfo_next(&cur, &e)) != 0; ) {
		if (r == -1) {
			log_err("landlock: /proc/self/mountinfo: cannot parse it");
			return -1;
		}
		if (v->n == cap) {
			struct mnt *more = reallocarray(v->m, cap + 64,
			    sizeof(*more));

			if (more == NULL) {
				log_sys("landlock: mounts");
				return -1;
			}
			v->m = more;
			cap += 64;
		}
		v->m[v->n++] = (struct mnt){ .point = e.point, .major = e.major,
		    .minor = e.minor, .writable = mountinfo_writable(&e),
		    .visible = true, .node = mounts_is_node(e.point) };
	}
	for (size_t i = 0; i < v->n; i++)
		for (size_t j = i + 1; j < v->n && v->m[i].visible; j++)
			if (mountinfo_covers(v->m[j].point, v->m[i].point))
				v->m[i].visible = false;
	for (size_t i = 0; i < v->n; i++) {
		struct mnt *a = &v->m[i];

		a->hole = a->visible && !a->node && a->writable;
		for (size_t j = 0; j < v->n && a->visible && !a->node &&
		    !a->hole; j++) {
			const struct mnt *b = &v->m[j];

			a->hole = b->visible && b->writable && !b->node &&
			    b->major == a->major && b->minor == a->minor;
		}
	}
	return 0;
}

static const struct mnt *
view_at(const struct view *v, const char *path)
{
	for (size_t i = v->n; i-- > 0; )
		if (v->m[i].visible && strcmp(v->m[i].point, path) == 0)
			return &v->m[i];
	return NULL;
}

/* The mount path is on: the deepest visible mount point covering it. */
static const struct mnt *
view_of(const struct view *v, const char *path)
{
	const struct mnt *best = NULL;

	for (size_t i = 0; i < v->n; i++)
		if (v->m[i].visible && !v->m[i].node &&
		    mountinfo_covers(v->m[i].point, path) &&
		    (best == NULL ||
		    strlen(v->m[i].point) > strlen(best->point)))
			best = &v->m[i];
	return best;
}

static bool
hole_beneath(const struct view *v, const char *dir)
{
	for (size_t i = 0; i < v->n; i++)
		if (v->m[i].hole && strcmp(v->m[i].point, dir) != 0 &&
		    mountinfo_covers(dir, v->m[i].point))
			return true;
	return false;
}

/* ---- the ruleset -------------------------------------------------------- */

struct ruleset {
	const struct minit_config *cfg;
	int		 fd;
	struct ruleset_attr handled;
	unsigned	 rules;
};

/* A rule on the file or directory open at fd; rights the kernel does not
 * handle are left out, as are directory rights on a file. */
static int
rule_fd(struct ruleset *rs, int fd, uint64_t allowed, const char *label)
{
	struct path_beneath_attr pb = { .allowed = allowed & rs->handled.fs,
	    .parent_fd = fd };
	struct stat st;

	if (fstat(fd, &st) == -1) {
		log_sys("landlock: %s", label);
		return -1;
	}
	if (!S_ISDIR(st.st_mode))
		pb.allowed &= FILE_RIGHTS;
	if (pb.allowed == 0)
		return 0;
	if (rs->rules == MAX_RULES) {
		log_err("landlock: more than %d rules (many entries next to "
		    "writable mounts): refusing", MAX_RULES);
		return -1;
	}
	if (syscall(SYS_landlock_add_rule, rs->fd, RULE_PATH_BENEATH, &pb,
	    0) == -1) {
		log_sys("landlock: a rule for %s", label);
		return -1;
	}
	rs->rules++;
	return 0;
}

/* A rule on path.  optional: a path that cannot be opened is left out. */
static int
rule_path(struct ruleset *rs, const char *path, uint64_t allowed, bool optional)
{
	int fd = open(path, O_PATH | O_CLOEXEC), rc;

	if (fd == -1) {
		if (optional) {
			log_verbose(rs->cfg, "landlock: %s: %s: no rule for it",
			    path, strerror(errno));
			return 0;
		}
		log_sys("landlock: %s", path);
		return -1;
	}
	rc = rule_fd(rs, fd, allowed, path);
	(void)close(fd);
	return rc;
}

/* Exec beneath dir, but not into the holes below it (see struct mnt). */
static int
exec_beneath(struct ruleset *rs, const struct view *v, const char *dir,	/* NOLINT(misc-no-recursion): WALK_DEPTH levels */
    int depth)
{
	struct dirent *de;
	DIR *d;
	int rc = 0;

	if (!hole_beneath(v, dir))
		return rule_path(rs, dir, FS_EXECUTE, true);
	/* Left out, the entries are simply not executable: fail closed. */
	if (depth == WALK_DEPTH || (d = opendir(dir)) == NULL) {
		log_verbose(rs->cfg, "landlock: %s not walked: nothing beneath it "
		    "is executable", dir);
		return 0;
	}
	while (rc == 0 && (de = readdir(d)) != NULL) {
		char path[PATH_MAX];
		struct stat st;

		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		if ((size_t)snprintf(path, sizeof(path), "%s/%s",
		    strcmp(dir, "/") == 0 ? "" : dir, de->d_name) >= sizeof(path))
			continue;
		/* A mount point: a hole, or an image mount with its own
		 * rules. */
		if (view_at(v, path) != NULL || lstat(path, &st) == -1)
			continue;
		if (S_ISDIR(st.st_mode))
			rc = exec_beneath(rs, v, path, depth + 1);
		else if (S_ISREG(st.st_mode))
			rc = rule_path(rs, path, FS_EXECUTE, true);
	}
	(void)closedir(d);
	return rc;
}

/* Each --writable must exist, be a directory or a regular file, and sit on
 * a writable mount: a typo must not become a silent "nothing writable". */
static int
rules_writable(struct ruleset *rs, bool add)
{
	const struct minit_config *cfg = rs->cfg;

	for (size_t i = 0; i < cfg->nwritable; i++) {
		const char *w = cfg->writable[i];
		int fd = open(w, O_PATH | O_CLOEXEC), rc = 0;
		struct statvfs sv;
		struct stat st;

		if (fd == -1 || fstat(fd, &st) == -1 ||
		    fstatvfs(fd, &sv) == -1) {
			log_sys("landlock: --writable %s", w);
			rc = -1;
		} else if (!S_ISDIR(st.st_mode) && !S_ISREG(st.st_mode)) {
			log_err("landlock: --writable %s: not a directory or a "
			    "regular file", w);
			rc = -1;
		} else if (sv.f_flag & ST_RDONLY) {
			log_err("landlock: --writable %s: on a read-only mount", w);
			rc = -1;
		} else if (add) {
			rc = rule_fd(rs, fd, WRITE_RIGHTS, w);
		}
		if (fd != -1)
			(void)close(fd);
		if (rc == -1)
			return -1;
	}
	return 0;
}

/* PROGRAM must be executable under the ruleset. */
static int
program_check(const struct view *v, const char *program)
{
	char real[PATH_MAX];
	const struct mnt *m;

	if (program == NULL || realpath(program, real) == NULL)
		return 0;	/* the exec reports it */
	m = view_of(v, real);
	if (m != NULL && !m->hole)
		return 0;
	log_err("landlock: PROGRAM %s is not on a read-only mount of the image "
	    "(or its file system is writable elsewhere): it could not be executed",
	    real);
	return -1;
}

static int
rules_devices(struct ruleset *rs)
{
	static const char *const devices[] = { "/dev/null", "/dev/zero", "/dev/full" };

	for (size_t i = 0; i < sizeof(devices) / sizeof(devices[0]); i++)
		if (rule_path(rs, devices[i], DEVICE_RIGHTS, true) == -1)
			return -1;
	/* The terminal: /dev/tty, and the one on 0-2, so that it can be
	 * opened again (a shell's /dev/stdout, a pager). */
	if (rule_path(rs, "/dev/tty", TTY_RIGHTS, true) == -1)
		return -1;
	for (int fd = 0; fd <= 2; fd++)
		if (isatty(fd) && rule_fd(rs, fd, TTY_RIGHTS, "the terminal") == -1)
			return -1;
	return 0;
}

static int
rules_ports(struct ruleset *rs)
{
	const struct minit_config *cfg = rs->cfg;
	struct net_port_attr p;

	for (size_t i = 0; i < cfg->nbind + cfg->nconnect; i++) {
		bool bind = i < cfg->nbind;

		p.allowed = (bind ? NET_BIND_TCP : NET_CONNECT_TCP) &
		    rs->handled.net;
		p.port = bind ? cfg->bind_ports[i] :
		    cfg->connect_ports[i - cfg->nbind];
		if (p.allowed != 0 && syscall(SYS_landlock_add_rule, rs->fd,
		    RULE_NET_PORT, &p, 0) == -1) {
			log_sys("landlock: a rule for TCP port %u", (unsigned)p.port);
			return -1;
		}
	}
	return 0;
}

/* What this kernel handles of what cfg asks for, and in gaps what it does
 * not; -1 when an explicit --allow-bind/--allow-connect cannot be enforced
 * (strict mode). */
static int
handled_rights(const struct minit_config *cfg, int abi, struct ruleset_attr *h,
    char *gaps, size_t size)
{
	struct landlock_report r;
	size_t n = 0;

	*h = (struct ruleset_attr){ 0 };
	for (size_t i = 0; i < NRIGHTS; i++) {
		const struct right *rt = &rights[i];

		if (wanted(cfg, rt) && rt->abi <= abi)
			*(rt->kind == FS ? &h->fs : rt->kind == NET ? &h->net :
			    &h->scoped) |= rt->bit;
	}
	landlock_report(cfg, &r);
	gaps[0] = '\0';
	for (size_t i = 0; i < r.nmissing && n < size; i++)
		n += (size_t)snprintf(gaps + n, size - n, "%s%s", i == 0 ? "" : ",",
		    r.missing[i]);
	if ((cfg->nbind + cfg->nconnect) != 0 && abi < 4 &&
	    cfg->landlock == MINIT_LANDLOCK_STRICT) {
		log_err("landlock: --allow-bind and --allow-connect need Landlock "
		    "ABI 4 (Linux 6.7), this kernel has ABI %d", abi);
		return -1;
	}
	return 0;
}

/* Every rule of the policy (the table at the top of this file). */
static int
rules_all(struct ruleset *rs, const struct view *v)
{
	if (rule_path(rs, "/", READ_RIGHTS, false) == -1 ||
	    rules_writable(rs, true) == -1 || rules_devices(rs) == -1 ||
	    rules_ports(rs) == -1)
		return -1;
	for (size_t i = 0; i < v->n; i++)
		if (v->m[i].visible && !v->m[i].node && !v->m[i].hole &&
		    exec_beneath(rs, v, v->m[i].point, 0) == -1)
			return -1;
	return 0;
}

int
landlock_apply(const struct minit_config *cfg, const char *program)
{
	struct ruleset rs = { .cfg = cfg, .fd = -1 };
	struct view v = { .text = NULL };
	struct timespec t0, t1;
	char gaps[512];
	int err, abi, ret = -1;

	if (cfg->landlock == MINIT_LANDLOCK_OFF)
		return 0;
	(void)clock_gettime(CLOCK_MONOTONIC, &t0);
	if (rules_writable(&rs, false) == -1)	/* bad input first, always */
		return -1;
	abi = abi_version(&err);
	if (abi < 0 && cfg->landlock == MINIT_LANDLOCK_BEST_EFFORT) {
		log_err("landlock: warning: %s: --landlock=best-effort: PROGRAM "
		    "runs without a Landlock ruleset", unavailable(err));
		return 0;
	}
	if (abi < 0) {
		log_err("landlock: %s: refusing to run PROGRAM without its ruleset "
		    "(--landlock=best-effort runs it anyway)", unavailable(err));
		return -1;
	}
	if (handled_rights(cfg, abi, &rs.handled, gaps, sizeof(gaps)) == -1 ||
	    view_load(&v) == -1 ||
	    program_check(&v, program) == -1)
		goto out;
	rs.fd = (int)syscall(SYS_landlock_create_ruleset, &rs.handled,
	    sizeof(rs.handled), 0);
	if (rs.fd == -1) {
		log_sys("landlock: landlock_create_ruleset");
		goto out;
	}
	if (rules_all(&rs, &v) == -1)
		goto out;
	if (syscall(SYS_landlock_restrict_self, rs.fd, 0) == -1) {
		log_sys("landlock: landlock_restrict_self");
		goto out;
	}
	(void)clock_gettime(CLOCK_MONOTONIC, &t1);
	/* Never silently weaker; said once it is in force, so that a refusal
	 * stays one line. */
	if (gaps[0] != '\0')
		log_err("landlock: warning: the kernel's Landlock ABI %d does not "
		    "enforce: %s (docs/landlock.md)", abi, gaps);
	log_verbose(cfg, "landlock: ABI %d, %u rules, built and enforced in %ld us",
	    abi, rs.rules, (long)((t1.tv_sec - t0.tv_sec) * 1000000 +
	    (t1.tv_nsec - t0.tv_nsec) / 1000));
	ret = 0;
out:
	if (rs.fd != -1)
		(void)close(rs.fd);
	free(v.m);
	free(v.text);
	return ret;
}
