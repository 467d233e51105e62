/* libFuzzer target: /etc/group parser (passwd.c).  Pure. */
#include <stddef.h>
#include <stdint.h>

#include "passwd.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data;
	uint32_t gids[8], gid;
	size_t n, line;

	(void)passwd_group_find(buf, size, "extra", &gid, &line);
	if (passwd_group_list(buf, size, "app", 1000, gids, 8, &n, &line) == PW_OK) {
		/* the primary gid first, no gid twice, within max */
		if (n == 0 || n > 8 || gids[0] != 1000)
			__builtin_trap();
		for (size_t i = 0; i < n; i++)
			for (size_t j = i + 1; j < n; j++)
				if (gids[i] == gids[j])
					__builtin_trap();
	}
	return 0;
}
