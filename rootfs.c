/* rootfs.c: the read-only root check and the writable-mount audit (P31).
 *
 * statvfs(2) gives the truth for the mount a path is on: ST_RDONLY is set
 * when either the mount or its superblock is read-only (fs/statfs.c).  It is
 * the primary source, since it needs no /proc.  /proc/self/mountinfo, when a
 * real procfs is mounted, cross-checks / (the most pessimistic answer wins)
 * and lists the other mounts PROGRAM will see: a rw submount under a ro root
 * (T56), tmpfs and volumes (T57).
 *
 * In --audit mode nothing here refuses: the hardened child reports the same
 * facts as checks, so that an audit of a weak image still prints its report. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "log.h"
#include "mountinfo.h"
#include "mounts.h"
#include "rootfs.h"

#ifndef CAP_DAC_OVERRIDE
#define CAP_DAC_OVERRIDE 1
#endif

/* One refusal: a line on stderr, or in --audit mode a verbose note. */
#define REFUSE(cfg, ...)					\
	do {							\
		if ((cfg)->audit)				\
			log_verbose((cfg), __VA_ARGS__);	\
		else						\
			log_err(__VA_ARGS__);			\
	} while (0)

static int
path_ro(const char *path, bool *ro)
{
	struct statvfs sv;

	if (statvfs(path, &sv) == -1)
		return -1;
	*ro = (sv.f_flag & ST_RDONLY) != 0;
	return 0;
}

/* PROGRAM's future identity, for "can it write there". */
static void
program_who(const struct minit_config *cfg, struct mounts_who *who,
    gid_t *groups, size_t max)
{
	int n;

	who->dac_override = (cfg->keep_caps >> CAP_DAC_OVERRIDE) & 1;
	if (cfg->id.change) {
		who->uid = cfg->id.uid;
		who->gid = cfg->id.gid;
		who->groups = cfg->id.groups;
		who->ngroups = cfg->id.ngroups;
		return;
	}
	who->uid = getuid();
	who->gid = getgid();
	n = getgroups((int)max, groups);
	who->groups = groups;
	who->ngroups = n > 0 ? (size_t)n : 0;
}

/* What minit knows of the mounts: the parsed mountinfo and the mount that
 * holds /, or why it has none (P46: a check that cannot see the mounts
 * fails closed, it never passes by default). */
struct mounts {
	struct mountinfo_entry *m;
	size_t		 n;
	const struct mountinfo_entry *root;	/* NULL: see why */
	const char	*why;
};

static void
mounts_load(struct mounts *ms, char *text)
{
	*ms = (struct mounts){ .why = NULL };
	if (text == NULL) {
		ms->why = errno == ENOENT ? "/proc is not mounted" :
		    "mountinfo unreadable";
		return;
	}
	ms->m = mounts_parse(text, &ms->n);
	if (ms->m == NULL) {
		ms->why = "mountinfo unreadable";
		return;
	}
	ms->root = mounts_root(ms->m, ms->n);
	if (ms->root == NULL)
		ms->why = "/proc/self/mountinfo has no entry for /";
}

static int
check_root(const struct minit_config *cfg, const struct mounts *ms,
    bool *root_rw)
{
	const struct mountinfo_entry *alias = NULL;
	bool ro;

	if (path_ro("/", &ro) == -1) {
		log_sys("rootfs: statvfs /");
		return -1;
	}
	*root_rw = !ro || (ms->root != NULL && mountinfo_writable(ms->root));
	if (!*root_rw && ms->root == NULL) {
		/* statvfs says ro, but another mount of the same filesystem
		 * could be rw: not verified is not read-only (P46) */
		if (cfg->allow_writable_root) {
			if (!cfg->audit)
				log_err("rootfs: warning: cannot verify that / is "
				    "read-only: %s (--allow-writable-root)",
				    ms->why);
			return 0;
		}
		REFUSE(cfg, "rootfs: cannot verify that / is read-only: %s: "
		    "mount /proc, or pass --allow-writable-root",
		    ms->why);
		return cfg->audit ? 0 : -1;
	}
	if (!*root_rw)
		alias = mounts_writable_alias(ms->m, ms->n, ms->root, "/", false);
	if (!*root_rw && alias == NULL) {
		log_verbose(cfg, "rootfs: / is read-only");
		return 0;
	}
	*root_rw = true;
	if (cfg->allow_writable_root) {
		if (!cfg->audit && alias != NULL)
			log_err("rootfs: warning: / is read-only, but its filesystem "
			    "is writable at %s (--allow-writable-root): the app can "
			    "change its own image", alias->point);
		else if (!cfg->audit)
			log_err("rootfs: warning: / is writable (--allow-writable-root): "
			    "the app can change its own image");
		return 0;
	}
	if (alias != NULL)
		REFUSE(cfg, "rootfs: / is read-only, but its filesystem is "
		    "writable at %s (the same filesystem, read-write): mount it "
		    "read-only, or pass --allow-writable-root to run anyway",
		    alias->point);
	else
		REFUSE(cfg, "rootfs: / is writable: run the container read-only "
		    "(docker run --read-only, Kubernetes readOnlyRootFilesystem: "
		    "true), or pass --allow-writable-root to run anyway");
	return cfg->audit ? 0 : -1;
}

