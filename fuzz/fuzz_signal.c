/* fuzz_signal: signal names and the FROM:TO maps (--signal-map, --map-exit)
 * and options_parse_uint under them.  Besides "no crash", each call is
 * checked against its contract: results in range, and what
 * options_parse_uint accepts is exactly the decimal value of the string,
 * never above its max. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "options.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Reference for options_parse_uint: digits only, no overflow, value <= max. */
static int
ref_uint(const char *s, unsigned long long max, unsigned long long *out)
{
	unsigned long long v = 0;

	if (*s == '\0')
		return -1;
	for (; *s != '\0'; s++) {
		unsigned d;

		if (*s < '0' || *s > '9')
			return -1;
		d = (unsigned)(*s - '0');
		if (__builtin_mul_overflow(v, 10, &v) ||
		    __builtin_add_overflow(v, d, &v))
			return -1;
	}
	if (v > max)
		return -1;
	*out = v;
	return 0;
}

static void
check_uint(const char *s, unsigned long long max)
{
	unsigned long long got = 0, want = 0;
	int rg = options_parse_uint(s, max, &got), rw = ref_uint(s, max, &want);

	if (rg != rw || (rg == 0 && got != want))
		__builtin_trap();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned long long max = ~0ULL;
	char *s;
	size_t len;
	int from = 0, to = 0, n;

	s = malloc(size + 1);
	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	/* The string ends at the first NUL, as in argv; a decimal number
	 * after it, if any, is options_parse_uint's max ("7\0" "3": "7" against 3). */
	len = strlen(s);
	if (len < size)
		max = strtoull(s + len + 1, NULL, 10);

	n = options_signal_from_name(s);
	if (n != -1 && (n < 1 || n > 64))
		__builtin_trap();
	if (n > 0) {	/* every name maps back through its number */
		char num[8];

		snprintf(num, sizeof(num), "%d", n);
		if (options_signal_from_name(num) != n)
			__builtin_trap();
	}
	if (options_parse_signal_pair(s, &from, &to) == 0 &&
	    (from < 1 || from > 64 || to < 1 || to > 64))
		__builtin_trap();
	if (options_parse_exit_pair(s, &from, &to) == 0 &&
	    (from < 0 || from > 255 || to < 0 || to > 255))
		__builtin_trap();
	check_uint(s, max);
	check_uint(s, max % 10);	/* maxes below one digit, too */
	free(s);
	return 0;
}
