/* privdrop.c: who PROGRAM runs as, what it keeps, and what PID 1 keeps
 * (nothing).  libcap-ng does the capability work; every result is then read
 * back from the kernel, because libcap-ng has silent no-ops (P07, P40): a
 * failed feature probe turns bounding-set and ambient calls into successes
 * that change nothing.
 *
 * Order (SECURITY.md §2 step 11): securebits and the bounding set while
 * CAP_SETPCAP is still held, then groups, gid, uid with keepcaps, then the
 * final capability sets and ambient, then no_new_privs, then verification.
 * capng_change_id is not used: it can only clear supplementary groups or
 * take them from NSS (which static musl lacks), and it clears the bounding
 * set entirely where --cap wants it to be exactly the kept set. */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cap-ng.h>
#include <linux/capability.h>
#include <linux/securebits.h>

#include "envfile.h"
#include "passwd.h"
#include "privdrop.h"
#include "readfile.h"

#define ACCOUNT_FILE_MAX	(1024 * 1024)	/* /etc/passwd, /etc/group */

/* What one process is switched to: PROGRAM in the child, PID 1 after it. */
struct drop {
	const char	*who;		/* for messages */
	bool		 change;	/* setgroups + setresgid + setresuid */
	uid_t		 uid;
	gid_t		 gid;
	const gid_t	*groups;
	size_t		 ngroups;
	uint64_t	 keep;		/* P, E, I, ambient and bounding */
	bool		 setpcap;	/* can drop the bounding set, securebits */
	int		 last_cap;
};

/* --- before the fork ------------------------------------------------------ */

/* The highest capability the running kernel knows, asked of the kernel
 * itself (PR_CAPBSET_READ says EINVAL past it), so /proc is not needed.
 * Asked once, before the fork: the child and PID 1 inherit the answer
 * (it was 41 prctl calls per ask, and each stage asked again). */
static int
cap_last(void)
{
	static int last = -1;

	if (last >= 0)
		return last;
	last = 0;
	while (last < 63 && prctl(PR_CAPBSET_READ, last + 1, 0, 0, 0) >= 0)
		last++;
	return last;
}

/* The permitted and inheritable sets with one capget, instead of
 * capng_get_caps_process, which also re-reads /proc/PID/status twice
 * (bounding and ambient sets) through stdio at every call. */
static int
caps_get(uint64_t *permitted, uint64_t *inheritable)
{
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct c[2] = { { 0 } };	/* valgrind marks only c[0] written */

	if (syscall(SYS_capget, &h, c) == -1)
		return -1;
	*permitted = c[0].permitted | (uint64_t)c[1].permitted << 32;
	*inheritable = c[0].inheritable | (uint64_t)c[1].inheritable << 32;
	return 0;
}

static bool
has_cap(uint64_t set, int cap)
{
	return (set >> cap & 1) != 0;
}

static const char *
cap_name(int cap)
{
	const char *n = capng_capability_to_name((unsigned)cap);

	return n != NULL ? n : "?";
}

/* P41: a setuid, setgid or file-capability minit would let whoever runs
 * it pick PROGRAM, user and capabilities. */
static int
refuse_setid(void)
{
	uid_t ru, eu, su;
	gid_t rg, eg, sg;

	if (getresuid(&ru, &eu, &su) == -1 || getresgid(&rg, &eg, &sg) == -1) {
		log_sys("privdrop: getresuid");
		return -1;
	}
	if (getauxval(AT_SECURE) != 0 || ru != eu || ru != su || rg != eg ||
	    rg != sg) {
		log_err("privdrop: minit is installed setuid, setgid or with file capabilities: refused (remove the mode bits or capabilities from the binary)");
		return -1;
	}
	return 0;
}

/* The whole of a small account file.  A missing file is an empty one
 * (FROM scratch). */
