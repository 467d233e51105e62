/* seccomp_build.c: a parsed profile as a libseccomp filter context.
 *
 * Every filter is native x86_64 only with BADARCH = KILL_PROCESS, so the
 * i386 int 0x80 and x32 ABIs (which use other syscall numbers) are killed
 * (P11, P12); libseccomp builds a binary tree (OPTIMIZE 2) and argument
 * checks are 32-bit masked compares (P17), which leaves every other syscall
 * to the kernel's action cache (P18).  The builtin profiles go through this
 * same code at build time (build-aux/bpfgen.c), profile files at run time. */
#include <errno.h>

#include "minit.h"
#include "seccomp_build.h"

const char *const seccomp_child_needs[] = { "execve", "read", "write",
    "rt_sigaction", "rt_sigprocmask", "exit_group", NULL };

uint32_t
seccomp_scmp_action(struct prof_action a)
{
	switch (a.act) {
	case PROF_ALLOW:
		return SCMP_ACT_ALLOW;
	case PROF_ERRNO:
		return SCMP_ACT_ERRNO(a.err);
	case PROF_LOG:
		return SCMP_ACT_LOG;
	default:
		return SCMP_ACT_KILL_PROCESS;
	}
}

static int
add_cond_rule(scmp_filter_ctx ctx, uint32_t act, const struct prof_rule *r)
{
	struct scmp_arg_cmp cmp[PROF_MAX_CONDS];
	struct prof_masked alt[PROF_MAX_EXPAND];
	int nalt = 0, notin_at = -1, rc;

	for (int i = 0; i < r->ncond; i++) {
		const struct prof_cond *c = &r->cond[i];

		/* a mask without high bits: libseccomp compares the low
		 * 32 bits only */
		cmp[i] = (struct scmp_arg_cmp){ .arg = c->arg,
		    .op = SCMP_CMP_MASKED_EQ, .datum_a = c->mask,
		    .datum_b = c->val[0] };
		if (c->op == PROF_NOT_IN) {
			notin_at = i;
			nalt = profile_expand_not_in(c, alt);
		}
	}
	if (notin_at == -1)
		return seccomp_rule_add_exact_array(ctx, act, r->nr, r->ncond, cmp);
	for (int k = 0; k < nalt; k++) {
		cmp[notin_at].datum_a = alt[k].mask;
		cmp[notin_at].datum_b = alt[k].val;
		rc = seccomp_rule_add_exact_array(ctx, act, r->nr, r->ncond, cmp);
		if (rc != 0)
			return rc;
	}
	return 0;
}

/* One rule per syscall whose action differs from the default; a rule
 * equal to the default changes nothing (and libseccomp refuses it). */
static int
add_rules(scmp_filter_ctx ctx, const struct profile *p, int deny, uint32_t def)
{
	char name[64];
	int rc;

	for (int nr = 0; nr < PROF_NR_MAX; nr++) {
		const struct prof_sys *s = &p->sys[nr];
		uint32_t act = seccomp_scmp_action(profile_concrete(s->action, deny));

		if (s->state == PROF_SYS_NONE ||
		    (s->state == PROF_SYS_ALWAYS && act == def))
			continue;
		rc = 0;
		if (s->state == PROF_SYS_ALWAYS)
			rc = seccomp_rule_add_exact(ctx, act, nr, 0);
		/* each conditional rule has its own action (JSON may mix) */
		for (size_t k = 0; rc == 0 && s->state == PROF_SYS_IF &&
		    k < p->nrules; k++) {
			act = seccomp_scmp_action(profile_concrete(
			    p->rule[k].action, deny));
			if (p->rule[k].nr == nr && act != def)
				rc = add_cond_rule(ctx, act, &p->rule[k]);
		}
		if (rc != 0) {
			errno = -rc;
			log_sys("seccomp: rule for %s (line %u)",
			    profile_syscall_name(nr, name, sizeof(name)), s->line);
			return -1;
		}
	}
	return 0;
}

scmp_filter_ctx
seccomp_build(const struct profile *p, int deny, const char *label)
{
	uint32_t def = seccomp_scmp_action(profile_concrete(p->def, deny));
	scmp_filter_ctx ctx;
	int rc;

	if (seccomp_arch_native() != SCMP_ARCH_X86_64) {
		log_err("seccomp: %s: only the x86_64 ABI is supported", label);
		return NULL;
	}
	ctx = seccomp_init(def);
	if (ctx == NULL) {
		log_err("seccomp: %s: cannot create the filter", label);
		return NULL;
	}
	rc = seccomp_attr_set(ctx, SCMP_FLTATR_ACT_BADARCH, SCMP_ACT_KILL_PROCESS);
	if (rc == 0)
		rc = seccomp_attr_set(ctx, SCMP_FLTATR_CTL_OPTIMIZE, 2);
	if (rc != 0) {
		errno = -rc;
		log_sys("seccomp: %s: filter attributes", label);
	} else if (add_rules(ctx, p, deny, def) == -1) {
		rc = -1;
	}
	if (rc != 0) {
		seccomp_release(ctx);
		return NULL;
	}
	return ctx;
}
