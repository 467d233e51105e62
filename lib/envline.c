/* envline.c: the --env-file line format (see envline.h).  Strict: a line
 * that is not blank, a comment or KEY=VALUE is an error with its line
 * number, never skipped (a lost secret would fail late and obscurely). */
#include <string.h>

#include "envline.h"

int
envline_name_forbidden(const char *name, size_t len)
{
	static const char *const exact[] = { "GCONV_PATH", "GLIBC_TUNABLES" };

	if (len >= 3 && memcmp(name, "LD_", 3) == 0)
		return 1;
	for (size_t i = 0; i < sizeof(exact) / sizeof(exact[0]); i++)
		if (strlen(exact[i]) == len && memcmp(name, exact[i], len) == 0)
			return 1;
	return 0;
}

int
envline_name_valid(const char *s, size_t len)
{
	if (len == 0 || (s[0] >= '0' && s[0] <= '9'))
		return 0;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '_'))
			return 0;
	}
	return 1;
}

static enum env_error
parse_line(const char *l, size_t len, env_entry_fn fn, void *ctx)
{
	const char *eq;

	while (len > 0 && (*l == ' ' || *l == '\t')) {
		l++;
		len--;
	}
	if (memchr(l, '\0', len) != NULL)
		return ENV_NUL;
	if (memchr(l, '\r', len) != NULL)
		return ENV_CR;
	if (len == 0 || *l == '#')
		return ENV_OK;
	eq = memchr(l, '=', len);
	if (eq == NULL)
		return ENV_NO_EQUALS;
	if (!envline_name_valid(l, (size_t)(eq - l)))
		return ENV_BAD_NAME;
	if (envline_name_forbidden(l, (size_t)(eq - l)))
		return ENV_LOADER;
	if (fn != NULL && fn(ctx, l, len, (size_t)(eq - l)) == -1)
		return ENV_CALLBACK;
	return ENV_OK;
}

enum env_error
envline_parse(const char *buf, size_t len, env_entry_fn fn, void *ctx,
    size_t *line)
{
	size_t pos = 0;

	*line = 0;
	while (pos < len) {
		const char *l = buf + pos, *nl = memchr(l, '\n', len - pos);
		size_t llen = nl != NULL ? (size_t)(nl - l) : len - pos;
		enum env_error e;

		++*line;
		pos += llen + 1;
		e = parse_line(l, llen, fn, ctx);
		if (e != ENV_OK)
			return e;
	}
	*line = 0;
	return ENV_OK;
}

const char *
envline_error_str(enum env_error e)
{
	switch (e) {
	case ENV_OK:
		return "ok";
	case ENV_NO_EQUALS:
		return "not KEY=VALUE, a comment or blank";
	case ENV_BAD_NAME:
		return "KEY is not a valid variable name ([A-Za-z_][A-Za-z0-9_]*)";
	case ENV_NUL:
		return "contains a NUL byte";
	case ENV_CR:
		return "contains a carriage return (CRLF line ending?)";
	case ENV_LOADER:
		return "sets a dynamic-loader variable (LD_*, GCONV_PATH, GLIBC_TUNABLES): refused";
	case ENV_CALLBACK:
		return "cannot be stored";
	}
	return "malformed";
}