static char *
read_account_file(const char *path, size_t *len)
{
	char what[64], *buf;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);

	if (fd == -1 && errno == ENOENT) {
		*len = 0;
		buf = calloc(1, 1);
		if (buf == NULL)
			log_sys("privdrop: %s", path);
		return buf;
	}
	if (fd == -1) {
		log_sys("privdrop: %s", path);
		return NULL;
	}
	snprintf(what, sizeof(what), "privdrop: %s", path);
	buf = read_regular(fd, what, ACCOUNT_FILE_MAX, len);
	(void)close(fd);
	return buf;
}

struct accounts {
	char	*passwd, *group;
	size_t	 plen, glen;
};

static void
pw_error(const char *file, const char *spec, const char *what,
    enum pw_result r, size_t line)
{
	switch (r) {
	case PW_MALFORMED:
		log_err("privdrop: %s: line %zu: malformed entry: refusing the file",
		    file, line);
		break;
	case PW_DUPLICATE:
		log_err("privdrop: --user %s: %s matches two entries of %s",
		    spec, what, file);
		break;
	case PW_TOOMANY:
		log_err("privdrop: --user %s: more than %d groups", spec,
		    MINIT_MAX_GROUPS);
		break;
	case PW_NOTFOUND:
		log_err("privdrop: --user %s: unknown %s (not in %s)", spec,
		    what, file);
		break;
	case PW_OK:
		break;
	}
}

