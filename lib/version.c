/* lib/version.c: `minit -V`.  Static linking hides the C library,
 * libseccomp and libcap-ng from image scanners, so the binary says which
 * versions it holds.
 * The Makefile passes them from build-aux/pins (or from pkg-config for a
 * DEPS=pkg-config link) and writes the git revision into buildinfo.h. */
#include <seccomp.h>
#include <stdio.h>

#include "arch.h"
#include "buildinfo.h"
#include "minit.h"
#include "version.h"
#ifndef MINIT_CAPNG_VERSION
#define MINIT_CAPNG_VERSION "unknown"
#endif
#ifndef MINIT_MUSL_VERSION
#define MINIT_MUSL_VERSION "unknown"
#endif

void
version_print(void)
{
	/* libseccomp tells its own version; libcap-ng and musl cannot */
	const struct scmp_version *v = seccomp_version();

	printf("minit %s\n", MINIT_VERSION);
	printf("revision %s\n", MINIT_REVISION);
	printf("arch %s\n", arch_native.name);
#if defined(__GLIBC__)
	printf("glibc %d.%d\n", __GLIBC__, __GLIBC_MINOR__);	/* make dev */
#else
	printf("musl %s\n", MINIT_MUSL_VERSION);
#endif
	printf("libseccomp %u.%u.%u\n", v->major, v->minor, v->micro);
	printf("libcap-ng %s\n", MINIT_CAPNG_VERSION);
}
