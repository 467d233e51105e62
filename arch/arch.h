/* arch/: what differs between CPU architectures, behind this one interface.
 * One file per architecture, arch/<name>.c (the Makefile compiles
 * arch/$(ARCH).c); a second architecture is a new file, never an #if in
 * the stages or in lib/.  Syscall groups (lib/profile_groups.c) stay shared:
 * a name the native ABI does not have is skipped when a group expands. */
#ifndef MINIT_ARCH_H
#define MINIT_ARCH_H

#include <stdint.h>

/* A native syscall number libseccomp may not know yet. */
struct arch_syscall {
	const char	*name;
	int		 nr;
};

struct arch_desc {
	const char	*name;		/* "x86_64", in messages */
	uint32_t	 scmp_arch;	/* libseccomp's token of the native ABI:
					 * every filter allows it alone */
	const char	*oci_arch;	/* the native ABI in OCI/Docker JSON:
					 * "SCMP_ARCH_X86_64" */
	const char	*go_arch;	/* and in Docker's "arches" (Go's
					 * GOARCH): "amd64" */
	const char	*killed_abis;	/* the other ABIs the filter kills
					 * (BADARCH), for --seccomp-print */
	/* Ends with a NULL name: numbers are ABI and never change. */
	const struct arch_syscall *newer_syscalls;
	/* --audit's probe of a second ABI (id "probe.<probe_id>"); NULL
	 * probe_id: the architecture has none.  The probe makes one syscall
	 * through that ABI: 0 when it ran, -1 with errno when refused.
	 * probe_signal: a death by this signal is as good as SIGSYS. */
	const char	*probe_id;
	const char	*probe_what;
	int		 (*probe)(void);
	int		 probe_signal;
};

/* The architecture minit is built for. */
extern const struct arch_desc arch_native;

#endif
