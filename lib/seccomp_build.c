/* seccomp_build.c: a parsed profile as a libseccomp filter context.
 *
 * Every filter is for the native ABI only (arch/) with BADARCH =
 * KILL_PROCESS, so the other ABIs (on x86_64: i386 int 0x80 and x32, which
 * use other syscall numbers) are killed (P11, P12); libseccomp builds a
 * binary tree (OPTIMIZE 2) and argument checks are 32-bit masked compares
 * (P17), which leaves every other syscall to the kernel's action cache
 * (P18).  The builtin profiles go through this
 * same code at build time (build-aux/bpfgen.c), profile files at run time. */
#include <errno.h>

#include "arch.h"
#include "log.h"
#include "seccomp_build.h"

uint32_t
seccomp_build_action(struct prof_action a)
{
	switch (a.act) {
	case PROF_ALLOW:
		return SCMP_ACT_ALLOW;
	case PROF_ERRNO:
		return SCMP_ACT_ERRNO(a.err);
	case PROF_LOG:
		return SCMP_ACT_LOG;
	case PROF_NOTIFY:
		return SCMP_ACT_NOTIFY;
	default:
		return SCMP_ACT_KILL_PROCESS;
	}
}

/* The rules of f, in order, each with its compares (32-bit masked: a mask
 * without high bits, so libseccomp compares the low 32 bits only). */
static int
add_rules(scmp_filter_ctx ctx, const struct prof_filter *f)
{
	char name[64];
	int rc;

	for (size_t i = 0; i < f->nrules; i++) {
		const struct prof_frule *r = &f->rule[i];
		struct scmp_arg_cmp cmp[PROF_MAX_CONDS];

		for (int k = 0; k < r->ncmp; k++)
			cmp[k] = (struct scmp_arg_cmp){ .arg = r->cmp[k].arg,
			    .op = SCMP_CMP_MASKED_EQ, .datum_a = r->cmp[k].mask,
			    .datum_b = r->cmp[k].val };
		rc = seccomp_rule_add_exact_array(ctx,
		    seccomp_build_action(r->action), r->nr, r->ncmp, cmp);
		if (rc != 0) {
			errno = -rc;
			log_sys("seccomp: rule for %s (line %u)",
			    profile_syscall_name(r->nr, name, sizeof(name)),
			    r->line);
			return -1;
		}
	}
	return 0;
}

scmp_filter_ctx
seccomp_build_filter(const struct prof_filter *f, const char *label)
{
	uint32_t def = seccomp_build_action(f->def);
	scmp_filter_ctx ctx;
	int rc;

	if (seccomp_arch_native() != arch_native.scmp_arch) {
		log_err("seccomp: %s: only the %s ABI is supported", label,
		    arch_native.name);
		return NULL;
	}
	ctx = seccomp_init(def);
	if (ctx == NULL) {
		log_err("seccomp: %s: cannot create the filter", label);
		return NULL;
	}
	rc = seccomp_attr_set(ctx, SCMP_FLTATR_ACT_BADARCH,
	    SCMP_ACT_KILL_PROCESS);
	if (rc == 0)
		rc = seccomp_attr_set(ctx, SCMP_FLTATR_CTL_OPTIMIZE, 2);
	if (rc != 0) {
		errno = -rc;
		log_sys("seccomp: %s: filter attributes", label);
	} else if (add_rules(ctx, f) == -1) {
		rc = -1;
	}
	if (rc != 0) {
		seccomp_release(ctx);
		return NULL;
	}
	return ctx;
}
