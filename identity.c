/* identity.c: who PROGRAM runs as, decided before the fork: --user
 * against the image's /etc/passwd and /etc/group (lib/passwd.c parses
 * them), the --allow-root rule, and whether minit holds what --cap and
 * the drop will need (privdrop.c then applies it). */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <linux/capability.h>

#include "caps.h"
#include "identity.h"
#include "log.h"
#include "passwd.h"
#include "readfile.h"

#define ACCOUNT_FILE_MAX	(1024 * 1024)	/* /etc/passwd, /etc/group */

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
	int fd = readfile_open(path, 0);

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
	readfile_log(readfile_fd(fd, ACCOUNT_FILE_MAX, READFILE_REGULAR, &buf,
	    len), what, ACCOUNT_FILE_MAX);
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
		if (passwd_id_parse(grp, strlen(grp), gid) == 0)
			return 0;
		log_err("privdrop: --user %s: gid out of range (0-%llu)", spec,
		    ID_MAX);
		return -1;
	}
	r = passwd_group_find(a->group, a->glen, grp, gid, &line);
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
/* USER[:GROUP] into user (NUL-terminated) and *grp (NULL: none). */
static int
split_spec(const char *spec, char user[PW_NAME_MAX], const char **grp)
{
	const char *colon = strchr(spec, ':');
	size_t ulen = colon != NULL ? (size_t)(colon - spec) : strlen(spec);

	*grp = NULL;
	if (colon != NULL) {
		*grp = colon + 1;
		if (**grp == '\0' || strchr(*grp, ':') != NULL) {
			log_err("privdrop: --user %s: want USER or USER:GROUP", spec);
			return -1;
		}
	}
	if (ulen == 0 || ulen >= PW_NAME_MAX) {
		log_err("privdrop: --user %s: want USER or USER:GROUP", spec);
		return -1;
	}
	memcpy(user, spec, ulen);
	user[ulen] = '\0';
	return 0;
}

/* USER, a name or a uid, in /etc/passwd: PW_OK with *pw, or PW_NOTFOUND
 * for a uid without an entry; *uid set.  -1 on refusal (logged). */
static int
find_user(const struct accounts *a, const char *spec, const char *user,
    struct pw_entry *pw, uint32_t *uid)
{
	enum pw_result r;
	size_t line;

	if (all_digits(user)) {
		if (passwd_id_parse(user, strlen(user), uid) == -1) {
			log_err("privdrop: --user %s: uid out of range (0-%llu)",
			    spec, ID_MAX);
			return -1;
		}
		r = passwd_find(a->passwd, a->plen, NULL, *uid, pw, &line);
	} else {
		r = passwd_find(a->passwd, a->plen, user, 0, pw, &line);
	}
	if ((r != PW_OK && r != PW_NOTFOUND) ||
	    (r == PW_NOTFOUND && !all_digits(user))) {
		pw_error("/etc/passwd", spec, "user", r, line);
		return -1;
	}
	if (r == PW_OK)
		*uid = pw->uid;
	return (int)r;
}

/* The gid and the group list: exactly GROUP when given; else the entry's
 * (pw, NULL for a uid without one) initgroups list; else gid = uid. */
static int
resolve_groups(const struct accounts *a, const char *spec, const char *grp,
    const struct pw_entry *pw, uint32_t uid, uint32_t *gid, uint32_t *gids,
    size_t *n)
{
	enum pw_result r;
	size_t line;

	if (grp != NULL) {
		/* exactly that gid; it is also the whole group list */
		if (resolve_group(a, spec, grp, gid) == -1)
			return -1;
		gids[0] = *gid;
		*n = 1;
	} else if (pw != NULL) {
		/* initgroups semantics: primary gid plus every listing */
		*gid = pw->gid;
		r = passwd_group_list(a->group, a->glen, pw->name, *gid, gids,
		    MINIT_MAX_GROUPS, n, &line);
		if (r != PW_OK) {
			pw_error("/etc/group", spec, "group", r, line);
			return -1;
		}
	} else {
		/* numeric uid without an entry: gid = uid, never 0 by
		 * default */
		*gid = uid;
		gids[0] = *gid;
		*n = 1;
	}
	return 0;
}

static int
resolve_spec(const struct accounts *a, const char *spec,
    struct minit_identity *id)
{
	char user[PW_NAME_MAX];
	const char *grp;
	struct pw_entry pw;
	int r;
	/* (uid_t)-1 is no valid id (ID_MAX): never used as a silent default */
	uint32_t uid = UINT32_MAX, gid = UINT32_MAX, gids[MINIT_MAX_GROUPS];
	size_t n;

