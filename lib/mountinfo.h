/* mountinfo.c: a pure parser for /proc/self/mountinfo (proc(5)).  No I/O:
 * the caller reads the text, the parser splits and unescapes it in place, so
 * unit tests and the fuzzer call it on any bytes. */
#ifndef MINIT_MOUNTINFO_H
#define MINIT_MOUNTINFO_H

#include <stdbool.h>
#include <stddef.h>

/* Per-mount flags (field 6) and the superblock's read-only flag (field 11). */
enum {
	MI_RDONLY	= 1 << 0,	/* mount is ro */
	MI_NOEXEC	= 1 << 1,
	MI_NOSUID	= 1 << 2,
	MI_NODEV	= 1 << 3,
	MI_SB_RDONLY	= 1 << 4,	/* superblock is ro */
};

/* One line.  The strings point into the caller's buffer, unescaped. */
struct mountinfo_entry {
	unsigned long	 id, parent;
	unsigned long	 major, minor;
	char		*root;		/* field 4: root of the mount in its fs */
	char		*point;		/* field 5: mount point, relative to our root */
	char		*opts;		/* field 6: per-mount options, raw */
	char		*fstype;	/* field 9 */
	char		*source;	/* field 10 */
	char		*sb_opts;	/* field 11: superblock options, raw */
	unsigned	 flags;		/* MI_* */
};

/* Parse the next line at *cursor (a NUL-terminated, writable buffer) into e
 * and advance *cursor past it.  Returns 1 for an entry, 0 at the end, -1 for
 * a malformed line (*cursor still advances, so a caller may go on). */
int	mountinfo_next(char **cursor, struct mountinfo_entry *e);

/* A mount through which a file can be written: rw both per mount and in the
 * superblock (a ro bind of a rw superblock is read-only; P31). */
bool	mountinfo_writable(const struct mountinfo_entry *e);

/* True when path lies on or below mount point mnt (component-wise: "/usr"
 * covers "/usr/bin/x" but not "/usrx"). */
bool	mountinfo_covers(const char *mnt, const char *path);

/* Decode the kernel's octal escapes (\040 space, \011 tab, \012 newline,
 * \134 backslash) in place.  -1 when an escape decodes to NUL. */
int	mountinfo_unescape(char *s);

#endif
