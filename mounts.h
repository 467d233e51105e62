/* mounts.c: what the root check and the audit both need from the live
 * system: the mountinfo text (only from a real procfs) and whether a user
 * can create a file on a mount.  The parsing itself is in mountinfo.c. */
#ifndef MINIT_MOUNTS_H
#define MINIT_MOUNTS_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

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

/* Cross-check / against the mountinfo text (consumed: give a copy): 1 when
 * an entry mounted on "/" with the root directory's device is writable (the
 * last one is on top), 0 when not, -1 on a malformed line or stat error.
 * *seen tells whether such an entry was found at all. */
int	mounts_root_writable(char *text, bool *seen);

/* A mount point that cannot hold a new file: a device node, fifo or socket
 * bind-mounted on its own (/dev/null in every container). */
bool	mounts_is_node(const char *point);

/* The folder that holds path's last name: "/" for "/x", "." for "x". */
void	mounts_path_dir(const char *path, char *dir, size_t size);

#endif
