/* ratelimit.c: at most BURST reports per one-second window; the events past
 * that are counted, and the count is reported once, in one line, when the
 * next window begins or at the end.  Pure: the caller passes the time, so a
 * storm of 10,000 events is one summary, and the unit test needs no clock. */
#ifndef MINIT_RATELIMIT_H
#define MINIT_RATELIMIT_H

#include <stdbool.h>

struct ratelimit {
	long		 window;	/* the second the current window began */
	unsigned	 used;		/* reports in it so far */
	unsigned long	 dropped;	/* events not reported, not yet summed up */
};

/* One event at second NOW.  true: report it.  *dropped_before: the events
 * of an earlier window that were not reported (0: none), to say now. */
bool	ratelimit_event(struct ratelimit *rl, long now, unsigned burst,
	    unsigned long *dropped_before);
/* The events not reported yet, and zero the count (at the end). */
unsigned long ratelimit_take_dropped(struct ratelimit *rl);

#endif
