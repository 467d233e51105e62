/* readfile.c: the one whole-file reader.  Every file minit reads whole (env
 * files, /etc/passwd and /etc/group, a --seccomp profile, mountinfo, the
 * audit's /proc files) comes through here; the caller says the limit and
 * the checks.  It does not log: the caller words the refusal. */
#ifndef MINIT_READFILE_H
#define MINIT_READFILE_H

#include <stddef.h>

/* Checks, or'ed. */
enum {
	/* open: a symlink as the last name fails (it could point anywhere
	 * root may read) */
	READFILE_NOFOLLOW = 1 << 0,
	/* a regular file only (a FIFO would block, a device read as empty
	 * or forever); its size is checked before reading */
	READFILE_REGULAR = 1 << 1,
};

enum readfile_result {
	READFILE_OK = 0,
	READFILE_ERRNO,		/* open, fstat, read or malloc failed: errno */
	READFILE_NOT_REGULAR,	/* READFILE_REGULAR and it is not */
	READFILE_TOO_BIG,	/* more than max bytes (also if it grew) */
};

/* open(2) path for reading as the reader wants it: O_RDONLY, O_CLOEXEC,
 * O_NONBLOCK (a FIFO must not hang the start), O_NOCTTY, and O_NOFOLLOW
 * with READFILE_NOFOLLOW.  The fd, or -1 with errno. */
int	readfile_open(const char *path, unsigned checks);

/* Read fd to EOF into a malloc'ed, NUL-terminated *buf of *len bytes (the
 * NUL not counted).  Every buffer given up is wiped first (env files hold
 * secrets): free the result with readfile_free.  On anything but
 * READFILE_OK, *buf is NULL; errno is kept for READFILE_ERRNO. */
enum readfile_result readfile_fd(int fd, size_t max, unsigned checks,
	    char **buf, size_t *len);

/* readfile_open, readfile_fd, close. */
enum readfile_result readfile_path(const char *path, size_t max,
	    unsigned checks, char **buf, size_t *len);

/* Wipe and free what readfile_fd returned (NULL is fine). */
void	readfile_free(char *buf, size_t len);

/* The usual one-line refusal: "what: not a regular file", "what: larger
 * than max bytes" or "what: read: <strerror>". */
void	readfile_log(enum readfile_result r, const char *what, size_t max);

#endif
