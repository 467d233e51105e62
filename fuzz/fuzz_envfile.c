/* libFuzzer target: the --env-file format (envline.c).  Pure.  Checks that
 * every accepted entry is KEY=VALUE with a valid, allowed KEY and no NUL,
 * CR or newline. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "envline.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
check(void *ctx, const char *entry, size_t len, size_t keylen)
{
	(void)ctx;
	if (keylen == 0 || keylen >= len || entry[keylen] != '=' ||
	    memchr(entry, '\0', len) != NULL ||
	    memchr(entry, '\n', len) != NULL ||
	    memchr(entry, '\r', len) != NULL ||
	    memchr(entry, '=', keylen) != NULL ||
	    envline_name_forbidden(entry, keylen))
		__builtin_trap();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t line;
	enum env_error e = envline_parse((const char *)data, size, check, NULL,
	    &line);

	if (e != ENV_OK && (line == 0 || line > size + 1))
		__builtin_trap();
	(void)envline_error_str(e);
	return 0;
}
