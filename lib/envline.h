/* envline.c: the --env-file format, parsed without side effects so the unit
 * tests and the fuzzer call it directly.  Lines are KEY=VALUE, blank, or
 * '#' comments; leading blanks are skipped; there is no quoting and no
 * expansion: VALUE is every byte after the first '=' up to the newline. */
#ifndef MINIT_ENVLINE_H
#define MINIT_ENVLINE_H

#include <stddef.h>

enum env_error {
	ENV_OK = 0,
	ENV_NO_EQUALS,		/* no '=' */
	ENV_BAD_NAME,		/* KEY is not [A-Za-z_][A-Za-z0-9_]* */
	ENV_NUL,		/* a NUL byte */
	ENV_CR,			/* a carriage return (CRLF file) */
	ENV_LOADER,		/* a dynamic-loader variable (P35) */
	ENV_CALLBACK,		/* the callback refused the entry */
};

/* Called for each KEY=VALUE: entry points into the buffer (not
 * NUL-terminated), len bytes, KEY is the first keylen.  0 or -1. */
typedef int (*env_entry_fn)(void *ctx, const char *entry, size_t len,
	    size_t keylen);

/* Parse a whole file.  On error, *line is the 1-based line number; the
 * entry's bytes are never reported, since they may be a secret (P34). */
enum env_error envline_parse(const char *buf, size_t len, env_entry_fn fn,
	    void *ctx, size_t *line);

/* Why a line was refused, for the message.  Never includes the line. */
const char *envline_error_str(enum env_error e);

/* Names an env file may not set: they make the dynamic loader or libc load
 * code (LD_*, GCONV_PATH, GLIBC_TUNABLES), which no_new_privs does not
 * stop for a program that is not setuid (P35). */
int	envline_name_forbidden(const char *name, size_t len);

/* 1 when the len bytes of name are [A-Za-z_][A-Za-z0-9_]*, else 0. */
int	envline_name_valid(const char *name, size_t len);

#endif
