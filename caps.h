/* caps.c: this process's capability sets, as bit masks. */
#ifndef MINIT_CAPS_H
#define MINIT_CAPS_H

#include <stdbool.h>
#include <stdint.h>

/* The highest capability the running kernel knows (asked once, then
 * remembered: the child and PID 1 inherit the answer). */
int		 caps_last(void);
/* The permitted and inheritable sets (one capget).  0 or -1. */
int		 caps_get(uint64_t *permitted, uint64_t *inheritable);
/* Whether bit cap is in set. */
bool		 caps_has(uint64_t set, int cap);
/* libcap-ng's name of cap ("cap_chown"), or "?". */
const char	*caps_name(int cap);

#endif
