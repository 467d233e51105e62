/* libFuzzer target: the Docker/OCI JSON import (oci.c, with the jsmn
 * tokenizer under it) on arbitrary bytes, under two capability sets.
 * Pure: nothing is loaded.  Seeds: both real default profiles (Docker's,
 * Podman's) and pieces of them, fuzz/corpus/oci/. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "minit.h"
#include "oci.h"
#include "profile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check(const struct profile *p)
{
	if (p->def.act == PROF_NONE || p->nrules > PROF_MAX_RULES)
		__builtin_trap();
	for (size_t k = 0; k < p->nrules; k++) {
		const struct prof_rule *r = &p->rule[k];

		if (r->nr >= PROF_NR_MAX ||
		    p->sys[r->nr].state != PROF_SYS_IF || r->ncond == 0 ||
		    r->ncond > PROF_MAX_CONDS || r->action.act == PROF_NONE)
			__builtin_trap();
		for (unsigned i = 0; i < r->ncond; i++)
			if (r->cond[i].arg > 5 ||
			    (r->cond[i].val[0] & ~r->cond[i].mask) != 0)
				__builtin_trap();
	}
	for (int nr = 0; nr < PROF_NR_MAX; nr++)
		(void)profile_always_allows(p, nr, MINIT_SECCOMP_ERRNO);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct profile p;
	static const struct oci_env env[2] = {
		{ .caps = 0, .kernel = { 6, 1 } },
		{ .caps = UINT64_MAX, .kernel = { 3, 10 } },
	};
	struct prof_error err;
	struct oci_report rep;

	for (int e = 0; e < 2; e++) {
		if (oci_parse(&p, (const char *)data, size, &env[e], &rep,
		    &err) == -1) {
			/* a refusal always says why, and fits its buffer */
			if (err.msg[0] == '\0' ||
			    memchr(err.msg, '\0', sizeof(err.msg)) == NULL)
				__builtin_trap();
			continue;
		}
		if (memchr(rep.unknown_name, '\0',
		    sizeof(rep.unknown_name)) == NULL)
			__builtin_trap();
		check(&p);
	}
	return 0;
}
