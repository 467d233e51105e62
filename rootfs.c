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

static int
check_root(const struct minit_config *cfg, char *mi, bool *root_rw)
{
	bool ro, seen = false;
	char *copy;
	int mi_rw = 0;

	if (path_ro("/", &ro) == -1) {
		log_sys("rootfs: statvfs /");
		return -1;
	}
	if (mi != NULL) {
		copy = strdup(mi);
		mi_rw = copy == NULL ? -1 : mounts_root_writable(copy, &seen);
		free(copy);
		if (mi_rw == -1) {
			log_err("rootfs: /proc/self/mountinfo: cannot parse it");
			return -1;
		}
		if (!seen)
			log_verbose(cfg, "rootfs: / not found in mountinfo: statvfs alone decides");
		else if (mi_rw == (int)ro)
			log_verbose(cfg, "rootfs: statvfs says / is %s, mountinfo says %s: taking rw",
			    ro ? "ro" : "rw", mi_rw ? "rw" : "ro");
	}
	*root_rw = !ro || mi_rw == 1;
	if (!*root_rw) {
		log_verbose(cfg, "rootfs: / is read-only");
		return 0;
	}
	if (cfg->allow_writable_root) {
		if (!cfg->audit)
			log_err("rootfs: warning: / is writable (--allow-writable-root): "
			    "the app can change its own image");
		return 0;
	}
	REFUSE(cfg, "rootfs: / is writable: run the container read-only "
	    "(docker run --read-only, Kubernetes readOnlyRootFilesystem: true), "
	    "or pass --allow-writable-root to run anyway");
	return cfg->audit ? 0 : -1;
}

/* Every writable mount PROGRAM will see; with --require-noexec, refuse one
 * that allows exec and that PROGRAM's user can write to (T57). */
static int
check_mounts(const struct minit_config *cfg, char *mi)
{
	gid_t groups[MINIT_MAX_GROUPS];
	struct mounts_who who;
	struct mountinfo_entry e;
	char *cur = mi;
	int r, ret = 0;

	program_who(cfg, &who, groups, MINIT_MAX_GROUPS);
	while ((r = mountinfo_next(&cur, &e)) != 0) {
		bool exec;

		if (r == -1) {
			log_err("rootfs: /proc/self/mountinfo: cannot parse it");
			return -1;
		}
		if (!mountinfo_writable(&e) || mounts_is_node(e.point))
			continue;
		exec = (e.flags & MI_NOEXEC) == 0;
		log_verbose(cfg, "rootfs: writable mount %s (%s, %s%s)", e.point,
		    e.fstype, exec ? "exec" : "noexec",
		    e.flags & MI_NOSUID ? ", nosuid" : "");
		if (!exec || !cfg->require_noexec)
			continue;
		if (!mounts_user_writable(e.point, &who)) {
			log_verbose(cfg, "rootfs: %s allows exec, but uid %u cannot write to it",
			    e.point, (unsigned)who.uid);
			continue;
		}
		REFUSE(cfg, "rootfs: --require-noexec: %s (%s) is writable by uid %u "
		    "and allows exec: mount it noexec", e.point, e.fstype,
		    (unsigned)who.uid);
		ret = -1;
	}
	return cfg->audit ? 0 : ret;
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
	char dir[PATH_MAX];
	bool ro_file, ro_dir, ro_root;

	mounts_path_dir(path, dir, sizeof(dir));
	if (path_ro(path, &ro_file) == -1 || path_ro(dir, &ro_dir) == -1) {
		/* Missing or unreachable: the exec reports it (126/127). */
		log_verbose(cfg, "rootfs: PROGRAM %s: %s: the exec reports it",
		    path, strerror(errno));
		return 0;
	}
	if (ro_file && ro_dir) {
		log_verbose(cfg, "rootfs: PROGRAM %s is on a read-only mount", path);
		return 0;
	}
	if (cfg->allow_writable_root) {
		/* a writable / had its own warning before the fork */
		if (!cfg->audit && path_ro("/", &ro_root) == 0 && ro_root)
			log_err("rootfs: warning: PROGRAM %s is on a writable mount "
			    "(--allow-writable-root)", path);
		return 0;
	}
	REFUSE(cfg, "rootfs: PROGRAM %s is on a writable mount: the app could "
	    "replace itself; put it in the read-only image, or pass "
	    "--allow-writable-root", path);
	return cfg->audit ? 0 : -1;
}

int
rootfs_check(const struct minit_config *cfg)
{
	bool root_rw = false;
	char *mi = mounts_read();
	int ret;

	if (mi == NULL) {
		if (errno != ENOENT) {
			log_sys("rootfs: /proc/self/mountinfo");
			return -1;
		}
		if (cfg->require_noexec && !cfg->audit) {
			log_err("rootfs: --require-noexec: /proc is not mounted, so the "
			    "writable mounts cannot be listed: mount /proc");
			return -1;
		}
		/* Said always, not only with -v: the mount list is missing. */
		if (!cfg->audit)
			log_err("rootfs: warning: /proc is not mounted: / checked with "
			    "statvfs only, other writable mounts not listed");
	}
	ret = check_root(cfg, mi, &root_rw);
	if (ret == 0 && mi != NULL)
		ret = check_mounts(cfg, mi);
	free(mi);
	return ret;
}
