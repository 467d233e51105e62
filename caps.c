/* caps.c: the capability sets of this process, read from the kernel
 * itself (no /proc), for the resolution (identity.c) and the drop
 * (privdrop.c). */
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cap-ng.h>
#include <linux/capability.h>

#include "caps.h"

/* The highest capability the running kernel knows, asked of the kernel
 * itself (PR_CAPBSET_READ says EINVAL past it), so /proc is not needed.
 * Asked once, before the fork: the child and PID 1 inherit the answer.
 * A binary search: 6 prctl calls, where counting up took 41 (BENCHMARKS.md,
 * start-up syscalls). */
int
caps_last(void)
{
	static int last = -1;
	int hi = 64;	/* the first capability known not to exist */

	if (last >= 0)
		return last;
	last = 0;	/* capability 0 always exists */
	while (hi - last > 1) {
		int mid = last + (hi - last) / 2;

		if (prctl(PR_CAPBSET_READ, mid, 0, 0, 0) >= 0)
			last = mid;
		else
			hi = mid;
	}
	return last;
}

/* The permitted and inheritable sets with one capget, instead of
 * capng_get_caps_process, which also re-reads /proc/PID/status twice
 * (bounding and ambient sets) through stdio at every call. */
int
caps_get(uint64_t *permitted, uint64_t *inheritable)
{
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct c[2] = { { 0 } };	/* valgrind marks only c[0] written */

	if (syscall(SYS_capget, &h, c) == -1)
		return -1;
	*permitted = c[0].permitted | (uint64_t)c[1].permitted << 32;
	*inheritable = c[0].inheritable | (uint64_t)c[1].inheritable << 32;
	return 0;
}

bool
caps_has(uint64_t set, int cap)
{
	return (set >> cap & 1) != 0;
}

const char *
caps_name(int cap)
{
	const char *n = capng_capability_to_name((unsigned)cap);

	return n != NULL ? n : "?";
}
