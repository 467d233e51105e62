/* envfile.c: PROGRAM's environment.  Env files hold secrets (the seed's
 * "secrets manager" file), so they are read before the drop, checked like
 * OpenSSH's StrictModes, never logged, and wiped once copied (P33, P34).
 * Secrets delivered as files (--secrets-dir, --file-env) come next
 * (secrets.c), then the defaults. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "envfile.h"
#include "envline.h"
#include "envvec.h"
#include "log.h"
#include "readfile.h"
#include "secrets.h"

static int
entry_cb(void *ctx, const char *entry, size_t len, size_t keylen)
{
	char *s = strndup(entry, len);

	if (s == NULL)
		return -1;
	if (envvec_put(ctx, s, keylen) == -1) {
		envvec_wipe_str(s);
		return -1;
	}
	return 0;
}

/* Opened as secrets are: a symlink is followed only while it stays in the
 * file's folder (a Kubernetes Secret volume), else refused. */
static int
add_file(struct envvec *ev, const char *path, size_t *total)
{
	enum env_error e;
	size_t len, line;
	char what[PATH_MAX + 16], *buf;
	int fd;

	snprintf(what, sizeof(what), "env-file: %s", path);
	fd = secrets_open(path, what);
	if (fd == -1)
		return -1;
	buf = secrets_read(fd, what, total, &len);
	(void)close(fd);
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
add_default(struct envvec *ev, const char *name, const char *value)
{
	size_t klen = strlen(name);
	char *s;

	if (envvec_get(ev, name) != NULL)
		return 0;
	if (asprintf(&s, "%s=%s", name, value) == -1)
		return -1;
	if (envvec_put(ev, s, klen) == -1) {
		free(s);
		return -1;
	}
	return 0;
}

int
envfile_build(struct minit_config *cfg)
{
	struct envvec ev = { 0 };
	size_t total = 0;	/* bytes of every secret file read */

	for (char **e = environ; e != NULL && *e != NULL; e++) {
		const char *eq = strchr(*e, '=');

		if (eq != NULL && envvec_put(&ev, *e, (size_t)(eq - *e)) == -1)
			goto oom;
	}
	for (size_t i = 0; i < cfg->nenv_files; i++) {
		if (add_file(&ev, cfg->env_files[i], &total) == -1)
			goto refused;
		log_verbose(cfg, "env-file: %s: read", cfg->env_files[i]);
	}
	if (secrets_add(cfg, &ev, &total) == -1)
		goto refused;
	/* HOME, USER, LOGNAME: what the runtime (or a file) set is kept */
	if (add_default(&ev, "HOME", cfg->id.home[0] != '\0' ? cfg->id.home : "/") == -1 ||
	    (cfg->id.name[0] != '\0' &&
	    (add_default(&ev, "USER", cfg->id.name) == -1 ||
	    add_default(&ev, "LOGNAME", cfg->id.name) == -1)))
		goto oom;
	cfg->envp = ev.v;
	return 0;
oom:
	log_sys("env: building the environment");
refused:
	envvec_free(&ev);	/* nothing half-applied: PROGRAM does not start */
	return -1;
}

void
envfile_wipe(struct minit_config *cfg)
{
	struct envvec ev = { .v = cfg->envp };

	while (ev.v != NULL && ev.v[ev.n] != NULL)
		ev.n++;
	envvec_free(&ev);	/* wiped, and the heap given back */
	cfg->envp = NULL;
}
