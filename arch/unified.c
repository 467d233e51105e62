/* arch/unified.c: syscalls a Debian 12 libseccomp (2.5.4) or even 2.6.0
 * may not know yet.  Since Linux 5.1 (number 424) every architecture gives
 * a new syscall the same number, so one table serves every arch/NAME.c. */
#include <stddef.h>

#include "arch.h"

const struct arch_syscall arch_unified_syscalls[] = {
	{ "process_mrelease", 448 }, { "futex_waitv", 449 },
	{ "set_mempolicy_home_node", 450 }, { "cachestat", 451 },
	{ "fchmodat2", 452 }, { "map_shadow_stack", 453 },
	{ "futex_wake", 454 }, { "futex_wait", 455 }, { "futex_requeue", 456 },
	{ "statmount", 457 }, { "listmount", 458 },
	{ "lsm_get_self_attr", 459 }, { "lsm_set_self_attr", 460 },
	{ "lsm_list_modules", 461 }, { "mseal", 462 }, { "setxattrat", 463 },
	{ "getxattrat", 464 }, { "listxattrat", 465 }, { "removexattrat", 466 },
	{ "open_tree_attr", 467 }, { "file_getattr", 468 },
	{ "file_setattr", 469 }, { NULL, 0 },
};
