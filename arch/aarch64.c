/* arch/aarch64.c: aarch64 is the native ABI.  A kernel built with
 * CONFIG_COMPAT (Debian's is) also runs 32-bit arm programs, whose syscalls
 * carry AUDIT_ARCH_ARM and other numbers: every filter kills them (BADARCH),
 * as x86_64's kill i386 and x32.  aarch64 has no open, no arch_prctl and no
 * x86 port calls: a group name the ABI lacks is skipped when it expands
 * (lib/profile.c), so the groups are shared. */
#include <seccomp.h>
#include <stddef.h>

#include "arch.h"

/* No --audit probe of the second ABI: a 64-bit process cannot make a
 * 32-bit arm syscall, only a 32-bit program can.  tests/vm/smoke.sh runs
 * one (tests/vm/arm32.py) under minit and checks it is killed. */
const struct arch_desc arch_native = {
	.name = "aarch64",
	.scmp_arch = SCMP_ARCH_AARCH64,
	.oci_arch = "SCMP_ARCH_AARCH64",
	.go_arch = "arm64",
	.killed_abis = "32-bit arm (compat)",
	.newer_syscalls = arch_unified_syscalls,
	.probe_id = NULL,
	.probe_what = NULL,
	.probe = NULL,
	.probe_signal = 0,
};
