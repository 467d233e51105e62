/* child.c: what runs between fork and exec, in this order (docs/security.md, "Order of operations"):
 * signals restored, new session and tty, fds closed, identity and
 * capabilities, no_new_privs, verification, PROGRAM resolved, seccomp last,
 * exec.  Never returns: on failure it _exits with 125, 126 or 127. */
#ifndef MINIT_CHILD_H
#define MINIT_CHILD_H

#include "minit.h"

/* What the child writes to the status pipe when it cannot exec PROGRAM. */
struct child_report {
	int	code;		/* 125, 126 or 127: the exit code */
	int	err;		/* errno of the failed step; 0 if none */
};

/* status_fd: where to report a failure (the parent prints exec errors);
 * go_fd: PID 1 writes one byte there once it has dropped its own privileges,
 * so PROGRAM never runs beside a privileged PID 1.  Both -1 for --no-init. */
_Noreturn void child_run(const struct minit_config *cfg, int status_fd,
	    int go_fd);

#endif