/* Every writable mount PROGRAM will see; with --require-noexec, refuse one
 * that allows exec and that PROGRAM's user can write to (T57), or one that
 * allows exec while its filesystem is writable by that user elsewhere
 * (P45: write at /data, exec the same file through /). */
static int
check_mounts(const struct minit_config *cfg, const struct mounts *ms)
{
	gid_t groups[MINIT_MAX_GROUPS];
	struct mounts_who who;
	int ret = 0;

	if (ms->root == NULL && cfg->require_noexec) {
		REFUSE(cfg, "rootfs: --require-noexec: cannot verify the mounts: %s",
		    ms->why);
		return cfg->audit ? 0 : -1;
	}
	if (ms->m == NULL)
		return 0;
	program_who(cfg, &who, groups, MINIT_MAX_GROUPS);
	for (size_t i = 0; i < ms->n; i++) {
		const struct mountinfo_entry *e = &ms->m[i], *alias;
		bool exec = (e->flags & MI_NOEXEC) == 0;

		if (!mountinfo_writable(e)) {
			if (!exec || !cfg->require_noexec)
				continue;
			alias = mounts_writable_alias(ms->m, ms->n, e, e->point,
			    true);
			if (alias == NULL ||
			    !mounts_user_writable(alias->point, &who))
				continue;
			REFUSE(cfg, "rootfs: --require-noexec: %s allows exec and "
			    "is writable by uid %u at %s: mount one noexec",
			    e->point, (unsigned)who.uid, alias->point);
			ret = -1;
			continue;
		}
		if (mounts_is_node(e->point))
			continue;
		log_verbose(cfg, "rootfs: writable mount %s (%s, %s%s)", e->point,
		    e->fstype, exec ? "exec" : "noexec",
		    e->flags & MI_NOSUID ? ", nosuid" : "");
		if (!exec || !cfg->require_noexec)
			continue;
		if (!mounts_user_writable(e->point, &who)) {
			log_verbose(cfg, "rootfs: %s allows exec, but uid %u cannot write to it",
			    e->point, (unsigned)who.uid);
			continue;
		}
		REFUSE(cfg, "rootfs: --require-noexec: %s (%s) is writable by uid %u "
		    "and allows exec: mount it noexec", e->point, e->fstype,
		    (unsigned)who.uid);
		ret = -1;
	}
	return cfg->audit ? 0 : ret;
}

/* The mount path is on, and whether another mount writes its file (P45). */
static const struct mountinfo_entry *
program_alias(const struct mounts *ms, const char *path)
{
	char real[PATH_MAX];
	const struct mountinfo_entry *on;

	if (ms->root == NULL || realpath(path, real) == NULL)
		return NULL;
	on = mounts_holding(ms->m, ms->n, real);
	return on == NULL ? NULL :
	    mounts_writable_alias(ms->m, ms->n, on, real, true);
}

/* PROGRAM and the folder holding its name must sit on read-only mounts,
 * or the app could replace itself (or the symlink to itself).  Called in
 * the child, as the app user, on the very file it resolved in PATH and
 * then executes: resolved here as root, the check could pass on a file
 * only root may run while the app's own lookup went on to another one
 * (issue 14.5). */
int
rootfs_check_program(const struct minit_config *cfg, const char *path)
{
	char dir[PATH_MAX], at[PATH_MAX] = "";
	const char *where = "on a writable mount";
	bool ro_file, ro_dir, ro_root;

	mounts_path_dir(path, dir, sizeof(dir));
	if (path_ro(path, &ro_file) == -1 || path_ro(dir, &ro_dir) == -1) {
		/* Missing or unreachable: the exec reports it (126/127). */
		log_verbose(cfg, "rootfs: PROGRAM %s: %s: the exec reports it",
		    path, strerror(errno));
		return 0;
	}
	if (ro_file && ro_dir) {
		/* the folder's place, and anything below it: the file too
		 * (P45); unverified mounts: rootfs_check has refused */
		char *mi = mounts_read();
		const struct mountinfo_entry *alias;
		struct mounts ms;

		mounts_load(&ms, mi);
		alias = program_alias(&ms, dir);
		if (alias != NULL)
			snprintf(at, sizeof(at), "%s", alias->point);
		free(ms.m);
		free(mi);
		if (at[0] == '\0') {
			log_verbose(cfg, "rootfs: PROGRAM %s is on a read-only mount",
			    path);
			return 0;
		}
		where = "writable through the mount at ";
	}
	if (cfg->allow_writable_root) {
		/* a writable / had its own warning before the fork */
		if (!cfg->audit && path_ro("/", &ro_root) == 0 && ro_root)
			log_err("rootfs: warning: PROGRAM %s is %s%s "
			    "(--allow-writable-root)", path, where, at);
		return 0;
	}
	REFUSE(cfg, "rootfs: PROGRAM %s is %s%s: the app could replace itself; "
	    "put it in the read-only image, or pass --allow-writable-root",
	    path, where, at);
	return cfg->audit ? 0 : -1;
}

int
rootfs_check(const struct minit_config *cfg)
{
	bool root_rw = false;
	char *mi = mounts_read();
	struct mounts ms;
	int ret;

	mounts_load(&ms, mi);
	ret = check_root(cfg, &ms, &root_rw);
	if (ret == 0)
		ret = check_mounts(cfg, &ms);
	free(ms.m);
	free(mi);
	return ret;
}
