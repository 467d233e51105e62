/* The builtin profiles as BPF, compiled at build time by libseccomp
 * (build-aux/bpfgen.c writes build/gen/seccomp_builtin.c), so neither PID 1
 * nor the child builds them at run time. */
#ifndef MINIT_SECCOMP_BUILTIN_H
#define MINIT_SECCOMP_BUILTIN_H

#include <linux/filter.h>
#include <stdbool.h>

/* One instruction that differs from the base program. */
struct builtin_patch {
	unsigned short		 at;
	struct sock_filter	 insn;
};

struct builtin_bpf {
	const char		*name;		/* "default", "strict", "pid1" */
	int			 deny;		/* enum seccomp_action */
	bool			 allows_prctl;	/* can read back PR_GET_SECCOMP */
	unsigned short		 len;		/* instructions */
	const struct sock_filter *insns;
	/* npatch > 0: the program is insns with these instructions replaced
	 * (a variant that libseccomp built with the same layout as another
	 * one, e.g. --seccomp-action log against errno: only the deny
	 * returns differ); stored so to keep the binary small */
	unsigned short		 npatch;
	const struct builtin_patch *patch;
};

/* The program of b into out (b->len instructions). */
static inline void
builtin_bpf_copy(const struct builtin_bpf *b, struct sock_filter *out)
{
	for (unsigned i = 0; i < b->len; i++)
		out[i] = b->insns[i];
	for (unsigned i = 0; i < b->npatch; i++)
		out[b->patch[i].at] = b->patch[i].insn;
}

/* Ends with a NULL name.  Weak: a program linking minit's objects without
 * the generated file (the fuzz targets) sees NULL and builds the builtin
 * profiles with libseccomp at run time, as it does profile files. */
extern const struct builtin_bpf minit_builtin_bpf[] __attribute__((weak));

/* seccomp.c: the entry of a builtin under that deny action, or NULL. */
const struct builtin_bpf *seccomp_builtin_find(const char *name, int deny);
/* seccomp.c: load a program with seccomp(2), no_new_privs first, every
 * thread (TSYNC).  -1 on error (logged, label names it). */
int	seccomp_load_prog(const struct sock_filter *insns, unsigned short len,
	    const char *label);

#endif
