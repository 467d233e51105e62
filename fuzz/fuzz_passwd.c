/* libFuzzer target: /etc/passwd parser (passwd.c).  Pure. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "passwd.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data;
	struct pw_entry e;
	size_t line;
	uint32_t id;

	(void)passwd_find(buf, size, "app", 0, &e, &line);
	if (passwd_find(buf, size, NULL, 1000, &e, &line) == PW_OK &&
	    (memchr(e.name, '\0', sizeof(e.name)) == NULL ||
	    memchr(e.home, '\0', sizeof(e.home)) == NULL))
		__builtin_trap();
	if (passwd_find(buf, size, NULL, 0, &e, &line) == PW_OK && e.uid != 0)
		__builtin_trap();
	if (passwd_id_parse(buf, size, &id) == 0 && id == 4294967295U)
		__builtin_trap();
	return 0;
}
