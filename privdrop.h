/* privdrop.c: the drop of identity and capabilities (identity.c resolved
 * them before the fork). */
#ifndef MINIT_PRIVDROP_H
#define MINIT_PRIVDROP_H

#include "minit.h"

/* In the child: groups, gid, uid, capabilities (bounding and ambient too),
 * no_new_privs; then verify the result independently.  -1 on failure. */
int	privdrop_apply(const struct minit_config *cfg);

/* Before the fork: the bounding set down to what PROGRAM keeps, inherited
 * by both processes; a head start only (each still drops and verifies its
 * own), so it reports nothing. */
void	privdrop_bounding_early(const struct minit_config *cfg);

/* In PID 1 after the fork: take PROGRAM's uid and gid, drop every
 * capability, no_new_privs, not dumpable.  -1 on failure. */
int	privdrop_pid1(const struct minit_config *cfg);

#endif
