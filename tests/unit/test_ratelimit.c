/* Unit tests for lib/ratelimit.c: a storm is BURST lines and one summary a
 * second, and no event is lost from the counts. */
#include "harness.h"
#include "ratelimit.h"

static void
test_storm(void)
{
	struct ratelimit rl = { .window = -1 };
	unsigned long dropped, reported = 0, summed = 0;

	/* 10,000 events in one second: 10 reported, the rest counted */
	for (int i = 0; i < 10000; i++) {
		if (ratelimit_event(&rl, 100, 10, &dropped))
			reported++;
		summed += dropped;
	}
	CHECK(reported == 10 && summed == 0);
	/* the next second's first event brings the summary of the last */
	CHECK(ratelimit_event(&rl, 101, 10, &dropped));
	CHECK(dropped == 9990);
	CHECK(ratelimit_take_dropped(&rl) == 0);
	/* the end: what is left is taken once */
	for (int i = 0; i < 15; i++)
		(void)ratelimit_event(&rl, 101, 10, &dropped);
	CHECK(ratelimit_take_dropped(&rl) == 6);
	CHECK(ratelimit_take_dropped(&rl) == 0);
}

static void
test_quiet(void)
{
	struct ratelimit rl = { .window = -1 };
	unsigned long dropped;

	/* a few events a second are each reported, nothing summed */
	for (long t = 0; t < 50; t++)
		for (int i = 0; i < 3; i++) {
			CHECK(ratelimit_event(&rl, t, 10, &dropped));
			CHECK(dropped == 0);
		}
	CHECK(ratelimit_take_dropped(&rl) == 0);
}

int
main(void)
{
	test_storm();
	test_quiet();
	return harness_end("ratelimit");
}
