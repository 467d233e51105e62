/* readfile.c: bounded whole-file reads (readfile.h).  The checks run on the
 * open fd, so there is no window between check and read. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "log.h"
#include "readfile.h"

#define FIRST_SIZE	4096	/* a file fstat cannot size (procfs) */

/* Drop buf for a fresh one of size bytes: no copy of a secret is left in
 * freed memory, which realloc would not promise. */
static char *
grow(char *buf, size_t used, size_t old, size_t size)
{
	char *more = malloc(size);

	if (more != NULL)
		memcpy(more, buf, used);
	explicit_bzero(buf, old);
	free(buf);
	return more;
}

int
readfile_open(const char *path, unsigned checks)
{
	int flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY;

	if (checks & READFILE_NOFOLLOW)
		flags |= O_NOFOLLOW;
	return open(path, flags);
}

/* The first buffer: a regular file's size plus one byte (to see it grow)
 * and the NUL; otherwise FIRST_SIZE, grown as needed. */
static enum readfile_result
first_size(int fd, size_t max, unsigned checks, size_t *cap)
{
	struct stat st;

	*cap = (max < FIRST_SIZE ? max : FIRST_SIZE) + 2;
	if (!(checks & READFILE_REGULAR))
		return READFILE_OK;
	if (fstat(fd, &st) == -1)
		return READFILE_ERRNO;
	if (!S_ISREG(st.st_mode))
		return READFILE_NOT_REGULAR;
	if (st.st_size < 0 || (unsigned long long)st.st_size > max)
		return READFILE_TOO_BIG;
	*cap = (size_t)st.st_size + 2;
	return READFILE_OK;
}

enum readfile_result
readfile_fd(int fd, size_t max, unsigned checks, char **buf, size_t *len)
{
	enum readfile_result r;
	size_t cap, got = 0;
	ssize_t n = 0;
	char *b;

	*buf = NULL;
	r = first_size(fd, max, checks, &cap);
	if (r != READFILE_OK)
		return r;
	b = malloc(cap);
	/* cap - 1: room for the NUL; reading up to max + 1 shows an excess */
	while (b != NULL && (n = read(fd, b + got, cap - 1 - got)) != 0) {
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1)
			break;
		got += (size_t)n;
		if (got > max)
			break;
		if (got == cap - 1) {
			size_t more = cap - 1 > max / 2 ? max + 2 : 2 * cap;

			b = grow(b, got, cap, more);
			cap = more;
		}
	}
	if (b == NULL)
		return READFILE_ERRNO;
	if (n == -1 || got > max) {
		int saved = errno;

		readfile_free(b, cap);
		errno = saved;
		return n == -1 ? READFILE_ERRNO : READFILE_TOO_BIG;
	}
	b[got] = '\0';
	*buf = b;
	*len = got;
	return READFILE_OK;
}

enum readfile_result
readfile_path(const char *path, size_t max, unsigned checks, char **buf,
    size_t *len)
{
	enum readfile_result r;
	int fd = readfile_open(path, checks), saved;

	*buf = NULL;
	if (fd == -1)
		return READFILE_ERRNO;
	r = readfile_fd(fd, max, checks, buf, len);
	saved = errno;
	(void)close(fd);
	errno = saved;
	return r;
}

void
readfile_free(char *buf, size_t len)
{
	if (buf == NULL)
		return;
	explicit_bzero(buf, len);
	free(buf);
}

void
readfile_log(enum readfile_result r, const char *what, size_t max)
{
	switch (r) {
	case READFILE_OK:
		break;
	case READFILE_ERRNO:
		log_sys("%s: read", what);
		break;
	case READFILE_NOT_REGULAR:
		log_err("%s: not a regular file", what);
		break;
	case READFILE_TOO_BIG:
		log_err("%s: larger than %zu bytes", what, max);
		break;
	}
}
