/* mounts.c: side effects for rootfs.c and audit.c (see mounts.h). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/vfs.h>
#include <unistd.h>

#include "mountinfo.h"
#include "mounts.h"
#include "readfile.h"

#ifndef PROC_SUPER_MAGIC
#define PROC_SUPER_MAGIC 0x9fa0
#endif

#define MOUNTINFO_MAX	(16u << 20)	/* bytes of /proc/self/mountinfo */
#define WALK_BUDGET	4096	/* entries looked at before we give up */
#define WALK_DEPTH	32

char *
mounts_read(void)
{
	struct statfs sf;
	size_t len;
	char *buf;

	/* Only a real procfs: a FROM-scratch image may carry a /proc folder
	 * with a forged self/mountinfo in it. */
	if (statfs("/proc", &sf) == -1 || sf.f_type != PROC_SUPER_MAGIC) {
		errno = ENOENT;
		return NULL;
	}
	switch (readfile_path("/proc/self/mountinfo", MOUNTINFO_MAX, 0, &buf,
	    &len)) {
	case READFILE_OK:
		return buf;
	case READFILE_ERRNO:
		return NULL;
	default:
		errno = ENOMEM;
		return NULL;
	}
}

static bool
in_groups(const struct mounts_who *who, gid_t gid)
{
	if (gid == who->gid)
		return true;
	for (size_t i = 0; i < who->ngroups; i++)
		if (who->groups[i] == gid)
			return true;
	return false;
}

/* The classic mode-bit check (ACLs are not read: see docs/audit.md). */
static bool
may(const struct stat *st, const struct mounts_who *who, mode_t want)
{
	if (who->dac_override)
		return true;
	if (st->st_uid == who->uid)
		return (st->st_mode & (want << 6)) == (want << 6);
	if (in_groups(who, st->st_gid))
		return (st->st_mode & (want << 3)) == (want << 3);
	return (st->st_mode & want) == want;
}

struct walk {
	const struct mounts_who *who;
	dev_t		 dev;
	unsigned	 budget;
};

/* Judge a directory from its mode: 1 writable, 0 cannot enter, -1 look
 * inside. */
static int
judge(const struct stat *st, const struct mounts_who *who)
{
	if (may(st, who, 03))		/* write + search: can create here */
		return 1;
	return may(st, who, 01) ? -1 : 0;
}

/* 1: a writable directory found (or the walk cannot tell), 0: none below.
 * Takes dfd, an open directory that judge() said to look inside. */
static int
walk_dir(struct walk *w, int dfd, int depth)	/* NOLINT(misc-no-recursion): WALK_DEPTH levels */
{
	DIR *d;
	struct dirent *de;
	int found = 0;

	if (depth >= WALK_DEPTH) {
		(void)close(dfd);
		return 1;
	}
	d = fdopendir(dfd);
	if (d == NULL) {
		(void)close(dfd);
		return 1;		/* cannot tell: count it (fail closed) */
	}
	while (!found && (de = readdir(d)) != NULL) {
		struct stat sub;
		int fd;

		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		if (w->budget-- == 0) {
			found = 1;
			break;
		}
		if (fstatat(dirfd(d), de->d_name, &sub,
		    AT_SYMLINK_NOFOLLOW) == -1 ||
		    !S_ISDIR(sub.st_mode) || sub.st_dev != w->dev)
			continue;	/* another mount is judged on its own */
		found = judge(&sub, w->who);
		if (found != -1)
			continue;
		fd = openat(dirfd(d), de->d_name,
		    O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		found = fd == -1 ? 1 : walk_dir(w, fd, depth + 1);
	}
	(void)closedir(d);
	return found;
}

bool
mounts_user_writable(const char *point, const struct mounts_who *who)
{
	struct walk w = { .who = who, .budget = WALK_BUDGET };
	struct stat st;
	int fd, j;

	if (stat(point, &st) == -1)
		return errno != EACCES && errno != ENOENT;
	if (!S_ISDIR(st.st_mode))
		return S_ISREG(st.st_mode) && may(&st, who, 02);
	j = judge(&st, who);
	if (j != -1)
		return j == 1;
	fd = open(point, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd == -1)
		return true;
	w.dev = st.st_dev;
	return walk_dir(&w, fd, 0) != 0;
}

bool
mounts_is_node(const char *point)
{
	struct stat st;

	return lstat(point, &st) == 0 && !S_ISDIR(st.st_mode) &&
	    !S_ISREG(st.st_mode);
}

const struct mountinfo_entry *
mounts_root(const struct mountinfo_entry *m, size_t n)
{
	const struct mountinfo_entry *root = mounts_holding(m, n, "/");
	struct stat st;

	return root != NULL && strcmp(root->point, "/") == 0 &&
	    stat("/", &st) == 0 && root->major == major(st.st_dev) &&
	    root->minor == minor(st.st_dev) ? root : NULL;
}

struct mountinfo_entry *
mounts_parse(char *text, size_t *n)
{
	struct mountinfo_entry *m;
	size_t lines = 1;
	char *cur = text;
	int r;

	for (const char *p = text; (p = strchr(p, '\n')) != NULL; p++)
		lines++;
	m = calloc(lines, sizeof(*m));
	*n = 0;
	while (m != NULL && (r = mountinfo_next(&cur, &m[*n])) != 0) {
		if (r == -1) {
			free(m);
			errno = EINVAL;
			return NULL;
		}
		++*n;
	}
	if (m == NULL)
		errno = ENOMEM;
	return m;
}

const struct mountinfo_entry *
mounts_holding(const struct mountinfo_entry *m, size_t n, const char *path)
{
	const struct mountinfo_entry *best = NULL;

	for (size_t i = 0; i < n; i++)
		if (mountinfo_covers(m[i].point, path) && (best == NULL ||
		    strlen(m[i].point) >= strlen(best->point)))
			best = &m[i];
	return best;
}

const struct mountinfo_entry *
mounts_writable_alias(const struct mountinfo_entry *m, size_t n,
    const struct mountinfo_entry *on, const char *path, bool below)
{
	char place[PATH_MAX];
	const char *rel = path + strlen(on->point);
	int len;

	/* path's place in the filesystem: on's root, then what follows
	 * on's mount point in path */
	if (strcmp(on->point, "/") == 0)
		rel = path;
	while (*rel == '/')
		rel++;
	len = snprintf(place, sizeof(place), "%s%s%s", on->root,
	    strcmp(on->root, "/") == 0 || *rel == '\0' ? "" : "/", rel);
	if (len < 0 || (size_t)len >= sizeof(place))
		return on;	/* cannot tell: say it is (fail closed) */
	for (size_t i = 0; i < n; i++) {
		const struct mountinfo_entry *e = &m[i];

		if (e == on || e->major != on->major || e->minor != on->minor ||
		    !mountinfo_writable(e))
			continue;
		if (mountinfo_covers(e->root, place) ||
		    (below && mountinfo_covers(place, e->root)))
			return e;
	}
	return NULL;
}

void
mounts_path_dir(const char *path, char *dir, size_t size)
{
	char *slash;

	snprintf(dir, size, "%s", path);
	slash = strrchr(dir, '/');
	if (slash == dir)
		dir[1] = '\0';
	else if (slash != NULL)
		*slash = '\0';
	else
		snprintf(dir, size, ".");
}
