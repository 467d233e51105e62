/* The builtin profiles as BPF, compiled at build time by libseccomp
 * (build-aux/bpfgen.c writes build/gen/seccomp_builtin.c), so neither PID 1
 * nor the child builds them at run time. */
#ifndef MINIT_SECCOMP_BUILTIN_H
#define MINIT_SECCOMP_BUILTIN_H

#include <linux/filter.h>
#include <stdbool.h>

struct builtin_bpf {
	const char		*name;		/* "default", "strict", "pid1" */
	int			 deny;		/* enum seccomp_action */
	bool			 allows_prctl;	/* can read back PR_GET_SECCOMP */
	unsigned short		 len;		/* instructions */
	const struct sock_filter *insns;
};

/* Ends with a NULL name.  Weak: a program linking minit's objects without
 * the generated file (the fuzz targets) sees NULL and builds the builtin
 * profiles with libseccomp at run time, as it does profile files. */
extern const struct builtin_bpf minit_builtin_bpf[] __attribute__((weak));

#endif
