/* check_bpf: the precompiled builtin filters (build/gen/seccomp_builtin.c,
 * written by build-aux/bpfgen) equal, byte for byte, what libseccomp builds
 * at run time from the same profile text through seccomp_build.c, under
 * every --seccomp-action: the two can never drift (P11, P12, P17, T31).
 * Built with the release toolchain and the same pinned libseccomp as minit
 * (not the dev build, which links the system's libseccomp), and without
 * seccomp_api_set: the API level is the running kernel's, as in minit.  */
#include <linux/filter.h>
#include <stdlib.h>
#include <unistd.h>

#include "harness.h"
#include "minit.h"
#include "profile.h"
#include "seccomp_build.h"
#include "seccomp_builtin.h"

static int
same_as_runtime(const struct builtin_bpf *b, struct profile *p)
{
	const char *text = profile_builtin(b->name) != NULL ?
	    profile_builtin(b->name) : profile_guard(b->name);
	struct prof_error err;
	scmp_filter_ctx ctx;
	static struct sock_filter got[BPF_MAXINSNS], want[BPF_MAXINSNS];
	static struct prof_filter fin;
	FILE *f = tmpfile();
	off_t size;
	int same;

	if (text == NULL || f == NULL ||
	    profile_parse(p, text, strlen(text), &err) != 0)
		return 0;
	profile_finish(p, b->deny, &fin);
	ctx = seccomp_build_filter(&fin, b->name);
	if (ctx == NULL || seccomp_export_bpf(ctx, fileno(f)) != 0)
		return 0;
	seccomp_release(ctx);
	size = lseek(fileno(f), 0, SEEK_END);
	builtin_bpf_copy(b, want);
	same = size == (off_t)(b->len * sizeof(struct sock_filter)) &&
	    size <= (off_t)sizeof(got) &&
	    pread(fileno(f), got, (size_t)size, 0) == size &&
	    memcmp(got, want, (size_t)size) == 0;
	if (!same)
		fprintf(stderr, "%s (action %d): %zu precompiled instructions, "
		    "%lld bytes at run time: differ\n", b->name, b->deny,
		    (size_t)b->len, (long long)size);
	fclose(f);
	return same &&
	    b->allows_prctl == (profile_always_allows(p,
	    profile_syscall_nr("prctl"), b->deny) != 0);
}

/* seccomp_guard.c puts minit's pid and group where these marks are. */
static int
has_mark(const struct builtin_bpf *b, uint32_t mark)
{
	for (unsigned i = 0; i < b->len; i++)
		if (b->insns[i].code == (BPF_JMP | BPF_JEQ | BPF_K) &&
		    b->insns[i].k == mark)
			return 1;
	return 0;
}

int
main(void)
{
	struct profile *p = malloc(sizeof(*p));
	int n = 0, seen[4][3] = { { 0 } };

	CHECK(p != NULL);
	CHECK(minit_builtin_bpf != NULL);
	if (p == NULL || minit_builtin_bpf == NULL)
		return harness_end("check_bpf");
	for (const struct builtin_bpf *b = minit_builtin_bpf; b->name != NULL;
	    b++, n++) {
		int which = strncmp(b->name, "pid1", 4) == 0 ? 0 :
		    strcmp(b->name, "default") == 0 ? 1 :
		    strcmp(b->name, "strict") == 0 ? 2 : 3;

		CHECK(b->deny >= 0 && b->deny <= MINIT_SECCOMP_LOG);
		seen[which][b->deny]++;
		CHECK(b->len > 0 && b->len <= BPF_MAXINSNS);
		CHECK(same_as_runtime(b, p));
		/* BADARCH kill: the first instructions check the audit arch */
		CHECK(b->insns[0].code == (BPF_LD | BPF_W | BPF_ABS) &&
		    b->insns[0].k == 4);
		for (unsigned i = 0; i < b->npatch; i++)
			CHECK(b->patch[i].at < b->len);
		if (strcmp(b->name, "guard-pid1") == 0)
			CHECK(has_mark(b, PROF_MARK_PID) && has_mark(b, PROF_MARK_PGID));
	}
	/* pid1 under kill; default and strict under errno and log (their
	 * kill variants and pid1-record are built at run time) */
	CHECK(n == 7);	/* and the two guards under errno (seccomp_guard.c) */
	CHECK(seen[3][MINIT_SECCOMP_ERRNO] == 2);
	CHECK(seen[0][MINIT_SECCOMP_KILL] == 1);	/* pid1-record: run time */
	CHECK(seen[1][MINIT_SECCOMP_KILL] == 0);
	CHECK(seen[1][MINIT_SECCOMP_ERRNO] == 1 && seen[1][MINIT_SECCOMP_LOG] == 1);
	CHECK(seen[2][MINIT_SECCOMP_KILL] == 0 && seen[2][MINIT_SECCOMP_ERRNO] == 1 &&
	    seen[2][MINIT_SECCOMP_LOG] == 1);
	free(p);
	return harness_end("check_bpf");
}
