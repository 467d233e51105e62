/* secrets.c: secrets delivered as files, read while minit still holds
 * its privileges: --secrets-dir, --file-env, and the opening and trust
 * checks the env files share (docs/secrets.md). */
#ifndef MINIT_SECRETS_H
#define MINIT_SECRETS_H

#include "envvec.h"
#include "minit.h"

/* Open path to read it as a secret.  Symlinks in its last part are
 * followed only while they stay beneath path's own folder (the Kubernetes
 * Secret volume layout: NAME -> ..data/NAME), never through /proc's magic
 * links.  what prefixes the error.  -1 on refusal (logged). */
int	secrets_open(const char *path, const char *what);

/* All of fd, a file secrets_open opened: regular, owned by root or by the
 * uid minit started as, writable by nobody else, at most SECRET_FILE_MAX
 * bytes and at most what *total leaves of SECRETS_TOTAL_MAX (then added
 * to *total).  NULL on refusal (logged). */
char	*secrets_read(int fd, const char *what, size_t *total, size_t *len);

/* After the env files: every --secrets-dir, then every --file-env, into
 * ev.  -1 on refusal (logged); the caller then drops ev whole, so PROGRAM
 * never starts with part of its secrets. */
int	secrets_add(const struct minit_config *cfg, struct envvec *ev,
	    size_t *total);

#endif
