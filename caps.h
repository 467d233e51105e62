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
/* P, E and I set to exactly these masks, with one capset. */
int		 caps_set(uint64_t permitted, uint64_t effective,
		     uint64_t inheritable);
/* The ambient set made exactly keep (bits 0..last): cleared, then each
 * kept bit raised (it must be in P and I already). */
int		 caps_set_ambient(uint64_t keep, int last);
/* The five sets, in this order, read from the kernel itself (capget,
 * PR_CAPBSET_READ, PR_CAP_AMBIENT_IS_SET): --audit where /proc is masked. */
enum caps_set { CAPS_INH, CAPS_PRM, CAPS_EFF, CAPS_BND, CAPS_AMB, CAPS_NSETS };
int		 caps_get_all(uint64_t sets[CAPS_NSETS]);
/* Whether bit cap is in set. */
bool		 caps_has(uint64_t set, int cap);
/* libcap-ng's name of cap ("cap_chown"), or "?". */
const char	*caps_name(int cap);

#endif
