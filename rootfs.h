/* rootfs.c: the read-only root check and the writable-mount audit. */
#ifndef MINIT_ROOTFS_H
#define MINIT_ROOTFS_H

#include "minit.h"

/* Before the fork: refuse a writable / (unless --allow-writable-root),
 * and with --require-noexec any writable mount that allows exec.
 * -1 on refusal (logged). */
int	rootfs_check(const struct minit_config *cfg);
/* In the child, as the app user: PROGRAM at path (as resolved there, and
 * then executed) must be on a read-only mount, and so must the folder
 * holding its name, unless --allow-writable-root.  -1 on refusal (logged). */
int	rootfs_check_program(const struct minit_config *cfg, const char *path);

#endif