	if (split_spec(spec, user, &grp) == -1)
		return -1;
	r = find_user(a, spec, user, &pw, &uid);
	if (r == -1)
		return -1;
	set_name_home(id, r == PW_OK ? &pw : NULL);
	if (resolve_groups(a, spec, grp, r == PW_OK ? &pw : NULL, uid, &gid,
	    gids, &n) == -1)
		return -1;
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
 * arbitrary uid with gid 0): minit cannot change ids, and the runtime already
 * chose a user that is not root, so PROGRAM runs as that uid, gid and groups
 * whatever --user names (P37).  --exact-user is for images that need the
 * named uid (file ownership): then --user must name the user minit already
 * is.  HOME, USER and LOGNAME come from the passwd entry of the uid PROGRAM
 * really gets, if any. */
static int
exact_refused(const char *spec, const char *what, unsigned want,
    unsigned have)
{
	log_err("privdrop: --exact-user: --user %s is %s %u, but minit was started as %s %u",
	    spec, what, want, what, have);
	return -1;
}

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
		log_verbose(cfg, "privdrop: the runtime chose uid %u gid %u: --user not applied",
		    (unsigned)cfg->id.uid, (unsigned)cfg->id.gid);
		return 0;
	}
	if (resolve_spec(a, cfg->user, &want) == -1)
		return -1;
	if (want.uid != cfg->id.uid)
		return exact_refused(cfg->user, "uid", want.uid, cfg->id.uid);
	if (strchr(cfg->user, ':') != NULL && want.gid != cfg->id.gid)
		return exact_refused(cfg->user, "gid", want.gid, cfg->id.gid);
	return 0;
}

/* gid 0 as PROGRAM's group or one of its groups: root's group owns files
 * (and /etc/shadow on some images) that the app should not reach. */
static bool
has_gid0(const struct minit_identity *id)
{
	if (id->gid == 0)
		return true;
	for (size_t i = 0; i < id->ngroups; i++)
		if (id->groups[i] == 0)
			return true;
	return false;
}

/* What minit holds decides what it can do; refuse here, with a reason,
 * rather than fail half-way in the child (P07, P37, P40, T12, T13, T16). */
static int
check_capacity(const struct minit_config *cfg, uint64_t perm)
{
	int last = caps_last();
	uint64_t bnd = 0;

	for (int c = 0; c < 64; c++) {
		if ((cfg->keep_caps >> c & 1) == 0)
			continue;
		if (c > last) {
			log_err("privdrop: --cap %s: unknown to this kernel (cap_last_cap is %d)",
			    caps_name(c), last);
			return -1;
		}
		if (!caps_has(perm, c)) {
			log_err("privdrop: --cap %s: minit does not hold it, so PROGRAM cannot keep it (docs/privdrop.md, --cap)",
			    caps_name(c));
			return -1;
		}
	}
	if (cfg->id.change && (!caps_has(perm, CAP_SETUID) ||
	    !caps_has(perm, CAP_SETGID))) {
		log_err("privdrop: cannot switch to uid %u gid %u: minit lacks CAP_SETUID or CAP_SETGID",
		    (unsigned)cfg->id.uid, (unsigned)cfg->id.gid);
		return -1;
	}
	if (caps_has(perm, CAP_SETPCAP))
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
identity_resolve(struct minit_config *cfg)
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
	/* P44: minit never hands out root's group on its own.  When minit
	 * changes nothing (a non-root start: OpenShift runs arbitrary uids
	 * with gid 0 by design) the runtime chose it: allowed, and --audit
	 * reports identity.gid. */
	if (cfg->id.change && cfg->id.uid != 0 && has_gid0(&cfg->id) &&
	    !cfg->allow_root) {
		log_err("privdrop: --user %s: gid 0 is root's group: name another group, or --allow-root",
		    cfg->user);
		goto out;
	}
	if (check_capacity(cfg, perm) == -1)
		goto out;
	log_verbose(cfg, "privdrop: PROGRAM runs as uid %u gid %u with %zu groups%s",
	    (unsigned)cfg->id.uid, (unsigned)cfg->id.gid, cfg->id.ngroups,
	    cfg->id.change ? "" : " (unchanged)");
	rc = 0;
out:
	readfile_free(a.passwd, a.plen);
	readfile_free(a.group, a.glen);
	return rc;
}
