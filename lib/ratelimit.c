/* ratelimit.c: see ratelimit.h. */
#include "ratelimit.h"

bool
ratelimit_event(struct ratelimit *rl, long now, unsigned burst,
    unsigned long *dropped_before)
{
	*dropped_before = 0;
	if (now != rl->window) {
		*dropped_before = ratelimit_take_dropped(rl);
		rl->window = now;
		rl->used = 0;
	}
	if (rl->used < burst) {
		rl->used++;
		return true;
	}
	rl->dropped++;
	return false;
}

unsigned long
ratelimit_take_dropped(struct ratelimit *rl)
{
	unsigned long n = rl->dropped;

	rl->dropped = 0;
	return n;
}
