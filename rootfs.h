/* rootfs.c: the read-only root check and the writable-mount audit. */
#ifndef MINIT_ROOTFS_H
#define MINIT_ROOTFS_H

#include "minit.h"

/* Before the fork: refuse a writable / (unless --allow-writable-root), a
 * PROGRAM on a writable mount, and with --require-noexec any writable mount
 * that allows exec.  PROGRAM is looked up in PATH as the child will.
 * -1 on refusal (logged). */
int	rootfs_check(const struct minit_config *cfg);

#endif
