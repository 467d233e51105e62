/* Unit tests of profile_stack (lib/profile_stack.c): a profile with a guard
 * under it, as one filter, answers every call as the kernel answers the
 * two stacked filters; checked by brute force over argument values chosen
 * around the guard's and the profiles' bits. */
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "minit.h"
#include "profile.h"

static struct profile prof, gprof;
static struct prof_filter prog, guard, both;
static struct prof_error perr;

/* The answer of a finished filter to (nr, args); *mixed set when two
 * rules with different actions match (their order would then decide in
 * libseccomp). */
static struct prof_action
answer(const struct prof_filter *f, int nr, const uint32_t *args, int *mixed)
{
	struct prof_action a = f->def;
	int matched = 0;

	for (size_t i = 0; i < f->nrules; i++) {
		const struct prof_frule *r = &f->rule[i];
		int ok = r->nr == nr;

		for (int k = 0; ok && k < r->ncmp; k++)
			ok = (args[r->cmp[k].arg] & r->cmp[k].mask) ==
			    r->cmp[k].val;
		if (!ok)
			continue;
		if (matched && (a.act != r->action.act ||
		    a.err != r->action.err))
			*mixed = 1;
		a = r->action;
		matched = 1;
	}
	return a;
}

static int
rank(struct prof_action a)
{
	return a.act == PROF_ALLOW ? 4 : a.act == PROF_LOG ? 3 :
	    a.act == PROF_ERRNO ? 1 : 0;
}

/* Stack text's profile (deny action deny) on guard-memfd; 0 when every
 * answer is the kernel's, -1 when profile_stack refused. */
static int
check(const char *text, int deny)
{
	static const uint32_t v1[] = { 0, 1, 2, 3, 8, 9, 0xb, 0xfffffff7,
	    0xffffffff };
	static const uint32_t v[] = { 0, 1, 2, 3, 5 };
	const char *g = profile_guard("guard-memfd");
	const int nrs[] = { profile_syscall_nr("memfd_create"),
	    profile_syscall_nr("getpid"), profile_syscall_nr("ioctl") };
	int bad = 0;

	CHECK(profile_parse(&prof, text, strlen(text), &perr) == 0);
	CHECK(profile_parse(&gprof, g, strlen(g), &perr) == 0);
	profile_finish(&prof, deny, &prog);
	profile_finish(&gprof, MINIT_SECCOMP_ERRNO, &guard);
	if (profile_stack(&prog, &guard, &both) == -1)
		return -1;
	for (size_t n = 0; n < sizeof(nrs) / sizeof(nrs[0]); n++)
	for (size_t a1 = 0; a1 < sizeof(v1) / sizeof(v1[0]); a1++)
	for (size_t a0 = 0; a0 < sizeof(v) / sizeof(v[0]); a0++)
	for (size_t a2 = 0; a2 < sizeof(v) / sizeof(v[0]); a2++) {
		uint32_t args[6] = { v[a0], v1[a1], v[a2], v[a2], 0, 0 };
		int mixed = 0;
		struct prof_action p = answer(&prog, nrs[n], args, &mixed);
		struct prof_action q = answer(&guard, nrs[n], args, &mixed);
		struct prof_action want = rank(q) < rank(p) ? q : p;
		struct prof_action got = answer(&both, nrs[n], args, &mixed);

		if (mixed || got.act != want.act || got.err != want.err) {
			if (bad++ == 0)
				fprintf(stderr, "%s: nr %d args %x %x %x: want "
				    "%d/%d, got %d/%d%s\n", text, nrs[n],
				    args[0], args[1], args[2], want.act,
				    want.err, got.act, got.err,
				    mixed ? " (overlapping rules)" : "");
		}
	}
	CHECK(bad == 0);
	return 0;
}

static int
memfd_rules(void)
{
	int n = 0;

	for (size_t i = 0; i < both.nrules; i++)
		n += both.rule[i].nr == profile_syscall_nr("memfd_create");
	return n;
}

int
main(void)
{
	CHECK(check("include default\n", MINIT_SECCOMP_ERRNO) == 0);
	CHECK(check("include default\n", MINIT_SECCOMP_LOG) == 0);
	/* strict's unconditional allow becomes one allow with
	 * MFD_NOEXEC_SEAL; the rest is the default's EPERM: no rule */
	CHECK(check("include strict\n", MINIT_SECCOMP_ERRNO) == 0);
	CHECK(memfd_rules() == 1);
	CHECK(check("include strict\n", MINIT_SECCOMP_KILL) == 0);
	CHECK(memfd_rules() == 2);	/* and EPERM without it */
	CHECK(check("include strict\ndefault-action errno EACCES\n",
	    MINIT_SECCOMP_ERRNO) == 0);
	/* both refuse: PROGRAM's errno; only the guard: EPERM */
	CHECK(check("include default\ndeny memfd_create errno EACCES if "
	    "arg1 & 1 == 0\n", MINIT_SECCOMP_ERRNO) == 0);
	CHECK(check("include default\nkill memfd_create if arg1 & 3 == 1\n",
	    MINIT_SECCOMP_ERRNO) == 0);
	CHECK(check("include strict\nlog memfd_create if arg0 == 5\n",
	    MINIT_SECCOMP_ERRNO) == 0);
	CHECK(check("include strict\nallow memfd_create if arg1 & 2 == 2\n",
	    MINIT_SECCOMP_KILL) == 0);
	CHECK(check("include default\nallow memfd_create\n",
	    MINIT_SECCOMP_ERRNO) == 0);
	/* an allowing rule on three other arguments cannot also test arg1 */
	CHECK(check("include strict\nallow memfd_create if arg0 == 1 and "
	    "arg2 == 2 and arg3 == 3\n", MINIT_SECCOMP_ERRNO) == -1);
	/* ... a refusing one needs no cut where it says what the guard says
	 * (rules of one action may overlap); killing, it does */
	CHECK(check("include default\ndeny memfd_create if arg0 == 1 and "
	    "arg2 == 2 and arg3 == 3\n", MINIT_SECCOMP_ERRNO) == 0);
	CHECK(check("include default\ndeny memfd_create if arg0 == 1 and "
	    "arg2 == 2 and arg3 == 3\n", MINIT_SECCOMP_KILL) == -1);
	CHECK(check("include default\ndeny memfd_create if arg0 == 1 and "
	    "arg2 == 2\n", MINIT_SECCOMP_KILL) == 0);
	/* a guard that does not allow by default is not stacked */
	guard.def.act = PROF_ERRNO;
	CHECK(profile_stack(&prog, &guard, &both) == -1);
	return harness_end("test_profile_stack");
}
