/* privdrop.c: the drop: PROGRAM gets the identity identity.c resolved
 * and the capabilities --cap keeps; PID 1 keeps nothing.  The sets are
 * written with capset and prctl (caps.c) and every result is then read
 * back from the kernel, never taken on a library's word (P07, P40:
 * libcap-ng's bounding-set and ambient calls turn into successes that
 * change nothing after a failed feature probe).
 *
 * Order (docs/security.md, "Order of operations", step 6): securebits and the bounding set while
 * CAP_SETPCAP is still held, then groups, gid, uid with keepcaps, then the
 * final capability sets and ambient, then no_new_privs, then verification.
 * capng_change_id is not used: it can only clear supplementary groups or
 * take them from NSS (which static musl lacks), and it clears the bounding
 * set entirely where --cap wants it to be exactly the kept set. */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <linux/capability.h>
#include <linux/securebits.h>

#include "caps.h"
#include "log.h"
#include "privdrop.h"

/* What one process is switched to: PROGRAM in the child, PID 1 after it. */
struct drop {
	const char	*who;		/* for messages */
	bool		 change;	/* setgroups + setresgid + setresuid */
	uid_t		 uid;
	gid_t		 gid;
	const gid_t	*groups;
	size_t		 ngroups;
	uint64_t	 keep;		/* P, E, I, ambient and bounding */
	bool		 setpcap;	/* can drop the bounding set, securebits */
	int		 last_cap;
};

/* --- the drop, in the child and in PID 1 ---------------------------------- */

/* Make effective what is permitted, so setgroups, setres*id and the
 * bounding-set drop work even if a runtime left E smaller than P: one
 * capget, one capset (caps.c). */
static int
raise_effective(void)
{
	uint64_t perm, inh;

	if (caps_get(&perm, &inh) != 0)
		return -1;
	return caps_set(perm, perm, inh);
}

/* Securebits while CAP_SETPCAP is held (P09): uid 0 gets nothing special
 * at exec, and with nothing kept no ambient capability can be raised
 * later.  Not NO_SETUID_FIXUP (capng_lock sets it): the final sets are
 * applied explicitly below anyway, and it would keep caps across setuid. */
static int
set_securebits(const struct drop *d)
{
	int bits = prctl(PR_GET_SECUREBITS, 0, 0, 0, 0);

	if (bits == -1)
		return -1;
	bits |= SECBIT_NOROOT | SECBIT_NOROOT_LOCKED;
	if (d->keep == 0)
		bits |= SECBIT_NO_CAP_AMBIENT_RAISE |
		    SECBIT_NO_CAP_AMBIENT_RAISE_LOCKED;
	return prctl(PR_SET_SECUREBITS, (unsigned long)bits, 0, 0, 0);
}

/* The bounding set down to keep.  PR_CAPBSET_DROP directly:
 * capng_apply(CAPNG_SELECT_BOUNDS) re-reads /proc/PID/status three times
 * around the same loop.  Only what is still there is dropped: each drop
 * copies and commits the credentials (about 0.5 us here, a read 0.1 us),
 * and the set is often smaller already (a runtime's default set, or
 * privdrop_bounding_early).  verify_caps reads every bit back (P07, P40). */
static int
drop_bounding(uint64_t keep, int last_cap)
{
	for (int c = 0; c <= last_cap; c++)
		if (!caps_has(keep, c) &&
		    prctl(PR_CAPBSET_READ, c, 0, 0, 0) != 0 &&
		    prctl(PR_CAPBSET_DROP, c, 0, 0, 0) == -1)
			return -1;
	return 0;
}

static int
set_bounding(const struct drop *d)
{
	return drop_bounding(d->keep, d->last_cap);
}

/* A user namespace whose setgroups is "deny" (unshare -r, rootless
 * runtimes): say so rather than a bare EPERM (P38, T11). */
static int
setgroups_denied(void)
{
	char buf[16] = "";
	int fd = open("/proc/self/setgroups", O_RDONLY | O_CLOEXEC);

	if (fd == -1)
		return 0;
	(void)!read(fd, buf, sizeof(buf) - 1);
	(void)close(fd);
	return strncmp(buf, "deny", 4) == 0;
}

