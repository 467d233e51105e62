/* readfile.c: the whole of a small regular file, from an open fd. */
#ifndef MINIT_READFILE_H
#define MINIT_READFILE_H

#include <stddef.h>

/* Read fd (already open, O_NONBLOCK) to EOF: it must be a regular file of
 * at most max bytes, also if it grows while read.  The buffer is sized from
 * fstat, so a small file costs a small malloc, and any buffer given up is
 * wiped first (env files hold secrets).  what prefixes the one-line error
 * ("env-file: /run/app.env").  NULL on refusal (logged). */
char	*read_regular(int fd, const char *what, size_t max, size_t *len);

#endif
