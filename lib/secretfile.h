/* secretfile.c: the rules for secrets delivered as files (--secrets-dir,
 * --file-env), without side effects so the unit tests and the fuzzer call
 * them directly.  Reading the files is secrets.c's. */
#ifndef MINIT_SECRETFILE_H
#define MINIT_SECRETFILE_H

#include <stddef.h>

/* Largest secret file, and all secret files together (the env files
 * included), in bytes (docs/secrets.md).  One file stays well below the
 * kernel's 128 KiB limit on one environment string. */
#define SECRET_FILE_MAX		(64 * 1024)
#define SECRETS_TOTAL_MAX	(1024 * 1024)

/* What an entry of a --secrets-dir is, by its name. */
enum secret_entry {
	SECRET_ENTRY_VAR,	/* a valid, allowed variable name: NAME=content */
	SECRET_ENTRY_SKIP,	/* a dot-entry: ".", "..", Kubernetes' "..data" */
	SECRET_ENTRY_BAD_NAME,	/* not [A-Za-z_][A-Za-z0-9_]*: refused */
	SECRET_ENTRY_LOADER,	/* LD_*, GCONV_PATH, GLIBC_TUNABLES: refused */
};

enum secret_entry secretfile_entry_kind(const char *name);

/* "NAME=content" in a new string: content is the len bytes of buf less its
 * trailing newlines (as the shell's $(<file)).  NULL with *why set when
 * content holds a NUL byte (no environment string can) or memory runs
 * out.  The caller wipes and frees it. */
char	*secretfile_env_entry(const char *name, const char *buf, size_t len,
	    const char **why);

#endif
