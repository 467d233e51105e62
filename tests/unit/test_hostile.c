/* Regression tests for what the fuzzers found in the pure parsers
 * (docs/hardening-tests.md).  Run under ASan+UBSan by make unit. */
#include "harness.h"
#include "options.h"

static enum options_result
parse(struct minit_config *cfg, const char *a, const char *b)
{
	char *argv[] = { (char *)"minit", (char *)a, (char *)b,
	    (char *)"--", (char *)"prog", NULL };

	options_init(cfg);
	return options_parse(cfg, 5, argv);
}

/* options_parse_uint with a max below 9: max - digit wrapped around, so "7"
 * passed against a max of 3 (fuzz_signal). */
static void
test_uint_small_max(void)
{
	unsigned long long v = 99;

	CHECK(options_parse_uint("7", 3, &v) == -1 && v == 99);
	CHECK(options_parse_uint("3", 3, &v) == 0 && v == 3);
	CHECK(options_parse_uint("0", 0, &v) == 0 && v == 0);
	CHECK(options_parse_uint("1", 0, &v) == -1);
	CHECK(options_parse_uint("10", 9, &v) == -1);
	CHECK(options_parse_uint("18446744073709551615", ~0ULL, &v) == 0 &&
	    v == ~0ULL);
	CHECK(options_parse_uint("18446744073709551616", ~0ULL, &v) == -1);
}

/* --cap's last name: the loop computed NULL + 1, undefined (fuzz_options,
 * UBSan pointer-overflow). */
static void
test_cap_last_name(void)
{
	struct minit_config cfg;

	CHECK(parse(&cfg, "--cap", "chown") == OPTIONS_RUN &&
	    cfg.keep_caps == 1);
	CHECK(parse(&cfg, "--cap", "CAP_KILL,net_bind_service") == OPTIONS_RUN &&
	    cfg.keep_caps == ((1ULL << 5) | (1ULL << 10)));
	CHECK(parse(&cfg, "--cap", "chown,") == OPTIONS_ERROR);
	CHECK(parse(&cfg, "--cap", "no_such_cap") == OPTIONS_ERROR);
}

/* split_pair now copies with memcpy (clang-tidy insecureAPI.strcpy); the
 * bounds are unchanged. */
static void
test_pair_bounds(void)
{
	int a, b;

	CHECK(options_parse_exit_pair("1234567:1", &a, &b) == -1);
	CHECK(options_parse_exit_pair("0000255:0000001", &a, &b) == 0 && a == 255 &&
	    b == 1);
	CHECK(options_parse_signal_pair("SIGRTMIN+10:SIGRTMAX-10", &a, &b) == 0 &&
	    a == 42 && b == 54);
	CHECK(options_parse_signal_pair("SIGRTMIN+10:SIGRTMAX-100", &a, &b) == -1);
}

int
main(void)
{
	test_uint_small_max();
	test_cap_last_name();
	test_pair_bounds();
	return harness_end("hostile");
}
