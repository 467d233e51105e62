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
/* A filter context for a finished profile (profile_finish): the native
 * ABI only (arch/), BADARCH kill, OPTIMIZE 2 (binary tree).  Load-time
 * flags (TSYNC, SYSRAWRC) are the loader's business.  NULL on error
 * (logged, label names the profile). */
scmp_filter_ctx	seccomp_build_filter(const struct prof_filter *f,
		    const char *label);

#endif
