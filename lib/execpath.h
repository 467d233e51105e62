/* execpath.c: find PROGRAM the way execvp would, but safely (P36): only
 * absolute PATH elements, the child's PATH, no /bin/sh fallback. */
#ifndef MINIT_EXECPATH_H
#define MINIT_EXECPATH_H

#include <stddef.h>

#define MINIT_DEFAULT_PATH \
	"/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

/* The PATH value in envp, or MINIT_DEFAULT_PATH when there is none. */
const char *execpath_from_env(char *const envp[]);

/* Resolve name into buf.  A name with a slash is used as it is.  Otherwise
 * each absolute element of path is tried in turn; relative and empty ones
 * are skipped.  Returns 0, or an errno: ENOENT (nowhere), EACCES (found
 * but not executable anywhere), ENAMETOOLONG. */
int	execpath_resolve(const char *name, const char *path, char *buf,
	    size_t size);

#endif
