/* libFuzzer target: the seccomp profile parser (profile.c) and the
 * not-in expansion, on arbitrary bytes.  Pure: nothing is loaded. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "minit.h"
#include "profile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct profile p;
	struct prof_error err;
	struct prof_masked m[PROF_MAX_EXPAND];

	if (profile_parse(&p, (const char *)data, size, &err) == -1) {
		/* a refusal always says why, and fits its buffer */
		if (err.msg[0] == '\0' ||
		    memchr(err.msg, '\0', sizeof(err.msg)) == NULL)
			__builtin_trap();
		return 0;
	}
	if (p.def.act == PROF_NONE || p.nrules > PROF_MAX_RULES)
		__builtin_trap();
	for (size_t k = 0; k < p.nrules; k++) {
		const struct prof_rule *r = &p.rule[k];

		if (r->nr >= PROF_NR_MAX || p.sys[r->nr].state != PROF_SYS_IF ||
		    r->ncond == 0 || r->ncond > PROF_MAX_CONDS)
			__builtin_trap();
		for (unsigned i = 0; i < r->ncond; i++) {
			int n;

			if (r->cond[i].op != PROF_NOT_IN)
				continue;
			n = profile_expand_not_in(&r->cond[i], m);
			if (n < 0 || n > PROF_MAX_EXPAND)
				__builtin_trap();
			/* none of the excluded values may match a compare */
			for (unsigned v = 0; v < r->cond[i].nvals; v++)
				for (int j = 0; j < n; j++)
					if ((r->cond[i].val[v] & m[j].mask) ==
					    m[j].val)
						__builtin_trap();
		}
	}
	for (int nr = 0; nr < PROF_NR_MAX; nr++)
		(void)profile_always_allows(&p, nr, MINIT_SECCOMP_ERRNO);
	return 0;
}