/* groups, gid, uid: the setres* calls set all three slots (P01). */
static int
set_ids(const struct drop *d)
{
	if (prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0) == -1) {
		log_sys("%s: PR_SET_KEEPCAPS", d->who);
		return -1;
	}
	if (setgroups(d->ngroups, d->groups) == -1) {
		if (errno == EPERM && setgroups_denied())
			log_err("%s: setgroups: denied in this user namespace (/proc/self/setgroups is \"deny\"): cannot set supplementary groups",
			    d->who);
		else
			log_sys("%s: setgroups", d->who);
		return -1;
	}
	if (setresgid(d->gid, d->gid, d->gid) == -1) {
		log_sys("%s: setresgid %u", d->who, (unsigned)d->gid);
		return -1;
	}
	if (setresuid(d->uid, d->uid, d->uid) == -1) {
		log_sys("%s: setresuid %u", d->who, (unsigned)d->uid);
		return -1;
	}
	if (prctl(PR_SET_KEEPCAPS, 0, 0, 0, 0) == -1) {
		log_sys("%s: PR_SET_KEEPCAPS", d->who);
		return -1;
	}
	return 0;
}

/* P, E, I = keep; ambient = keep, so it survives exec as non-root (P08). */
static int
set_caps(const struct drop *d)
{
	if (caps_set(d->keep, d->keep, d->keep) == -1)
		return -1;
	return caps_set_ambient(d->keep, d->last_cap);
}

static int
gid_cmp(const void *a, const void *b)
{
	gid_t x = *(const gid_t *)a, y = *(const gid_t *)b;

	return x < y ? -1 : x > y;
}

static int
verify_groups(const struct drop *d)
{
	gid_t have[MINIT_MAX_GROUPS + 1], want[MINIT_MAX_GROUPS];
	int n = getgroups(MINIT_MAX_GROUPS + 1, have);

	if (n < 0 || (size_t)n != d->ngroups) {
		log_err("%s: verify: %d supplementary groups, want %zu", d->who,
		    n, d->ngroups);
		return -1;
	}
	memcpy(want, d->groups, d->ngroups * sizeof(gid_t));
	qsort(have, (size_t)n, sizeof(gid_t), gid_cmp);
	qsort(want, d->ngroups, sizeof(gid_t), gid_cmp);
	if (memcmp(have, want, d->ngroups * sizeof(gid_t)) != 0) {
		log_err("%s: verify: supplementary groups differ", d->who);
		return -1;
	}
	return 0;
}

static int
verify_ids(const struct drop *d)
{
	uid_t ru, eu, su;
	gid_t rg, eg, sg;

	if (getresuid(&ru, &eu, &su) == -1 || getresgid(&rg, &eg, &sg) == -1 ||
	    ru != d->uid || eu != d->uid || su != d->uid ||
	    rg != d->gid || eg != d->gid || sg != d->gid ||
	    (uid_t)syscall(SYS_setfsuid, -1) != d->uid ||
	    (gid_t)syscall(SYS_setfsgid, -1) != d->gid) {
		log_err("%s: verify: uid/gid are not %u/%u in every slot",
		    d->who, (unsigned)d->uid, (unsigned)d->gid);
		return -1;
	}
	return verify_groups(d);
}

/* The capability sets as the kernel has them, not as libcap-ng thinks. */
static int
verify_caps(const struct drop *d)
{
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct c[2] = { { 0 } };	/* valgrind marks only c[0] written */
	uint64_t e, p, i;

	if (syscall(SYS_capget, &h, c) == -1) {
		log_sys("%s: verify: capget", d->who);
		return -1;
	}
	e = c[0].effective | (uint64_t)c[1].effective << 32;
	p = c[0].permitted | (uint64_t)c[1].permitted << 32;
	i = c[0].inheritable | (uint64_t)c[1].inheritable << 32;
	if (e != d->keep || p != d->keep || i != d->keep) {
		log_err("%s: verify: capabilities E=%#llx P=%#llx I=%#llx, want %#llx",
		    d->who, (unsigned long long)e, (unsigned long long)p,
		    (unsigned long long)i, (unsigned long long)d->keep);
		return -1;
	}
	for (int n = 0; n <= d->last_cap; n++) {
		int want = (int)(d->keep >> n & 1);

		if (d->setpcap && prctl(PR_CAPBSET_READ, n, 0, 0, 0) != want) {
			log_err("%s: verify: bounding set: %s is %s", d->who,
			    caps_name(n), want ? "missing" : "still there");
			return -1;
		}
		/* the kernel keeps ambient within P and I (both just read
		 * back as keep), so only kept capabilities can be there */
		if (want && prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, n,
		    0, 0) != want) {
			log_err("%s: verify: ambient set: %s is missing", d->who,
			    caps_name(n));
			return -1;
		}
	}
	return 0;
}

