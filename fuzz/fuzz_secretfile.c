/* libFuzzer target: the --secrets-dir rules (secretfile.c).  Pure.  The
 * first line is an entry name, the rest a file's content: a name taken as a
 * variable must be valid and allowed, and the entry built from it must be
 * NAME=content without trailing newlines and without NUL. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "envline.h"
#include "secretfile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *nl = memchr(data, '\n', size);
	size_t nlen = nl != NULL ? (size_t)(nl - (const char *)data) : size;
	const char *buf = nl != NULL ? nl + 1 : "";
	size_t blen = nl != NULL ? size - nlen - 1 : 0;
	char name[256];
	const char *why = NULL;
	char *s;

	if (nlen >= sizeof(name) || memchr(data, '\0', nlen) != NULL)
		return 0;
	memcpy(name, data, nlen);
	name[nlen] = '\0';
	if (secretfile_entry_kind(name) != SECRET_ENTRY_VAR)
		return 0;
	if (!envline_name_valid(name, nlen) ||
	    envline_name_forbidden(name, nlen))
		__builtin_trap();
	s = secretfile_env_entry(name, buf, blen, &why);
	if (s == NULL) {
		if (why == NULL || memchr(buf, '\0', blen) == NULL)
			__builtin_trap();
		return 0;
	}
	{
		size_t slen = strlen(s);

		if (strncmp(s, name, nlen) != 0 || s[nlen] != '=' ||
		    slen > nlen + 1 + blen ||
		    memcmp(s + nlen + 1, buf, slen - nlen - 1) != 0 ||
		    (slen > nlen + 1 && s[slen - 1] == '\n'))
			__builtin_trap();
	}
	free(s);
	return 0;
}
