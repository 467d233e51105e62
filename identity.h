/* identity.c: who PROGRAM runs as, resolved before the fork. */
#ifndef MINIT_IDENTITY_H
#define MINIT_IDENTITY_H

#include "minit.h"

/* Refuse a setuid/file-capability minit (P41), resolve cfg->user against
 * /etc/passwd and /etc/group into cfg->id, apply the --allow-root rule and
 * check minit holds what the drop and --cap need.  -1 on refusal (logged). */
int	identity_resolve(struct minit_config *cfg);

#endif