/* The rest, and the proof that root cannot come back (P02, P09, P10). */
static int
verify_final(const struct drop *d)
{
	int sb = prctl(PR_GET_SECUREBITS, 0, 0, 0, 0);
	gid_t zero = 0;

	if (prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0) != 1) {
		log_err("%s: verify: no_new_privs is not set", d->who);
		return -1;
	}
	if (d->setpcap && (sb == -1 ||
	    (sb & (SECBIT_NOROOT | SECBIT_NOROOT_LOCKED)) !=
	    (SECBIT_NOROOT | SECBIT_NOROOT_LOCKED))) {
		log_err("%s: verify: securebits %#x lack NOROOT", d->who, sb);
		return -1;
	}
	if (d->uid != 0 && (d->keep >> CAP_SETUID & 1) == 0 &&
	    setresuid(0, 0, 0) != -1) {
		log_err("%s: verify: setresuid(0) succeeded", d->who);
		return -1;
	}
	if (d->uid != 0 && (d->keep >> CAP_SETGID & 1) == 0 &&
	    setgroups(1, &zero) != -1) {
		log_err("%s: verify: setgroups({0}) succeeded", d->who);
		return -1;
	}
	return 0;
}

static int
drop_apply(const struct drop *d)
{
	if (raise_effective() == -1) {
		log_err("%s: cannot make the permitted capabilities effective", d->who);
		return -1;
	}
	if (d->setpcap) {
		if (set_securebits(d) == -1) {
			log_sys("%s: PR_SET_SECUREBITS", d->who);
			return -1;
		}
		if (set_bounding(d) != 0) {
			log_err("%s: cannot drop the bounding set", d->who);
			return -1;
		}
	}
	if (d->change && set_ids(d) == -1)
		return -1;
	if (set_caps(d) != 0) {
		log_err("%s: cannot set the capability sets", d->who);
		return -1;
	}
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == -1) {
		log_sys("%s: PR_SET_NO_NEW_PRIVS", d->who);
		return -1;
	}
	if (verify_ids(d) == -1 || verify_caps(d) == -1 ||
	    verify_final(d) == -1)
		return -1;
	return 0;
}

static void
drop_init(struct drop *d, const struct minit_config *cfg, const char *who)
{
	uint64_t perm, inh;

	d->who = who;
	d->change = cfg->id.change;
	d->uid = cfg->id.uid;
	d->gid = cfg->id.gid;
	d->groups = cfg->id.groups;
	d->ngroups = cfg->id.ngroups;
	d->last_cap = caps_last();
	d->setpcap = caps_get(&perm, &inh) == 0 && caps_has(perm, CAP_SETPCAP);
}

int
privdrop_apply(const struct minit_config *cfg)
{
	struct drop d;

	drop_init(&d, cfg, "privdrop");
	d.keep = cfg->keep_caps;
	return drop_apply(&d);
}

/* Before the fork: the bounding set is inherited, so what PROGRAM may not
 * keep is dropped once here instead of once in each process (41 credential
 * commits fewer a start: BENCHMARKS.md, start-up).  Only a head start:
 * both processes still drop what is left in their own drop_apply, which
 * also reads every bit back, so a failure here (no CAP_SETPCAP in E, say)
 * changes nothing and is not reported. */
void
privdrop_bounding_early(const struct minit_config *cfg)
{
	uint64_t perm, inh;

	if (caps_get(&perm, &inh) == 0 && caps_has(perm, CAP_SETPCAP))
		(void)drop_bounding(cfg->keep_caps, caps_last());
}

/* PID 1 needs no privilege to wait, reap and signal PROGRAM's processes:
 * with PROGRAM's uid, kill() needs no CAP_KILL.  Non-dumpable, so PROGRAM
 * (same uid) cannot ptrace it or read its /proc files (P25). */
int
privdrop_pid1(const struct minit_config *cfg)
{
	struct drop d;

	drop_init(&d, cfg, "privdrop: PID 1");
	d.keep = 0;
	if (drop_apply(&d) == -1)
		return -1;
	if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == -1 ||
	    prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) != 0) {
		log_sys("privdrop: PID 1: PR_SET_DUMPABLE");
		return -1;
	}
	log_verbose(cfg, "privdrop: PID 1 now uid %u gid %u, no capabilities",
	    (unsigned)d.uid, (unsigned)d.gid);
	return 0;
}
