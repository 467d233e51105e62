/* oci_print.c: a struct profile as Docker/OCI seccomp JSON, for
 * --seccomp-print PROFILE --format oci.
 *
 * Every argument check is written as SCMP_CMP_MASKED_EQ with the mask's
 * high 32 bits clear, which libseccomp (under runc, crun, Docker, Podman)
 * compares exactly as minit does: the low 32 bits only.  A plain
 * SCMP_CMP_EQ or SCMP_CMP_NE would compare all 64 bits, and junk in the
 * high half would slip past a deny (ioctl (1<<32)|TIOCSTI, CVE-2019-10063).
 * A "!=" condition becomes its masked compares (profile_expand_not_in), one
 * entry each: entries of one syscall and action are alternatives.  Native
 * x86_64 only, as minit's filters.  Reading the output back with
 * --seccomp FILE gives the same rules (tests/seccomp_json.bats). */
#include <stdio.h>

#include "oci.h"

static int
same(struct prof_action a, struct prof_action b)
{
	return a.act == b.act && (a.act != PROF_ERRNO || a.err == b.err);
}

static void
action(struct prof_action a, const char *ret_key)
{
	static const char *const name[] = { [PROF_ALLOW] = "SCMP_ACT_ALLOW",
	    [PROF_ERRNO] = "SCMP_ACT_ERRNO", [PROF_KILL] = "SCMP_ACT_KILL_PROCESS",
	    [PROF_LOG] = "SCMP_ACT_LOG" };

	printf("\"%s\"", a.act < sizeof(name) / sizeof(name[0]) &&
	    name[a.act] != NULL ? name[a.act] : "SCMP_ACT_KILL_PROCESS");
	if (a.act == PROF_ERRNO)
		printf(", \"%s\": %u", ret_key, a.err);
}

static void
open_entry(int *first, int nr, struct prof_action a)
{
	char name[64];

	printf("%s\n    {\"names\": [\"%s\"], \"action\": ", *first ? "" : ",",
	    profile_syscall_name(nr, name, sizeof(name)));
	action(a, "errnoRet");
	*first = 0;
}

/* One entry of rule r, with condition `alt` (if >= 0) replaced by m. */
static void
cond_entry(int *first, const struct prof_rule *r, struct prof_action a,
    int alt, const struct prof_masked *m)
{
	open_entry(first, r->nr, a);
	printf(", \"args\": [");
	for (int i = 0; i < r->ncond; i++) {
		uint32_t mask = i == alt ? m->mask : r->cond[i].mask;
		uint32_t val = i == alt ? m->val : r->cond[i].val[0];

		printf("%s{\"index\": %u, \"value\": %u, \"valueTwo\": %u, "
		    "\"op\": \"SCMP_CMP_MASKED_EQ\"}", i > 0 ? ", " : "",
		    r->cond[i].arg, mask, val);
	}
	printf("]}");
}

void
oci_print(const struct profile *p, int deny)
{
	struct prof_action def = profile_concrete(p->def, deny);
	struct prof_masked alt[PROF_MAX_EXPAND];
	unsigned char done[PROF_NR_MAX] = { 0 };
	char name[64];
	int first = 1;

	printf("{\n  \"defaultAction\": ");
	action(def, "defaultErrnoRet");
	printf(",\n  \"architectures\": [\"SCMP_ARCH_X86_64\"],\n"
	    "  \"syscalls\": [");
	/* unconditional rules: one entry per action, its syscalls listed */
	for (int nr = 0; nr < PROF_NR_MAX; nr++) {
		struct prof_action a = profile_concrete(p->sys[nr].action, deny);
		int n = 0;

		if (done[nr] || p->sys[nr].state != PROF_SYS_ALWAYS ||
		    same(a, def))
			continue;
		printf("%s\n    {\"names\": [", first ? "" : ",");
		for (int k = nr; k < PROF_NR_MAX; k++)
			if (!done[k] && p->sys[k].state == PROF_SYS_ALWAYS &&
			    same(profile_concrete(p->sys[k].action, deny), a)) {
				done[k] = 1;
				printf("%s\"%s\"", n++ % 6 == 0 ? n > 1 ?
				    ",\n      " : "" : ", ",
				    profile_syscall_name(k, name, sizeof(name)));
			}
		printf("], \"action\": ");
		action(a, "errnoRet");
		printf("}");
		first = 0;
	}
	/* conditional rules: one entry per rule, or per masked compare of
	 * its "!=" condition */
	for (size_t k = 0; k < p->nrules; k++) {
		const struct prof_rule *r = &p->rule[k];
		struct prof_action a = profile_concrete(r->action, deny);
		int ne = -1, n;

		if (same(a, def))
			continue;
		for (int i = 0; i < r->ncond; i++)
			if (r->cond[i].op == PROF_NOT_IN)
				ne = i;
		if (ne == -1) {
			cond_entry(&first, r, a, -1, NULL);
			continue;
		}
		n = profile_expand_not_in(&r->cond[ne], alt);
		for (int j = 0; j < n; j++)
			cond_entry(&first, r, a, ne, &alt[j]);
	}
	printf("\n  ]\n}\n");
}
