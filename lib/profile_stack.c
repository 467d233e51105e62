/* profile_stack.c: two finished filters as one, for --seccomp-print
 * --format oci: an OCI profile is a single filter, but minit stacks its
 * guards (profile_guards.c) under PROGRAM's own.
 *
 * The kernel runs every stacked filter and takes the strictest action
 * (kill, then errno, then notify, log, allow); between two of the same
 * kind, the newest filter's, which is PROGRAM's (loaded after the guards).
 * So where PROGRAM refuses, its answer stands; where it allows or logs and
 * the guard refuses, the guard's.  The result is written with the same
 * 32-bit masked compares: each rule of a syscall is a "cube" (some bits of
 * some arguments fixed), and a part of a rule that the other filter
 * answers differently is cut out of it as disjoint cubes, so that no two
 * rules of one syscall with different actions overlap (libseccomp's
 * answer would then depend on the order of its tree).  Pure, no I/O. */
#include <string.h>

#include "profile.h"

#define NARGS		6
#define STACK_PIECES	256	/* cubes of one rule being cut */

struct cube {
	uint32_t	 mask[NARGS], val[NARGS];
};

/* The kernel's order of actions: lower is stricter. */
static int
rank(struct prof_action a)
{
	switch (a.act) {
	case PROF_ERRNO:
		return 1;
	case PROF_NOTIFY:
		return 2;
	case PROF_LOG:
		return 3;
	case PROF_ALLOW:
		return 4;
	default:
		return 0;	/* kill */
	}
}

/* What the kernel answers when the newer filter says newer and the older
 * one older: the strictly stricter, else the newer. */
static struct prof_action
stacked(struct prof_action newer, struct prof_action older)
{
	return rank(older) < rank(newer) ? older : newer;
}

static int
same(struct prof_action a, struct prof_action b)
{
	return a.act == b.act && a.err == b.err;
}

static struct cube
cube_of(const struct prof_frule *r)
{
	struct cube c;

	memset(&c, 0, sizeof(c));
	for (int k = 0; k < r->ncmp; k++) {
		c.mask[r->cmp[k].arg] = r->cmp[k].mask;
		c.val[r->cmp[k].arg] = r->cmp[k].val & r->cmp[k].mask;
	}
	return c;
}

/* a and b into *out; 0 when they have no call in common. */
static int
meet(const struct cube *a, const struct cube *b, struct cube *out)
{
	for (int i = 0; i < NARGS; i++) {
		if ((a->val[i] ^ b->val[i]) & a->mask[i] & b->mask[i])
			return 0;
		out->mask[i] = a->mask[i] | b->mask[i];
		out->val[i] = a->val[i] | b->val[i];
	}
	return 1;
}

/* The cubes in[0..n) minus d, as disjoint cubes into out; how many, or -1
 * when more than STACK_PIECES.  Each cube that meets d is cut bit by bit:
 * a piece for each bit of d it leaves free, that bit opposite to d's and
 * the bits before it equal to d's. */
static int
cut(const struct cube *in, int n, const struct cube *d, struct cube *out)
{
	int m = 0;

	for (int k = 0; k < n; k++) {
		struct cube cur = in[k], x;

		if (!meet(&cur, d, &x)) {
			if (m == STACK_PIECES)
				return -1;
			out[m++] = cur;
			continue;
		}
		for (int i = 0; i < NARGS; i++)
			for (uint32_t bit = 1; bit != 0; bit <<= 1) {
				if (!(d->mask[i] & bit) || (cur.mask[i] & bit))
					continue;
				if (m == STACK_PIECES)
					return -1;
				out[m] = cur;
				out[m].mask[i] |= bit;
				out[m].val[i] |= ~d->val[i] & bit;
				m++;
				cur.mask[i] |= bit;
				cur.val[i] |= d->val[i] & bit;
			}
	}
	return m;
}

/* A part of one filter's rule (or default) being written: its cube, the
 * answer it gets there, its own filter's action, and whether that filter
 * is the newer of the two. */
struct piece {
	struct cube	 c;
	struct prof_action action, own;
	int		 newer;
};

/* pc minus every rule of syscall nr in rules[0..n) where the two filters
 * answer otherwise than pc says (where they answer the same, the rules
 * may overlap: rules of one action are alternatives): into pieces. */
