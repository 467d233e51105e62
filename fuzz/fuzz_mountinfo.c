/* libFuzzer target for mountinfo.c: any bytes, parsed as mountinfo text.
 * Pure: no I/O, no global state. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mountinfo.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = malloc(size + 1), *cur;
	struct mountinfo_entry e;
	int r;

	if (buf == NULL)
		return 0;
	memcpy(buf, data, size);
	buf[size] = '\0';
	cur = buf;
	while ((r = mountinfo_next(&cur, &e)) != 0) {
		if (r == 1) {
			/* touch every string: ASan catches a bad pointer */
			volatile size_t n = strlen(e.root) + strlen(e.point) +
			    strlen(e.opts) + strlen(e.fstype) +
			    strlen(e.source) + strlen(e.sb_opts);
			(void)n;
			(void)mountinfo_writable(&e);
			(void)mountinfo_covers(e.point, "/usr/bin/x");
		}
	}
	free(buf);
	return 0;
}
