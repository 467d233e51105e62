/* arch/x86_64.c: x86_64 is the native ABI; the i386 (int $0x80) and x32
 * ABIs use other syscall numbers, so every filter kills them (P11, P12). */
#include <errno.h>
#include <seccomp.h>
#include <signal.h>

#include "arch.h"

/* Syscalls a Debian 12 libseccomp (2.5.4) or even 2.6.0 may not know yet. */
static const struct arch_syscall newer_syscalls[] = {
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

/* The i386 ABI through int $0x80 (P11): a filter written for x86_64
 * numbers must kill it (SIGSYS).  i386 getpid is 20.  A kernel without
 * ia32 emulation answers with SIGSEGV, which is as good. */
static int
probe_i386(void)
{
	long r;

	__asm__ volatile("int $0x80" : "=a"(r) : "a"(20L) : "memory");
	if (r > 0)
		return 0;
	errno = r < 0 && r > -4096 ? (int)-r : EINVAL;
	return -1;
}

const struct arch_desc arch_native = {
	.name = "x86_64",
	.scmp_arch = SCMP_ARCH_X86_64,
	.oci_arch = "SCMP_ARCH_X86_64",
	.go_arch = "amd64",
	.killed_abis = "i386 int 0x80, x32",
	.newer_syscalls = newer_syscalls,
	.probe_id = "probe.i386_abi",
	.probe_what = "getpid via the i386 ABI (int $0x80)",
	.probe = probe_i386,
	.probe_signal = SIGSEGV,
};
