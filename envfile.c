/* envfile.c: PROGRAM's environment.  Env files hold secrets (the seed's
 * "secrets manager" file), so they are read before the drop, checked like
 * OpenSSH's StrictModes, never logged, and wiped once copied (P33, P34). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "envfile.h"
#include "envline.h"
#include "log.h"
#include "readfile.h"

struct envv {
	char	**v;
	size_t	 n, cap;
};

static void
wipe_str(char *s)
{
	explicit_bzero(s, strlen(s));
	free(s);
}

static int
in_environ(const char *s)
{
	for (char **e = environ; e != NULL && *e != NULL; e++)
		if (*e == s)
			return 1;
	return 0;
}

static void
envv_free(struct envv *ev)
{
	for (size_t i = 0; i < ev->n; i++)
		if (!in_environ(ev->v[i]))
			wipe_str(ev->v[i]);
	free(ev->v);
	ev->v = NULL;
	ev->n = ev->cap = 0;
}

/* Index of the entry whose name is the keylen bytes of key, or -1. */
static long
envv_find(const struct envv *ev, const char *key, size_t keylen)
{
	for (size_t i = 0; i < ev->n; i++)
		if (strncmp(ev->v[i], key, keylen) == 0 &&
		    ev->v[i][keylen] == '=')
			return (long)i;
	return -1;
}

/* Add s (owned); an entry of the same name is replaced: later wins. */
static int
envv_put(struct envv *ev, char *s, size_t keylen)
{
	long i = envv_find(ev, s, keylen);

	if (i >= 0) {
		if (!in_environ(ev->v[i]))
			wipe_str(ev->v[i]);
		ev->v[i] = s;
		return 0;
	}
	if (ev->n + 1 >= ev->cap) {
		size_t cap = ev->cap == 0 ? 64 : ev->cap * 2;
		char **v = realloc(ev->v, cap * sizeof(*v));

		if (v == NULL)
			return -1;
		ev->v = v;
		ev->cap = cap;
	}
	ev->v[ev->n++] = s;
	ev->v[ev->n] = NULL;
	return 0;
}

static int
entry_cb(void *ctx, const char *entry, size_t len, size_t keylen)
{
	char *s = strndup(entry, len);

	if (s == NULL)
		return -1;
	if (envv_put(ctx, s, keylen) == -1) {
		wipe_str(s);
		return -1;
	}
	return 0;
}

/* Open before the drop: O_NOFOLLOW (a symlink could point anywhere root
 * may read), O_NONBLOCK (a FIFO must not hang the start).  Owned by root or
 * by whoever started minit, writable by nobody else, at most
 * ENVFILE_MAX_SIZE (P33). */
static char *
read_checked(const char *path, size_t *len)
{
	struct stat st;
	char what[PATH_MAX + 16], *buf = NULL;
	int fd;

	fd = readfile_open(path, READFILE_NOFOLLOW);
	if (fd == -1) {
		log_sys("env-file: %s", path);
		return NULL;
	}
	snprintf(what, sizeof(what), "env-file: %s", path);
	if (fstat(fd, &st) == -1)
		log_sys("%s: fstat", what);
	else if ((st.st_mode & (S_IWGRP | S_IWOTH)) != 0)
		log_err("%s: writable by group or others (mode %04o): want 0600 or 0400",
		    what, (unsigned)(st.st_mode & 07777));
	else if (st.st_uid != 0 && st.st_uid != getuid())
		log_err("%s: owned by uid %u: want root or uid %u",
		    what, (unsigned)st.st_uid, (unsigned)getuid());
	else
		readfile_log(readfile_fd(fd, ENVFILE_MAX_SIZE, READFILE_REGULAR,
		    &buf, len), what, ENVFILE_MAX_SIZE);
	(void)close(fd);
	return buf;
}

static int
add_file(struct envv *ev, const char *path)
{
	enum env_error e;
	size_t len, line;
	char *buf = read_checked(path, &len);

	if (buf == NULL)
		return -1;
	e = envline_parse(buf, len, entry_cb, ev, &line);
	readfile_free(buf, len);
	if (e != ENV_OK) {
		/* the line number and why, never the line: it may be a
		 * secret */
		log_err("env-file: %s: line %zu: %s", path, line, envline_error_str(e));
		return -1;
	}
	return 0;
}

/* NAME=value unless NAME is set already. */
static int
add_default(struct envv *ev, const char *name, const char *value)
{
	size_t klen = strlen(name);
	char *s;

	if (envv_find(ev, name, klen) >= 0)
		return 0;
	if (asprintf(&s, "%s=%s", name, value) == -1)
		return -1;
	if (envv_put(ev, s, klen) == -1) {
		free(s);
		return -1;
	}
	return 0;
}

int
envfile_build(struct minit_config *cfg)
{
	struct envv ev = { 0 };

	for (char **e = environ; e != NULL && *e != NULL; e++) {
		const char *eq = strchr(*e, '=');

		if (eq != NULL && envv_put(&ev, *e, (size_t)(eq - *e)) == -1)
			goto oom;
	}
	for (size_t i = 0; i < cfg->nenv_files; i++) {
		if (add_file(&ev, cfg->env_files[i]) == -1) {
			envv_free(&ev);
			return -1;
		}
		log_verbose(cfg, "env-file: %s: read", cfg->env_files[i]);
	}
	if (add_default(&ev, "HOME", cfg->id.home[0] != '\0' ? cfg->id.home : "/") == -1 ||
	    (cfg->id.name[0] != '\0' &&
	    (add_default(&ev, "USER", cfg->id.name) == -1 ||
	    add_default(&ev, "LOGNAME", cfg->id.name) == -1)))
		goto oom;
	cfg->envp = ev.v;
	return 0;
oom:
	log_sys("env: building the environment");
	envv_free(&ev);
	return -1;
}

void
envfile_wipe(const struct minit_config *cfg)
{
	for (char **e = cfg->envp; e != NULL && *e != NULL; e++)
		if (!in_environ(*e))
			explicit_bzero(*e, strlen(*e));
}
