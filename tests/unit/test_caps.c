/* caps.c: caps_last against the kernel's own answer in /proc. */
#include <stdio.h>

#include "caps.h"
#include "harness.h"

int
main(void)
{
	FILE *f = fopen("/proc/sys/kernel/cap_last_cap", "r");
	int want = -1;

	CHECK(f != NULL);
	if (f != NULL) {
		CHECK(fscanf(f, "%d", &want) == 1);
		(void)fclose(f);
	}
	CHECK(want >= 0 && caps_last() == want);
	CHECK(caps_last() == want);	/* asked again: the same */
	return harness_end("caps");
}
