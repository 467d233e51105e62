/* landlock.c: --landlock, the kernel's own "exec only from the read-only
 * image, write only beneath --writable" for PROGRAM (docs/landlock.md). */
#ifndef MINIT_LANDLOCK_H
#define MINIT_LANDLOCK_H

#include <stddef.h>
#include <stdint.h>

#include "minit.h"

/* In the child, after the identity drop and no_new_privs, before seccomp:
 * check --writable, build the ruleset for PROGRAM (resolved path, or NULL in
 * --audit without one) and enforce it on this process.  Nothing without
 * --landlock.  0, or -1 after one line on stderr: refuse (exit 125). */
int	landlock_apply(const struct minit_config *cfg, const char *program);

/* What the running kernel offers, for --audit.  Names are static strings. */
struct landlock_report {
	int		 abi;		/* the kernel's ABI; -1: none (see err) */
	int		 err;		/* errno of the ABI query when abi is -1 */
	int		 errata;	/* the kernel's errata bits; -1: unknown */
	int		 used_abi;	/* the ABI whose rights minit asks for */
	const char	*handled[24];	/* rights and scopes a ruleset handles here */
	size_t		 nhandled;
	const char	*missing[24];	/* those of the ABIs minit knows that this */
	size_t		 nmissing;	/* kernel lacks: not enforced here */
};
void	landlock_report(const struct minit_config *cfg,
	    struct landlock_report *r);

#endif