static int
all_digits(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s != '\0'; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

/* GROUP of USER:GROUP: a gid, or a name from /etc/group. */
static int
resolve_group(const struct accounts *a, const char *spec, const char *grp,
    uint32_t *gid)
{
	enum pw_result r;
	size_t line;

	if (all_digits(grp)) {
		if (id_parse(grp, strlen(grp), gid) == 0)
			return 0;
		log_err("privdrop: --user %s: gid out of range (0-%llu)", spec,
		    ID_MAX);
		return -1;
	}
	r = group_find(a->group, a->glen, grp, gid, &line);
	pw_error("/etc/group", spec, "group", r, line);
	return r == PW_OK ? 0 : -1;
}

/* The passwd parser bounds name and home to these sizes, so a copy is
 * never truncated. */
_Static_assert(sizeof(((struct pw_entry *)0)->name) <=
    sizeof(((struct minit_identity *)0)->name), "USER fits");
_Static_assert(sizeof(((struct pw_entry *)0)->home) <=
    sizeof(((struct minit_identity *)0)->home), "HOME fits");

/* USER, LOGNAME and HOME for PROGRAM: from the passwd entry; none and "/"
 * without one. */
static void
set_name_home(struct minit_identity *id, const struct pw_entry *pw)
{
	const char *name = pw != NULL ? pw->name : "";
	const char *home = pw != NULL && pw->home[0] != '\0' ? pw->home : "/";
	size_t n = strnlen(name, sizeof(id->name) - 1);
	size_t h = strnlen(home, sizeof(id->home) - 1);

	memcpy(id->name, name, n);
	id->name[n] = '\0';
	memcpy(id->home, home, h);
	id->home[h] = '\0';
}

/* USER[:GROUP] into id (P03, P04, P05). */
static int
resolve_spec(const struct accounts *a, const char *spec,
    struct minit_identity *id)
{
	char user[PW_NAME_MAX];
	const char *colon = strchr(spec, ':'), *grp = NULL;
	size_t ulen = colon != NULL ? (size_t)(colon - spec) : strlen(spec);
	struct pw_entry pw;
	enum pw_result r;
	/* (uid_t)-1 is no valid id (ID_MAX): never used as a silent default */
	uint32_t uid = UINT32_MAX, gid = UINT32_MAX, gids[MINIT_MAX_GROUPS];
	size_t line, n;

	if (colon != NULL) {
		grp = colon + 1;
		if (*grp == '\0' || strchr(grp, ':') != NULL) {
			log_err("privdrop: --user %s: want USER or USER:GROUP", spec);
			return -1;
		}
	}
	if (ulen == 0 || ulen >= sizeof(user)) {
		log_err("privdrop: --user %s: want USER or USER:GROUP", spec);
		return -1;
	}
	memcpy(user, spec, ulen);
	user[ulen] = '\0';

	if (all_digits(user)) {
		if (id_parse(user, ulen, &uid) == -1) {
			log_err("privdrop: --user %s: uid out of range (0-%llu)",
			    spec, ID_MAX);
			return -1;
		}
		r = passwd_find(a->passwd, a->plen, NULL, uid, &pw, &line);
	} else {
		r = passwd_find(a->passwd, a->plen, user, 0, &pw, &line);
	}
	if (r != PW_OK && r != PW_NOTFOUND) {
		pw_error("/etc/passwd", spec, "user", r, line);
		return -1;
	}
	if (r == PW_NOTFOUND && !all_digits(user)) {
		pw_error("/etc/passwd", spec, "user", r, line);
		return -1;
	}
	if (r == PW_OK)
		uid = pw.uid;
	set_name_home(id, r == PW_OK ? &pw : NULL);

	if (grp != NULL) {
		/* exactly that gid; it is also the whole group list */
		if (resolve_group(a, spec, grp, &gid) == -1)
			return -1;
		gids[0] = gid;
		n = 1;
	} else if (r == PW_OK) {
		/* initgroups semantics: primary gid plus every listing */
		gid = pw.gid;
		r = group_list(a->group, a->glen, pw.name, gid, gids,
		    MINIT_MAX_GROUPS, &n, &line);
		if (r != PW_OK) {
			pw_error("/etc/group", spec, "group", r, line);
			return -1;
		}
	} else {
		/* numeric uid without an entry: gid = uid, never 0 by default */
		gid = uid;
		gids[0] = gid;
		n = 1;
	}
	if (uid > ID_MAX || gid > ID_MAX)
		return -1;	/* not reached: every path above sets both */
	id->uid = uid;
	id->gid = gid;
	for (size_t i = 0; i < n; i++)
		id->groups[i] = gids[i];
	id->ngroups = n;
	return 0;
}

/* Who minit already is, for "no --user" and for a non-root start. */
static int
current_identity(const struct accounts *a, struct minit_identity *id)
{
	struct pw_entry pw;
	size_t line;
	int n;

	id->uid = getuid();
	id->gid = getgid();
	n = getgroups(MINIT_MAX_GROUPS, id->groups);
	if (n == -1) {
		log_sys("privdrop: getgroups");
		return -1;
	}
	id->ngroups = (size_t)n;
	/* name and home are only for HOME/USER/LOGNAME: best effort */
	set_name_home(id, passwd_find(a->passwd, a->plen, NULL, id->uid, &pw,
	    &line) == PW_OK ? &pw : NULL);
	return 0;
}

/* Started as non-root (docker run --user, Kubernetes runAsUser, OpenShift's
 * arbitrary uid with gid 0): minit cannot change ids, and the runtime already chose a user that is not root, so
 * PROGRAM runs as that uid, gid and groups whatever --user names (P37).
 * --exact-user is for images that need the named uid (file ownership):
 * then --user must name the user minit already is.  HOME, USER and LOGNAME
 * come from the passwd entry of the uid PROGRAM really gets, if any. */
static int
resolve_nonroot(struct minit_config *cfg, const struct accounts *a)
{
	struct minit_identity want;

	if (current_identity(a, &cfg->id) == -1)
		return -1;
	if (cfg->user == NULL)
		return 0;
	if (!cfg->exact_user) {
		cfg->id.runtime_chose = true;
		log_verbose(cfg, "privdrop: started as uid %u gid %u: the runtime chose the user, --user is not applied (--exact-user refuses instead)",
		    (unsigned)cfg->id.uid, (unsigned)cfg->id.gid);
		return 0;
	}
	if (resolve_spec(a, cfg->user, &want) == -1)
		return -1;
	if (want.uid != cfg->id.uid) {
		log_err("privdrop: --exact-user: --user %s is uid %u, but minit was started as uid %u and cannot switch users",
		    cfg->user, (unsigned)want.uid, (unsigned)cfg->id.uid);
		return -1;
	}
	if (strchr(cfg->user, ':') != NULL && want.gid != cfg->id.gid) {
		log_err("privdrop: --exact-user: --user %s is gid %u, but minit was started as gid %u and cannot switch groups",
		    cfg->user, (unsigned)want.gid, (unsigned)cfg->id.gid);
		return -1;
	}
	return 0;
}

/* What minit holds decides what it can do; refuse here, with a reason,
 * rather than fail half-way in the child (P07, P37, P40, T12, T13, T16). */
static int
check_capacity(const struct minit_config *cfg, uint64_t perm)
{
	int last = cap_last();
	uint64_t bnd = 0;

	for (int c = 0; c < 64; c++) {
		if ((cfg->keep_caps >> c & 1) == 0)
			continue;
		if (c > last) {
			log_err("privdrop: --cap %s: unknown to this kernel (cap_last_cap is %d)",
			    cap_name(c), last);
			return -1;
		}
		if (!has_cap(perm, c) && getuid() != 0) {
			log_err("privdrop: --cap %s: minit was started as uid %u without it in its permitted set: grant it to the container (docker run --cap-add, Kubernetes capabilities.add)",
			    cap_name(c), (unsigned)getuid());
			return -1;
		}
		if (!has_cap(perm, c)) {
			log_err("privdrop: --cap %s: minit does not hold it, so PROGRAM cannot keep it",
			    cap_name(c));
			return -1;
		}
	}
	if (cfg->id.change && (!has_cap(perm, CAP_SETUID) ||
	    !has_cap(perm, CAP_SETGID))) {
		log_err("privdrop: cannot switch to uid %u gid %u: minit lacks CAP_SETUID or CAP_SETGID",
		    (unsigned)cfg->id.uid, (unsigned)cfg->id.gid);
		return -1;
	}
	if (has_cap(perm, CAP_SETPCAP))
		return 0;
	for (int c = 0; c <= last; c++)
		if (prctl(PR_CAPBSET_READ, c, 0, 0, 0) == 1)
			bnd |= UINT64_C(1) << c;
	if (cfg->id.uid == 0) {
		log_err("privdrop: without CAP_SETPCAP the bounding set and securebits cannot be set, and PROGRAM runs as root: refused");
		return -1;
	}
	if ((bnd & ~cfg->keep_caps) == 0)
		return 0;
	/* As root it is a runtime that took CAP_SETPCAP, and that is said
	 * (T16).  Started non-root it is the normal case (nobody may shrink
	 * the set, and no_new_privs makes it unusable): only under -v. */
	if (getuid() == 0 || cfg->verbose > 0)
		log_err("privdrop: no CAP_SETPCAP: bounding set left as it is (%#llx); PROGRAM and PID 1 get no capability: no_new_privs is set and verified",
		    (unsigned long long)bnd);
	return 0;
}

int
privdrop_resolve(struct minit_config *cfg)
{
	struct accounts a = { 0 };
	uint64_t perm, inh;
	int rc = -1;

	if (refuse_setid() == -1)
		return -1;
	if (caps_get(&perm, &inh) != 0) {
		log_err("privdrop: cannot read minit's own capabilities");
		return -1;
	}
	a.passwd = read_account_file("/etc/passwd", &a.plen);
	a.group = read_account_file("/etc/group", &a.glen);
	if (a.passwd == NULL || a.group == NULL)
		goto out;
	cfg->id.change = false;
	cfg->id.runtime_chose = false;
	if (getuid() != 0) {
		if (resolve_nonroot(cfg, &a) == -1)
			goto out;
	} else if (cfg->user != NULL) {
		if (resolve_spec(&a, cfg->user, &cfg->id) == -1)
			goto out;
		cfg->id.change = true;
	} else if (current_identity(&a, &cfg->id) == -1) {
		goto out;
	}
	if (cfg->id.uid == 0 && !cfg->allow_root) {
		log_err("privdrop: PROGRAM would run as root (uid 0): add --user USER, or --allow-root to allow it");
		goto out;
	}
	if (check_capacity(cfg, perm) == -1)
		goto out;
	log_verbose(cfg, "privdrop: PROGRAM runs as uid %u gid %u with %zu groups%s",
	    (unsigned)cfg->id.uid, (unsigned)cfg->id.gid, cfg->id.ngroups,
	    cfg->id.change ? "" : " (unchanged)");
	rc = 0;
out:
	free(a.passwd);
	free(a.group);
	return rc;
}

/* --- the drop, in the child and in PID 1 ---------------------------------- */

/* Make effective what is permitted, so setgroups, setres*id and the
 * bounding-set drop work even if a runtime left E smaller than P.  The
 * sets come from one capget; libcap-ng applies them (one capset). */
static int
raise_effective(const struct drop *d)
{
	uint64_t perm, inh;

	if (caps_get(&perm, &inh) != 0)
		return -1;
	capng_clear(CAPNG_SELECT_CAPS);
	for (int c = 0; c <= d->last_cap; c++) {
		if (has_cap(perm, c))
			(void)capng_update(CAPNG_ADD, CAPNG_EFFECTIVE |
			    CAPNG_PERMITTED, (unsigned)c);
		if (has_cap(inh, c))
			(void)capng_update(CAPNG_ADD, CAPNG_INHERITABLE,
			    (unsigned)c);
	}
	return capng_apply(CAPNG_SELECT_CAPS) == 0 ? 0 : -1;
}

/* Securebits while CAP_SETPCAP is held (P09): uid 0 gets nothing special
 * at exec, and with nothing kept no ambient capability can be raised
 * later.  Not NO_SETUID_FIXUP (capng_lock sets it): the final sets are
 * applied explicitly below anyway, and it would keep caps across setuid. */
static int
set_securebits(const struct drop *d)
{
	int bits = prctl(PR_GET_SECUREBITS, 0, 0, 0, 0);

	if (bits == -1)
		return -1;
	bits |= SECBIT_NOROOT | SECBIT_NOROOT_LOCKED;
	if (d->keep == 0)
		bits |= SECBIT_NO_CAP_AMBIENT_RAISE |
		    SECBIT_NO_CAP_AMBIENT_RAISE_LOCKED;
	return prctl(PR_SET_SECUREBITS, (unsigned long)bits, 0, 0, 0);
}

/* The bounding set down to d->keep.  PR_CAPBSET_DROP directly:
 * capng_apply(CAPNG_SELECT_BOUNDS) re-reads /proc/PID/status three times
 * around the same loop.  verify_caps reads every bit back (P07, P40). */
static int
set_bounding(const struct drop *d)
{
	for (int c = 0; c <= d->last_cap; c++)
		if (!has_cap(d->keep, c) &&
		    prctl(PR_CAPBSET_DROP, c, 0, 0, 0) == -1)
			return -1;
	return 0;
}

/* A user namespace whose setgroups is "deny" (unshare -r, rootless
 * runtimes): say so rather than a bare EPERM (P38, T11). */
static int
setgroups_denied(void)
{
	char buf[16] = "";
	int fd = open("/proc/self/setgroups", O_RDONLY | O_CLOEXEC);

	if (fd == -1)
		return 0;
	(void)!read(fd, buf, sizeof(buf) - 1);
	(void)close(fd);
	return strncmp(buf, "deny", 4) == 0;
}

/* groups, gid, uid: the setres* calls set all three slots (P01). */
static int
set_ids(const struct drop *d)
{
	if (prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0) == -1) {
		log_sys("%s: PR_SET_KEEPCAPS", d->who);
		return -1;
	}
	if (setgroups(d->ngroups, d->groups) == -1) {
		if (errno == EPERM && setgroups_denied())
			log_err("%s: setgroups: denied in this user namespace (/proc/self/setgroups is \"deny\"): cannot set supplementary groups",
			    d->who);
		else
			log_sys("%s: setgroups", d->who);
		return -1;
	}
	if (setresgid(d->gid, d->gid, d->gid) == -1) {
		log_sys("%s: setresgid %u", d->who, (unsigned)d->gid);
		return -1;
	}
	if (setresuid(d->uid, d->uid, d->uid) == -1) {
		log_sys("%s: setresuid %u", d->who, (unsigned)d->uid);
		return -1;
	}
	if (prctl(PR_SET_KEEPCAPS, 0, 0, 0, 0) == -1) {
		log_sys("%s: PR_SET_KEEPCAPS", d->who);
		return -1;
	}
	return 0;
}

