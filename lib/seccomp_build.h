/* seccomp_build.c: a parsed profile as a libseccomp filter.  Shared by
 * minit (profile files, in the child) and by the build-time generator of
 * the builtin filters (build-aux/bpfgen.c), so the two can never build a
 * profile differently. */
#ifndef MINIT_SECCOMP_BUILD_H
#define MINIT_SECCOMP_BUILD_H

#include <seccomp.h>
#include <stdint.h>

#include "profile.h"

/* The libseccomp action of a concrete profile action. */
uint32_t	seccomp_build_action(struct prof_action a);
/* A filter context for p under that deny action: native x86_64 only,
 * BADARCH kill, OPTIMIZE 2 (binary tree).  Load-time flags (TSYNC,
 * SYSRAWRC) are the loader's business.  NULL on error (logged, label
 * names the profile). */
scmp_filter_ctx	seccomp_build_filter(const struct profile *p, int deny,
		    const char *label);

/* What the child still calls after PROGRAM's filter is loaded (child.c:
 * read the go byte, write a failure report, drop its own pending SIGPIPE,
 * unblock signals, exec, exit).  A profile that denies one is refused: at
 * build time for the builtins (bpfgen), at start-up for profile files. */
extern const char *const seccomp_child_needs[];

#endif