static int
cut_all(const struct piece *pc, int nr, const struct prof_frule *rules,
    size_t n, struct cube *pieces, struct cube *tmp)
{
	int np = 1;

	pieces[0] = pc->c;
	for (size_t k = 0; k < n && np > 0; k++) {
		struct prof_action there = pc->newer ?
		    stacked(pc->own, rules[k].action) :
		    stacked(rules[k].action, pc->own);
		struct cube d;

		if (rules[k].nr != nr || same(there, pc->action))
			continue;
		d = cube_of(&rules[k]);
		np = cut(pieces, np, &d, tmp);
		if (np == -1)
			return -1;
		memcpy(pieces, tmp, (size_t)np * sizeof(*tmp));
	}
	return np;
}

/* Append rule (nr, c, a) to out, unless a is out's default. */
static int
emit(struct prof_filter *out, int nr, uint16_t line, const struct cube *c,
    struct prof_action a)
{
	struct prof_frule r = { .nr = (uint16_t)nr, .line = line, .action = a };

	if (same(a, out->def))
		return 0;
	for (int i = 0; i < NARGS; i++) {
		if (c->mask[i] == 0)
			continue;
		if (r.ncmp == PROF_MAX_CONDS)
			return -1;
		r.cmp[r.ncmp++] = (struct prof_cmp){ .arg = (uint8_t)i,
		    .mask = c->mask[i], .val = c->val[i] };
	}
	if (out->nrules == PROF_FILTER_MAX)
		return -1;
	out->rule[out->nrules++] = r;
	return 0;
}

/* The rules of syscall nr in prog (newer) and guard (older) as one. */
static int
stack_syscall(const struct prof_filter *prog, const struct prof_filter *guard,
    int nr, struct prof_filter *out)
{
	struct cube pieces[STACK_PIECES], tmp[STACK_PIECES];
	const struct prof_frule *p = prog->rule, *g = guard->rule;
	struct piece pc;
	int np;

	/* each rule of PROGRAM: as it is where the guard does not refuse
	 * (or refuses less), stacked where it does */
	for (size_t i = 0; i < prog->nrules; i++) {
		struct cube c, x;

		if (p[i].nr != nr)
			continue;
		c = cube_of(&p[i]);
		pc = (struct piece){ .c = c, .action = p[i].action,
		    .own = p[i].action, .newer = 1 };
		np = cut_all(&pc, nr, g, guard->nrules, pieces, tmp);
		if (np == -1)
			return -1;
		for (int k = 0; k < np; k++)
			if (emit(out, nr, p[i].line, &pieces[k],
			    p[i].action) == -1)
				return -1;
		for (size_t j = 0; j < guard->nrules; j++) {
			struct prof_action a = stacked(p[i].action,
			    g[j].action);
			struct cube gc = cube_of(&g[j]);

			if (g[j].nr == nr && !same(a, p[i].action) &&
			    meet(&c, &gc, &x) &&
			    emit(out, nr, p[i].line, &x, a) == -1)
				return -1;
		}
	}
	/* where no rule of PROGRAM's matches: its default, stacked */
	for (size_t j = 0; j < guard->nrules; j++) {
		struct prof_action a;

		if (g[j].nr != nr)
			continue;
		a = stacked(prog->def, g[j].action);
		if (same(a, prog->def))
			continue;
		pc = (struct piece){ .c = cube_of(&g[j]), .action = a,
		    .own = g[j].action, .newer = 0 };
		np = cut_all(&pc, nr, p, prog->nrules, pieces, tmp);
		if (np == -1)
			return -1;
		for (int k = 0; k < np; k++)
			if (emit(out, nr, g[j].line, &pieces[k], a) == -1)
				return -1;
	}
	return 0;
}

int
profile_stack(const struct prof_filter *prog, const struct prof_filter *guard,
    struct prof_filter *out)
{
	size_t gi = 0;

	/* a guard allows what it does not name: else its default would have
	 * to be cut out of every syscall */
	if (guard->def.act != PROF_ALLOW)
		return -1;
	out->def = prog->def;
	out->nrules = 0;
	for (size_t i = 0; i < prog->nrules || gi < guard->nrules;) {
		int nr = i < prog->nrules ? prog->rule[i].nr : PROF_NR_MAX;

		if (gi < guard->nrules && guard->rule[gi].nr <= nr) {
			nr = guard->rule[gi].nr;
			if (stack_syscall(prog, guard, nr, out) == -1)
				return -1;
			while (i < prog->nrules && prog->rule[i].nr == nr)
				i++;
			while (gi < guard->nrules && guard->rule[gi].nr == nr)
				gi++;
			continue;
		}
		if (out->nrules == PROF_FILTER_MAX)
			return -1;
		out->rule[out->nrules++] = prog->rule[i++];
	}
	return 0;
}