/* P, E, I = keep; ambient = keep, so it survives exec as non-root (P08). */
static int
set_caps(const struct drop *d)
{
	capng_clear(CAPNG_SELECT_CAPS | CAPNG_SELECT_AMBIENT);
	for (int c = 0; c <= d->last_cap; c++) {
		if ((d->keep >> c & 1) == 0)
			continue;
		(void)capng_update(CAPNG_ADD, CAPNG_EFFECTIVE | CAPNG_PERMITTED |
		    CAPNG_INHERITABLE, (unsigned)c);
		(void)capng_update(CAPNG_ADD, CAPNG_AMBIENT, (unsigned)c);
	}
	return capng_apply(CAPNG_SELECT_CAPS | CAPNG_SELECT_AMBIENT);
}

static int
gid_cmp(const void *a, const void *b)
{
	gid_t x = *(const gid_t *)a, y = *(const gid_t *)b;

	return x < y ? -1 : x > y;
}

static int
verify_groups(const struct drop *d)
{
	gid_t have[MINIT_MAX_GROUPS + 1], want[MINIT_MAX_GROUPS];
	int n = getgroups(MINIT_MAX_GROUPS + 1, have);

	if (n < 0 || (size_t)n != d->ngroups) {
		log_err("%s: verify: %d supplementary groups, want %zu", d->who,
		    n, d->ngroups);
		return -1;
	}
	memcpy(want, d->groups, d->ngroups * sizeof(gid_t));
	qsort(have, (size_t)n, sizeof(gid_t), gid_cmp);
	qsort(want, d->ngroups, sizeof(gid_t), gid_cmp);
	if (memcmp(have, want, d->ngroups * sizeof(gid_t)) != 0) {
		log_err("%s: verify: supplementary groups differ", d->who);
		return -1;
	}
	return 0;
}

