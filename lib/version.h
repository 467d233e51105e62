/* lib/version.c: what `minit -V` prints. */
#ifndef MINIT_VERSION_H
#define MINIT_VERSION_H

/* minit's version, git revision, target architecture and the versions of
 * the C library, libseccomp and libcap-ng linked in, one "name value" line
 * each, on stdout. */
void	version_print(void);

#endif
