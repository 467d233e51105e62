/* cwd.c: the working directory minit was started in must lie inside the
 * container's root (P23, CVE-2024-21626). */
#ifndef MINIT_CWD_H
#define MINIT_CWD_H

#include "minit.h"

/* Before anything runs: refuse a working directory that cannot be reached
 * from / (a directory of the host leaked in by the runtime, a chroot
 * without chdir).  -1 on refusal (logged). */
int	cwd_check(const struct minit_config *cfg);

#endif