static int
verify_ids(const struct drop *d)
{
	uid_t ru, eu, su;
	gid_t rg, eg, sg;

	if (getresuid(&ru, &eu, &su) == -1 || getresgid(&rg, &eg, &sg) == -1 ||
	    ru != d->uid || eu != d->uid || su != d->uid ||
	    rg != d->gid || eg != d->gid || sg != d->gid ||
	    (uid_t)syscall(SYS_setfsuid, -1) != d->uid ||
	    (gid_t)syscall(SYS_setfsgid, -1) != d->gid) {
		log_err("%s: verify: uid/gid are not %u/%u in every slot",
		    d->who, (unsigned)d->uid, (unsigned)d->gid);
		return -1;
	}
	return verify_groups(d);
}

/* The capability sets as the kernel has them, not as libcap-ng thinks. */
static int
verify_caps(const struct drop *d)
{
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct c[2] = { { 0 } };	/* valgrind marks only c[0] written */
	uint64_t e, p, i;

	if (syscall(SYS_capget, &h, c) == -1) {
		log_sys("%s: verify: capget", d->who);
		return -1;
	}
	e = c[0].effective | (uint64_t)c[1].effective << 32;
	p = c[0].permitted | (uint64_t)c[1].permitted << 32;
	i = c[0].inheritable | (uint64_t)c[1].inheritable << 32;
	if (e != d->keep || p != d->keep || i != d->keep) {
		log_err("%s: verify: capabilities E=%#llx P=%#llx I=%#llx, want %#llx",
		    d->who, (unsigned long long)e, (unsigned long long)p,
		    (unsigned long long)i, (unsigned long long)d->keep);
		return -1;
	}
	for (int n = 0; n <= d->last_cap; n++) {
		int want = (int)(d->keep >> n & 1);

		if (d->setpcap && prctl(PR_CAPBSET_READ, n, 0, 0, 0) != want) {
			log_err("%s: verify: bounding set: %s is %s", d->who,
			    cap_name(n), want ? "missing" : "still there");
			return -1;
		}
		/* the kernel keeps ambient within P and I (both just read
		 * back as keep), so only kept capabilities can be there */
		if (want && prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, n,
		    0, 0) != want) {
			log_err("%s: verify: ambient set: %s is missing", d->who,
			    cap_name(n));
			return -1;
		}
	}
	return 0;
}

