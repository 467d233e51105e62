/* seccomp.c: the syscall filters, through libseccomp. */
#ifndef MINIT_SECCOMP_H
#define MINIT_SECCOMP_H

#include "minit.h"

/* Before the fork: read a profile file into cfg->seccomp_text (PID 1
 * frees it after the fork: init_supervise) and check that cfg->seccomp_profile
 * parses, so a bad profile is refused before anything runs.  -1 on error
 * (logged). */
int	seccomp_prepare(struct minit_config *cfg);
/* --seccomp-print PROFILE: print its resolved rules; exit status. */
int	seccomp_print(const struct minit_config *cfg);
/* In the child, last step before exec: load PROGRAM's filter. */
int	seccomp_apply(const struct minit_config *cfg);
/* In PID 1, after privdrop_pid1: load PID 1's own allow-list. */
int	seccomp_pid1(const struct minit_config *cfg);

#endif
