/* cwd.c: refuse a working directory outside the container's root.
 *
 * PROGRAM inherits minit's working directory.  A runtime that leaks a
 * directory of the host (runc's CVE-2024-21626: a leaked fd, then fchdir)
 * or a chroot without chdir would hand PROGRAM a cwd from which "../.."
 * walks out of the container's root.  The kernel says so itself: getcwd(2)
 * cannot name a directory that is not below the root (Linux then returns a
 * path starting "(unreachable)", or ENOENT), and a path it does return must
 * lead from / to the same directory.  Both are checked; anything else is a
 * refusal before anything runs (P23). */
#include <errno.h>
#include <limits.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cwd.h"
#include "log.h"

int
cwd_check(const struct minit_config *cfg)
{
	char path[PATH_MAX];
	const char *why = NULL;
	struct stat here, there;

	if (stat(".", &here) == -1) {
		log_sys("cwd: the working directory");
		return -1;
	}
	/* musl gives ENOENT for an unreachable cwd, the raw syscall a path
	 * that does not start with '/'; a deleted cwd is ENOENT too */
	if (getcwd(path, sizeof(path)) == NULL || path[0] != '/')
		why = "not below /";
	else if (stat(path, &there) == -1 || there.st_dev != here.st_dev ||
	    there.st_ino != here.st_ino)
		why = "another directory";
	if (why != NULL) {
		log_err("cwd: the working directory is outside the container's "
		    "root (%s): start minit inside it (CVE-2024-21626)", why);
		return -1;
	}
	log_verbose(cfg, "cwd: %s", path);
	return 0;
}
