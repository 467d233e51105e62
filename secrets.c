/* secrets.c: secrets delivered as files (see secrets.h).  Platforms hand
 * secrets over as files: Docker and Swarm in /run/secrets/NAME, Kubernetes
 * as a Secret volume (NAME -> ..data/NAME, ..data -> ..TIMESTAMP/), and
 * official images' entrypoints read NAME_FILE.  minit reads them as the
 * user it was started as, before any drop, with the env files' trust
 * checks, and never prints their content (names and paths go through
 * log_err, which escapes them). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <linux/openat2.h>

#include "envline.h"
#include "log.h"
#include "readfile.h"
#include "secretfile.h"
#include "secrets.h"

/* name below dfd, following symlinks only while they stay beneath dfd
 * and never through a /proc magic link (openat2, Linux 5.6). */
static int
open_beneath(int dfd, const char *name, const char *what)
{
	struct open_how how = {
		.flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY,
		.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS,
	};
	int fd = (int)syscall(SYS_openat2, dfd, name, &how, sizeof(how));

	if (fd >= 0)
		return fd;
	if (errno == EXDEV)
		log_err("%s: a symlink that leads out of its folder: refused", what);
	else if (errno == ELOOP)
		log_err("%s: a /proc magic link or a symlink loop: refused", what);
	else if (errno == ENOSYS)
		log_err("%s: openat2 unavailable (Linux < 5.6, or denied by seccomp): refused", what);
	else
		log_sys("%s", what);
	return -1;
}

int
secrets_open(const char *path, const char *what)
{
	char dir[PATH_MAX];
	const char *slash = strrchr(path, '/');
	size_t dlen = slash == NULL ? 0 :
	    slash == path ? 1 : (size_t)(slash - path);
	int dfd, fd;

	if (dlen >= sizeof(dir)) {
		log_err("%s: path too long", what);
		return -1;
	}
	if (slash == NULL)
		memcpy(dir, ".", 2);
	else {
		memcpy(dir, path, dlen);
		dir[dlen] = '\0';
	}
	dfd = open(dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (dfd == -1) {
		log_sys("%s", what);
		return -1;
	}
	fd = open_beneath(dfd, slash == NULL ? path : slash + 1, what);
	(void)close(dfd);
	return fd;
}

/* Owned by root or by whoever started minit, writable by nobody else, as
 * OpenSSH's StrictModes (P33). */
char *
secrets_read(int fd, const char *what, size_t *total, size_t *len)
{
	enum readfile_result r;
	struct stat st;
	char *buf;

	if (fstat(fd, &st) == -1) {
		log_sys("%s: fstat", what);
		return NULL;
	}
	if ((st.st_mode & (S_IWGRP | S_IWOTH)) != 0) {
		log_err("%s: writable by group or others (mode %04o): want 0600, 0400 or 0644",
		    what, (unsigned)(st.st_mode & 07777));
		return NULL;
	}
	if (st.st_uid != 0 && st.st_uid != getuid()) {
		log_err("%s: owned by uid %u: want root or uid %u",
		    what, (unsigned)st.st_uid, (unsigned)getuid());
		return NULL;
	}
	r = readfile_fd(fd, SECRET_FILE_MAX, READFILE_REGULAR, &buf, len);
	if (r != READFILE_OK) {
		readfile_log(r, what, SECRET_FILE_MAX);
		return NULL;
	}
	if (*len > SECRETS_TOTAL_MAX - *total) {
		log_err("%s: the secret files together are larger than %d bytes",
		    what, SECRETS_TOTAL_MAX);
		readfile_free(buf, *len);
		return NULL;
	}
	*total += *len;
	return buf;
}

/* NAME=content of the open fd into ev. */
static int
put_secret(struct envvec *ev, const char *name, int fd, const char *what,
    size_t *total)
{
	const char *why = "";
	size_t len;
	char *buf = secrets_read(fd, what, total, &len), *s;

	(void)close(fd);
	if (buf == NULL)
		return -1;
	s = secretfile_env_entry(name, buf, len, &why);
	readfile_free(buf, len);
	if (s == NULL) {
		log_err("%s: %s", what, why);
		return -1;
	}
	if (envvec_put(ev, s, strlen(name)) == -1) {
		envvec_wipe_str(s);
		log_sys("%s", what);
		return -1;
	}
	return 0;
}

/* One entry of a --secrets-dir: 1 added, 0 skipped, -1 refused (logged). */
static int
add_entry(struct envvec *ev, int dfd, const char *dir, const char *name,
    size_t *total)
{
	enum secret_entry kind = secretfile_entry_kind(name);
	char what[PATH_MAX + 300];
	int fd;

	if (kind == SECRET_ENTRY_SKIP)
		return 0;
	snprintf(what, sizeof(what), "secrets-dir: %s/%s", dir, name);
	if (kind == SECRET_ENTRY_BAD_NAME) {
		log_err("%s: not a variable name ([A-Za-z_][A-Za-z0-9_]*): refused",
		    what);
		return -1;
	}
	if (kind == SECRET_ENTRY_LOADER) {
		log_err("%s: %s", what, envline_error_str(ENV_LOADER));
		return -1;
	}
	fd = open_beneath(dfd, name, what);
	if (fd == -1 || put_secret(ev, name, fd, what, total) == -1)
		return -1;
	return 1;
}

static int
add_dir(struct envvec *ev, const char *dir, size_t *total, int *count)
{
	struct dirent *de;
	DIR *d;
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC), r = 0;

	if (fd == -1 || (d = fdopendir(fd)) == NULL) {
		log_sys("secrets-dir: %s", dir);
		if (fd != -1)
			(void)close(fd);
		return -1;
	}
	for (;;) {
		errno = 0;
		de = readdir(d);
		if (de == NULL) {
			if (errno != 0) {
				log_sys("secrets-dir: %s: readdir", dir);
				r = -1;
			}
			break;
		}
		r = add_entry(ev, dirfd(d), dir, de->d_name, total);
		if (r == -1)
			break;
		*count += r;
	}
	(void)closedir(d);
	return r == -1 ? -1 : 0;
}

/* --file-env NAME: NAME_FILE names the file (docker-library's convention). */
static int
add_file_env(struct envvec *ev, const char *name, size_t *total)
{
	char fname[160], what[PATH_MAX + 200];
	const char *path;
	int fd;

	snprintf(fname, sizeof(fname), "%s_FILE", name);	/* name: at most 128 */
	path = envvec_get(ev, fname);
	if (path == NULL)
		return 0;
	if (envvec_get(ev, name) != NULL) {
		log_err("file-env: %s and %s are both set: set only one", name, fname);
		return -1;
	}
	if (*path == '\0') {
		log_err("file-env: %s is empty", fname);
		return -1;
	}
	snprintf(what, sizeof(what), "file-env: %s=%s", fname, path);
	fd = secrets_open(path, what);
	if (fd == -1 || put_secret(ev, name, fd, what, total) == -1)
		return -1;
	envvec_del(ev, fname);
	return 0;
}

int
secrets_add(const struct minit_config *cfg, struct envvec *ev, size_t *total)
{
	for (size_t i = 0; i < cfg->nsecrets_dirs; i++) {
		int n = 0;

		if (add_dir(ev, cfg->secrets_dirs[i], total, &n) == -1)
			return -1;
		log_verbose(cfg, "secrets-dir: %s: %d variable(s)",
		    cfg->secrets_dirs[i], n);
	}
	for (size_t i = 0; i < cfg->nfile_envs; i++) {
		if (add_file_env(ev, cfg->file_envs[i], total) == -1)
			return -1;
	}
	return 0;
}
