/* Unit tests for envline.c: the --env-file format (P33, P35; T59, T61, T62). */
#include <string.h>

#include "envline.h"
#include "harness.h"

#define S(x) x, sizeof(x) - 1

struct seen {
	char	 out[512];
	int	 n;
};

static int
collect(void *ctx, const char *entry, size_t len, size_t keylen)
{
	struct seen *s = ctx;
	size_t used = strlen(s->out);

	if (keylen == 0 || entry[keylen] != '=' || used + len + 2 > sizeof(s->out))
		return -1;
	memcpy(s->out + used, entry, len);
	s->out[used + len] = '|';
	s->out[used + len + 1] = '\0';
	s->n++;
	return 0;
}

static enum env_error
parse(const char *buf, size_t len, struct seen *s, size_t *line)
{
	memset(s, 0, sizeof(*s));
	return envline_parse(buf, len, collect, s, line);
}

int
main(void)
{
	struct seen s;
	size_t line;

	CHECK(parse(S("A=1\n# comment\n\n  B=two words \nC=\nD=x=y"), &s, &line) == ENV_OK);
	CHECK(s.n == 4);
	CHECK_STR(s.out, "A=1|B=two words |C=|D=x=y|");
	/* no quoting, no expansion */
	CHECK(parse(S("Q=\"$HOME\"\n"), &s, &line) == ENV_OK);
	CHECK_STR(s.out, "Q=\"$HOME\"|");
	CHECK(parse(S(""), &s, &line) == ENV_OK && s.n == 0);
	CHECK(parse(S("\n\n\t\n"), &s, &line) == ENV_OK && s.n == 0);

	/* errors carry the line number (T61) */
	CHECK(parse(S("A=1\nnoequals\n"), &s, &line) == ENV_NO_EQUALS && line == 2);
	CHECK(parse(S("A=1\n\n=hunter2\n"), &s, &line) == ENV_BAD_NAME && line == 3);
	CHECK(parse(S("1A=x\n"), &s, &line) == ENV_BAD_NAME && line == 1);
	CHECK(parse(S("export A=x\n"), &s, &line) == ENV_BAD_NAME);
	CHECK(parse(S("A-B=x\n"), &s, &line) == ENV_BAD_NAME);
	CHECK(parse("A=1\nSECRET=hunter2\0x\n", 20, &s, &line) == ENV_NUL && line == 2);
	CHECK(parse(S("A=1\r\n"), &s, &line) == ENV_CR && line == 1);

	/* loader variables are refused, not stripped (P35, T62) */
	CHECK(parse(S("A=1\nLD_PRELOAD=/tmp/x.so\n"), &s, &line) == ENV_LOADER && line == 2);
	CHECK(parse(S("LD_LIBRARY_PATH=/tmp\n"), &s, &line) == ENV_LOADER);
	CHECK(parse(S("GCONV_PATH=/tmp\n"), &s, &line) == ENV_LOADER);
	CHECK(parse(S("GLIBC_TUNABLES=x\n"), &s, &line) == ENV_LOADER);
	CHECK(parse(S("PATH=/t\nLDX=1\nOLD_PRELOAD=1\n"), &s, &line) == ENV_OK && s.n == 3);
	CHECK(envline_name_forbidden(S("LD_AUDIT")) == 1);
	CHECK(envline_name_forbidden(S("GCONV_PATHX")) == 0);

	/* a refusing callback stops the parse */
	CHECK(envline_parse(S("A=1\n"), NULL, NULL, &line) == ENV_OK);
	{
		char big[600];

		memset(big, 'x', sizeof(big));
		memcpy(big, "A=", 2);
		CHECK(parse(big, sizeof(big), &s, &line) == ENV_CALLBACK && line == 1);
	}
	/* the message never contains the line (P34) */
	CHECK(strstr(envline_error_str(ENV_BAD_NAME), "hunter2") == NULL);
	return harness_end("envfile");
}
