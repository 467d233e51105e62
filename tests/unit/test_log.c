/* log_escape (log.c): the one escaping rule for input minit prints
 * (issue 14 item 14, docs/security.md P43). */
#include <stddef.h>
#include <string.h>

#include "harness.h"
#include "log.h"

static const char *
esc(const char *s, size_t len, size_t size)
{
	static char buf[256];

	return log_escape(buf, size, s, len);
}

int
main(void)
{
	/* printable ASCII passes unchanged (control: the probe is not "escape
	 * everything") */
	CHECK_STR(esc("app /t/probe x=1", 16, 256), "app /t/probe x=1");
	/* every control byte, DEL, C1 and high byte becomes \xHH */
	CHECK_STR(esc("a\033[2Jb", 6, 256), "a\\x1b[2Jb");
	CHECK_STR(esc("x\ry\nz\t", 6, 256), "x\\x0dy\\x0az\\x09");
	CHECK_STR(esc("n\0m", 3, 256), "n\\x00m");
	CHECK_STR(esc("\177\200\233\377", 4, 256), "\\x7f\\x80\\x9b\\xff");
	/* a backslash is doubled: a typed "\x1b" is not an escaped ESC */
	CHECK_STR(esc("\\x1b", 4, 256), "\\\\x1b");
	/* no byte below 0x20 or above 0x7e survives, for any input byte */
	for (int c = 0; c < 256; c++) {
		char in[1] = { (char)c };
		const char *out = esc(in, 1, 256);

		for (const char *p = out; *p != '\0'; p++)
			CHECK(*p >= 0x20 && *p <= 0x7e);
	}
	/* a cut is marked and stays inside the buffer, never mid-escape */
	CHECK_STR(esc("abcdefgh", 8, 8), "abcd...");
	CHECK_STR(esc("ab\033cdef", 7, 9), "ab...");
	CHECK(strlen(esc("\033\033\033\033\033\033", 6, 16)) <= 15);
	return harness_end("test_log");
}
