/* Unit tests for secretfile.c (--secrets-dir names, file contents) and
 * envvec.c (the environment being built, --file-env's get/del). */
#include <stdlib.h>
#include <string.h>

#include "envvec.h"
#include "harness.h"
#include "secretfile.h"

static void
check_entry(const char *name, const char *buf, size_t len, const char *want)
{
	const char *why = NULL;
	char *s = secretfile_env_entry(name, buf, len, &why);

	CHECK(s != NULL);
	if (s != NULL)
		CHECK_STR(s, want);
	free(s);
}

int
main(void)
{
	struct envvec ev = { 0 };
	const char *why = NULL;

	/* names: Kubernetes' dot-entries skipped, anything else exact */
	CHECK(secretfile_entry_kind("DB_PASSWORD") == SECRET_ENTRY_VAR);
	CHECK(secretfile_entry_kind("_x1") == SECRET_ENTRY_VAR);
	CHECK(secretfile_entry_kind("..data") == SECRET_ENTRY_SKIP);
	CHECK(secretfile_entry_kind("..2026_12_04_16_00_00.000000001") == SECRET_ENTRY_SKIP);
	CHECK(secretfile_entry_kind(".") == SECRET_ENTRY_SKIP);
	CHECK(secretfile_entry_kind(".hidden") == SECRET_ENTRY_SKIP);
	CHECK(secretfile_entry_kind("my-key") == SECRET_ENTRY_BAD_NAME);
	CHECK(secretfile_entry_kind("app.env") == SECRET_ENTRY_BAD_NAME);
	CHECK(secretfile_entry_kind("1ABC") == SECRET_ENTRY_BAD_NAME);
	CHECK(secretfile_entry_kind("a b") == SECRET_ENTRY_BAD_NAME);
	CHECK(secretfile_entry_kind("LD_PRELOAD") == SECRET_ENTRY_LOADER);
	CHECK(secretfile_entry_kind("GLIBC_TUNABLES") == SECRET_ENTRY_LOADER);

	/* content: trailing newlines go, as $(<file); the rest is kept */
	check_entry("A", "v\n\n\n", 4, "A=v");
	check_entry("A", "a\nb\n", 4, "A=a\nb");
	check_entry("A", "x\r\n", 3, "A=x\r");
	check_entry("A", "", 0, "A=");
	check_entry("A", "\n", 1, "A=");
	CHECK(secretfile_env_entry("A", "a\0b", 3, &why) == NULL);
	CHECK(why != NULL && strstr(why, "NUL") != NULL);
	/* a NUL among the trailing newlines' neighbours is still seen */
	CHECK(secretfile_env_entry("A", "\0\n", 2, &why) == NULL);

	/* envvec: put replaces, get finds the value, del keeps the order */
	CHECK(envvec_put(&ev, strdup("A_FILE=/run/a"), 6) == 0);
	CHECK(envvec_put(&ev, strdup("B=2"), 1) == 0);
	CHECK(envvec_put(&ev, strdup("C=3"), 1) == 0);
	CHECK(envvec_get(&ev, "A_FILE") != NULL && strcmp(envvec_get(&ev, "A_FILE"), "/run/a") == 0);
	CHECK(envvec_get(&ev, "A") == NULL);	/* a prefix is not a match */
	CHECK(envvec_put(&ev, strdup("B=two"), 1) == 0);
	CHECK(ev.n == 3 && strcmp(envvec_get(&ev, "B"), "two") == 0);
	envvec_del(&ev, "A_FILE");
	envvec_del(&ev, "NOPE");
	CHECK(ev.n == 2 && ev.v[2] == NULL);
	CHECK_STR(ev.v[0], "B=two");
	CHECK_STR(ev.v[1], "C=3");
	envvec_free(&ev);
	CHECK(ev.n == 0 && ev.v == NULL);
	return harness_end("secretfile");
}
