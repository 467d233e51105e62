/* caps.c: the capability sets of this process, read from and written to
 * the kernel itself (no /proc), for the resolution (identity.c), the drop
 * (privdrop.c) and --audit.  libcap-ng gives the names; the sets are one
 * capget or capset each: libcap-ng's capng_apply and its readers go through
 * /proc/PID/status with sscanf, which alone put 10 KiB of musl's scanf in
 * the binary (README "Size"), and privdrop.c reads every result back from
 * the kernel anyway (P07, P40). */
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

int
caps_set(uint64_t permitted, uint64_t effective, uint64_t inheritable)
{
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct c[2] = {
		{ (uint32_t)effective, (uint32_t)permitted,
		  (uint32_t)inheritable },
		{ (uint32_t)(effective >> 32), (uint32_t)(permitted >> 32),
		  (uint32_t)(inheritable >> 32) },
	};

	return syscall(SYS_capset, &h, c) == -1 ? -1 : 0;
}

int
caps_set_ambient(uint64_t keep, int last)
{
	if (prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) == -1)
		return -1;
	for (int c = 0; c <= last; c++)
		if (caps_has(keep, c) &&
		    prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, c, 0, 0) == -1)
			return -1;
	return 0;
}

int
caps_get_all(uint64_t sets[CAPS_NSETS])
{
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct c[2] = { { 0 } };
	int last = caps_last(), r;

	if (syscall(SYS_capget, &h, c) == -1)
		return -1;
	sets[CAPS_INH] = c[0].inheritable | (uint64_t)c[1].inheritable << 32;
	sets[CAPS_PRM] = c[0].permitted | (uint64_t)c[1].permitted << 32;
	sets[CAPS_EFF] = c[0].effective | (uint64_t)c[1].effective << 32;
	sets[CAPS_BND] = sets[CAPS_AMB] = 0;
	for (int cap = 0; cap <= last; cap++) {
		if ((r = prctl(PR_CAPBSET_READ, cap, 0, 0, 0)) == -1)
			return -1;
		sets[CAPS_BND] |= (uint64_t)(r == 1) << cap;
		r = prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, cap, 0, 0);
		if (r == -1)
			return -1;
		sets[CAPS_AMB] |= (uint64_t)(r == 1) << cap;
	}
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