/* The rest, and the proof that root cannot come back (P02, P09, P10). */
static int
verify_final(const struct drop *d)
{
	int sb = prctl(PR_GET_SECUREBITS, 0, 0, 0, 0);
	gid_t zero = 0;

	if (prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0) != 1) {
		log_err("%s: verify: no_new_privs is not set", d->who);
		return -1;
	}
	if (d->setpcap && (sb == -1 ||
	    (sb & (SECBIT_NOROOT | SECBIT_NOROOT_LOCKED)) !=
	    (SECBIT_NOROOT | SECBIT_NOROOT_LOCKED))) {
		log_err("%s: verify: securebits %#x lack NOROOT", d->who, sb);
		return -1;
	}
	if (d->uid != 0 && (d->keep >> CAP_SETUID & 1) == 0 &&
	    setresuid(0, 0, 0) != -1) {
		log_err("%s: verify: setresuid(0) succeeded", d->who);
		return -1;
	}
	if (d->uid != 0 && (d->keep >> CAP_SETGID & 1) == 0 &&
	    setgroups(1, &zero) != -1) {
		log_err("%s: verify: setgroups({0}) succeeded", d->who);
		return -1;
	}
	return 0;
}

static int
drop_apply(const struct drop *d)
{
	if (raise_effective(d) == -1) {
		log_err("%s: cannot make the permitted capabilities effective", d->who);
		return -1;
	}
	if (d->setpcap) {
		if (set_securebits(d) == -1) {
			log_sys("%s: PR_SET_SECUREBITS", d->who);
			return -1;
		}
		if (set_bounding(d) != 0) {
			log_err("%s: cannot drop the bounding set", d->who);
			return -1;
		}
	}
	if (d->change && set_ids(d) == -1)
		return -1;
	if (set_caps(d) != 0) {
		log_err("%s: cannot set the capability sets", d->who);
		return -1;
	}
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == -1) {
		log_sys("%s: PR_SET_NO_NEW_PRIVS", d->who);
		return -1;
	}
	if (verify_ids(d) == -1 || verify_caps(d) == -1 || verify_final(d) == -1)
		return -1;
	return 0;
}

