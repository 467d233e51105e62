/* seccomp_guard.c: small filters stacked on PROGRAM's own, whatever its
 * profile: they close holes no profile should have to know about. */
#ifndef MINIT_SECCOMP_GUARD_H
#define MINIT_SECCOMP_GUARD_H

#include <sys/types.h>

/* In the child: refuse, with EPERM, every call that would change the
 * limits or scheduling of minit (pid) or its process group (pgid), or of
 * all of a user's processes (issue 14.1).  -1 on error (logged). */
int	seccomp_guard_pid1(pid_t pid, pid_t pgid);
/* In the child: refuse, with EPERM, memfd_create without MFD_NOEXEC_SEAL,
 * so that no memory file can be executed (issue 14.10).  -1 on error. */
int	seccomp_guard_memfd(void);

#endif
