/* oci_print.c: a finished profile (profile_finish) as Docker/OCI seccomp
 * JSON, for --seccomp-print PROFILE --format oci.
 *
 * Every argument check is written as SCMP_CMP_MASKED_EQ with the mask's
 * high 32 bits clear, which libseccomp (under runc, crun, Docker, Podman)
 * compares exactly as minit does: the low 32 bits only.  A plain
 * SCMP_CMP_EQ or SCMP_CMP_NE would compare all 64 bits, and junk in the
 * high half would slip past a deny (ioctl (1<<32)|TIOCSTI, CVE-2019-10063).
 * profile_finish has already turned each "!=" into its masked compares,
 * one rule each: rules of one syscall and action are alternatives, as JSON
 * entries are.  Native ABI only, as minit's filters.  Reading the output
 * back with --seccomp FILE gives the same filter (tests/seccomp_json.bats). */
#include "arch.h"
#include "oci.h"

static int
same(struct prof_action a, struct prof_action b)
{
	return a.act == b.act && (a.act != PROF_ERRNO || a.err == b.err);
}

static void
action(FILE *out, struct prof_action a, const char *ret_key)
{
	static const char *const name[] = { [PROF_ALLOW] = "SCMP_ACT_ALLOW",
	    [PROF_ERRNO] = "SCMP_ACT_ERRNO", [PROF_LOG] = "SCMP_ACT_LOG" };
	const char *n = a.act < sizeof(name) / sizeof(name[0]) ? name[a.act] :
	    NULL;

	/* a finished action is never DENY or NONE: what is left kills */
	fprintf(out, "\"%s\"", n != NULL ? n : "SCMP_ACT_KILL_PROCESS");
	if (a.act == PROF_ERRNO)
		fprintf(out, ", \"%s\": %u", ret_key, a.err);
}

void
oci_print(FILE *out, const struct prof_filter *f)
{
	unsigned char done[PROF_NR_MAX] = { 0 };
	char name[64];
	const char *sep = "";

	fprintf(out, "{\n  \"defaultAction\": ");
	action(out, f->def, "defaultErrnoRet");
	fprintf(out, ",\n  \"architectures\": [\"%s\"],\n  \"syscalls\": [",
	    arch_native.oci_arch);
	/* unconditional rules: one entry per action, its syscalls listed */
	for (size_t i = 0; i < f->nrules; i++) {
		const struct prof_frule *r = &f->rule[i];
		int n = 0;

		if (r->ncmp != 0 || done[r->nr])
			continue;
		fprintf(out, "%s\n    {\"names\": [", sep);
		for (size_t k = i; k < f->nrules; k++) {
			const struct prof_frule *o = &f->rule[k];

			if (o->ncmp != 0 || done[o->nr] ||
			    !same(o->action, r->action))
				continue;
			done[o->nr] = 1;
			fprintf(out, "%s\"%s\"", n == 0 ? "" : n % 6 == 0 ?
			    ",\n      " : ", ",
			    profile_syscall_name(o->nr, name, sizeof(name)));
			n++;
		}
		fprintf(out, "], \"action\": ");
		action(out, r->action, "errnoRet");
		fprintf(out, "}");
		sep = ",";
	}
	/* conditional rules: one entry each */
	for (size_t i = 0; i < f->nrules; i++) {
		const struct prof_frule *r = &f->rule[i];

		if (r->ncmp == 0)
			continue;
		fprintf(out, "%s\n    {\"names\": [\"%s\"], \"action\": ", sep,
		    profile_syscall_name(r->nr, name, sizeof(name)));
		action(out, r->action, "errnoRet");
		fprintf(out, ", \"args\": [");
		for (int k = 0; k < r->ncmp; k++)
			fprintf(out, "%s{\"index\": %u, \"value\": %u, "
			    "\"valueTwo\": %u, \"op\": \"SCMP_CMP_MASKED_EQ\"}",
			    k > 0 ? ", " : "", r->cmp[k].arg, r->cmp[k].mask,
			    r->cmp[k].val);
		fprintf(out, "]}");
		sep = ",";
	}
	fprintf(out, "\n  ]\n}\n");
}
