/* A tiny unit-test harness: CHECK records a failure and goes on; main()
 * ends with the standard "N passed, N failed" line. */
#ifndef MINIT_HARNESS_H
#define MINIT_HARNESS_H

#include <stdio.h>
#include <string.h>

static int harness_passed, harness_failed;

#define CHECK(cond) do {						\
	if (cond) {							\
		harness_passed++;					\
	} else {							\
		harness_failed++;					\
		fprintf(stderr, "%s:%d: CHECK(%s) failed\n",		\
		    __FILE__, __LINE__, #cond);				\
	}								\
} while (0)

#define CHECK_STR(a, b) CHECK(strcmp((a), (b)) == 0)

static inline int
harness_end(const char *name)
{
	printf("%s: %d passed, %d failed\n", name, harness_passed, harness_failed);
	return harness_failed == 0 ? 0 : 1;
}

#endif
