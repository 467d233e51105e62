/* secretfile.c: the rules for secrets delivered as files (see secretfile.h). */
#include <stdlib.h>
#include <string.h>

#include "envline.h"
#include "secretfile.h"

enum secret_entry
secretfile_entry_kind(const char *name)
{
	size_t len = strlen(name);

	/* Kubernetes' Secret volume keeps its real files in "..TIMESTAMP/"
	 * behind the "..data" link; its NAME entries are links into it. */
	if (name[0] == '.')
		return SECRET_ENTRY_SKIP;
	if (!envline_name_valid(name, len))
		return SECRET_ENTRY_BAD_NAME;
	if (envline_name_forbidden(name, len))
		return SECRET_ENTRY_LOADER;
	return SECRET_ENTRY_VAR;
}

char *
secretfile_env_entry(const char *name, const char *buf, size_t len,
    const char **why)
{
	size_t nlen = strlen(name);
	char *s;

	while (len > 0 && buf[len - 1] == '\n')
		len--;
	if (memchr(buf, '\0', len) != NULL) {
		*why = "contains a NUL byte";
		return NULL;
	}
	s = malloc(nlen + 1 + len + 1);
	if (s == NULL) {
		*why = "out of memory";
		return NULL;
	}
	memcpy(s, name, nlen);
	s[nlen] = '=';
	memcpy(s + nlen + 1, buf, len);
	s[nlen + 1 + len] = '\0';
	return s;
}
