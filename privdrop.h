/* privdrop.c: who PROGRAM runs as and what it may keep. */
#ifndef MINIT_PRIVDROP_H
#define MINIT_PRIVDROP_H

#include "minit.h"

/* Before the fork: refuse a setuid/file-capability minit (P41), resolve
 * cfg->user against /etc/passwd and /etc/group into cfg->id, and apply the
 * --allow-root rule.  -1 on refusal (logged). */
int	privdrop_resolve(struct minit_config *cfg);

/* In the child: groups, gid, uid, capabilities (bounding and ambient too),
 * no_new_privs; then verify the result independently.  -1 on failure. */
int	privdrop_apply(const struct minit_config *cfg);

/* In PID 1 after the fork: take PROGRAM's uid and gid, drop every
 * capability, no_new_privs, not dumpable.  -1 on failure. */
int	privdrop_pid1(const struct minit_config *cfg);

#endif