static void
drop_init(struct drop *d, const struct minit_config *cfg, const char *who)
{
	uint64_t perm, inh;

	d->who = who;
	d->change = cfg->id.change;
	d->uid = cfg->id.uid;
	d->gid = cfg->id.gid;
	d->groups = cfg->id.groups;
	d->ngroups = cfg->id.ngroups;
	d->last_cap = cap_last();
	d->setpcap = caps_get(&perm, &inh) == 0 && has_cap(perm, CAP_SETPCAP);
}

int
privdrop_apply(const struct minit_config *cfg)
{
	struct drop d;

	drop_init(&d, cfg, "privdrop");
	d.keep = cfg->keep_caps;
	return drop_apply(&d);
}

/* PID 1 needs no privilege to wait, reap and signal PROGRAM's processes:
 * with PROGRAM's uid, kill() needs no CAP_KILL.  Non-dumpable, so PROGRAM
 * (same uid) cannot ptrace it or read its /proc files (P25). */
int
privdrop_pid1(const struct minit_config *cfg)
{
	struct drop d;

	envfile_wipe(cfg);	/* the secrets: PROGRAM has its own copy (P34) */
	drop_init(&d, cfg, "privdrop: PID 1");
	d.keep = 0;
	if (drop_apply(&d) == -1)
		return -1;
	if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == -1 ||
	    prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) != 0) {
		log_sys("privdrop: PID 1: PR_SET_DUMPABLE");
		return -1;
	}
	log_verbose(cfg, "privdrop: PID 1 now uid %u gid %u, no capabilities",
	    (unsigned)d.uid, (unsigned)d.gid);
	return 0;
}
