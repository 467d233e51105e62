/* readfile.c: bounded whole-file reads for the env files and the account
 * files.  Checked on the open fd, so there is no window between check and
 * read. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "log.h"
#include "readfile.h"

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

char *
read_regular(int fd, const char *what, size_t max, size_t *len)
{
	struct stat st;
	size_t cap, got = 0;
	ssize_t n;
	char *buf;

	if (fstat(fd, &st) == -1) {
		log_sys("%s: fstat", what);
		return NULL;
	}
	/* a FIFO or a device would block or read as empty */
	if (!S_ISREG(st.st_mode)) {
		log_err("%s: not a regular file", what);
		return NULL;
	}
	if (st.st_size < 0 || (unsigned long long)st.st_size > max) {
		log_err("%s: larger than %zu bytes", what, max);
		return NULL;
	}
	cap = (size_t)st.st_size + 1;	/* one byte more, to see it grow */
	buf = malloc(cap);
	while (buf != NULL && (n = read(fd, buf + got, cap - got)) > 0) {
		got += (size_t)n;
		if (got == cap) {
			if (cap == max + 1)
				break;		/* over the limit */
			buf = grow(buf, got, cap, max + 1);
			cap = max + 1;
		}
	}
	if (buf == NULL) {
		log_sys("%s", what);
		return NULL;
	}
	if (n == -1 || got > max) {
		if (n == -1)
			log_sys("%s: read", what);
		else
			log_err("%s: larger than %zu bytes", what, max);
		explicit_bzero(buf, cap);
		free(buf);
		return NULL;
	}
	*len = got;
	return buf;
}
