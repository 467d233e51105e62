/* init.c: PID 1.  Forks PROGRAM, reaps every zombie, forwards signals, and
 * exits with PROGRAM's status.  Returns the status minit exits with. */
#ifndef MINIT_INIT_H
#define MINIT_INIT_H

#include "minit.h"

/* Block signals and become a subreaper when not PID 1; before any stage
 * that could leave a child behind.  Notes our parent (cfg->parent, for -p).
 * -1 on failure (logged). */
int	init_prepare(struct minit_config *cfg);
/* Fork, harden and exec PROGRAM in the child, supervise it. */
int	init_supervise(struct minit_config *cfg);
/* --no-init: harden this process and exec PROGRAM in place.  Never
 * returns. */
_Noreturn void init_exec_in_place(const struct minit_config *cfg);

/* Pure helpers (unit-tested). */
int	init_status_to_exit(int wstatus);	/* 0..255, or 128+signal */

#endif
