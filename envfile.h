/* envfile.c: PROGRAM's environment: minit's own, then --env-file entries
 * and file secrets (read while still privileged), then HOME, USER,
 * LOGNAME if unset. */
#ifndef MINIT_ENVFILE_H
#define MINIT_ENVFILE_H

#include "minit.h"

/* Build cfg->envp.  Call after identity_resolve.  -1 on refusal (logged). */
int	envfile_build(struct minit_config *cfg);

/* In PID 1 after the fork: wipe and free the strings envfile_build added
 * (secrets from the env files) and the vector; PROGRAM has its own copy.
 * cfg->envp is NULL after. */
void	envfile_wipe(struct minit_config *cfg);

#endif
