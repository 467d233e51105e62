/* mounts.c: what the root check and the audit both need from the live
 * system: the mountinfo text (only from a real procfs) and whether a user
 * can create a file on a mount.  The parsing itself is in mountinfo.c. */
#ifndef MINIT_MOUNTS_H
#define MINIT_MOUNTS_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

struct mountinfo_entry;

/* Who will write: PROGRAM's ids, and whether it keeps CAP_DAC_OVERRIDE. */
struct mounts_who {
	uid_t		 uid;
	gid_t		 gid;
	const gid_t	*groups;
	size_t		 ngroups;
	bool		 dac_override;
};

/* The whole of /proc/self/mountinfo, malloc'ed and NUL-terminated.  NULL
 * with errno ENOENT when /proc is not a mounted procfs (an image could
 * ship a plain /proc/self/mountinfo file), or another errno. */
char	*mounts_read(void);

/* Can who create a file on the mount whose mount point is point?  Walks the
 * directories of that mount (not into other mounts) looking for one that
 * who may write to; gives up after a bounded number of entries and then
 * says true (fail closed).  A mount point that is not a directory counts
 * when it is a regular file who may write. */
bool	mounts_user_writable(const char *point, const struct mounts_who *who);

/* Every line of the mountinfo text (consumed: the entries point into it),
 * in order, in a malloc'ed array of *n.  NULL with errno EINVAL when a line
 * does not parse, ENOMEM. */
struct mountinfo_entry *mounts_parse(char *text, size_t *n);

/* The mount that holds path (absolute, symlinks resolved): the one with the
 * longest mount point above it, of those the last line (it is on top).
 * NULL when none does: the mount list does not show our root. */
const struct mountinfo_entry *mounts_holding(const struct mountinfo_entry *m,
	    size_t n, const char *path);

/* The mount that holds /: the top one on "/", of the root directory's
 * device; NULL when the list has none (masked, or a chroot below a mount
 * point: P46). */
const struct mountinfo_entry *mounts_root(const struct mountinfo_entry *m,
	    size_t n);

/* Another writable mount of the filesystem of *on (same device) through
 * which the file at path (on *on) can be written: its root, in that
 * filesystem, is path's place or a folder above it.  With below, also a
 * folder under it (what is written there shows up under path).  A
 * read-only / or PROGRAM is only read-only if there is none (P45).  NULL
 * when none. */
const struct mountinfo_entry *mounts_writable_alias(
	    const struct mountinfo_entry *m, size_t n,
	    const struct mountinfo_entry *on, const char *path, bool below);

/* A mount point that cannot hold a new file: a device node, fifo or socket
 * bind-mounted on its own (/dev/null in every container). */
bool	mounts_is_node(const char *point);

/* The folder that holds path's last name: "/" for "/x", "." for "x". */
void	mounts_path_dir(const char *path, char *dir, size_t size);

#endif
