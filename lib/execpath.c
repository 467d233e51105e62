/* execpath.c: PROGRAM lookup in PATH (P36).  Unlike execvp: the child's PATH
 * (from PROGRAM's environment, not minit's), absolute elements only (an empty
 * or relative element would mean the current directory), and no retry
 * through /bin/sh for a file without #!. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "execpath.h"

const char *
execpath_from_env(char *const envp[])
{
	for (size_t i = 0; envp != NULL && envp[i] != NULL; i++)
		if (strncmp(envp[i], "PATH=", 5) == 0)
			return envp[i] + 5;
	return MINIT_DEFAULT_PATH;
}

int
execpath_resolve(const char *name, const char *path, char *buf, size_t size)
{
	int err = ENOENT;
	size_t nlen = strlen(name);

	if (nlen == 0)
		return ENOENT;
	if (strchr(name, '/') != NULL) {
		if (nlen >= size)
			return ENAMETOOLONG;
		memcpy(buf, name, nlen + 1);
		return 0;
	}
	while (*path != '\0') {
		const char *end = strchrnul(path, ':');
		size_t dlen = (size_t)(end - path);
		struct stat st;

		if (dlen > 0 && path[0] == '/') {
			if (dlen + 1 + nlen >= size) {
				err = ENAMETOOLONG;
			} else {
				memcpy(buf, path, dlen);
				buf[dlen] = '/';
				memcpy(buf + dlen + 1, name, nlen + 1);
				if (stat(buf, &st) == 0 &&
				    S_ISREG(st.st_mode)) {
					if (access(buf, X_OK) == 0)
						return 0;
					err = EACCES;
				}
			}
		}
		path = *end == ':' ? end + 1 : end;
	}
	return err;
}
