/* nolandlock: run a command as on a kernel without Landlock: an outer
 * seccomp filter makes landlock_create_ruleset, landlock_add_rule and
 * landlock_restrict_self fail with ENOSYS (tests/landlock.bats).
 * usage: nolandlock PROGRAM [ARG...]
 * A raw classic-BPF filter, like noseccomp.c: arch first (P11), then the
 * three syscall numbers (444-446, the same on every architecture). */
#include <errno.h>

#include "outer_filter.h"

int
main(int argc, char **argv)
{
	struct sock_filter code[] = {
		OUTER_FILTER_START,
		BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, 444, 0, 2),
		BPF_JUMP(BPF_JMP | BPF_JGT | BPF_K, 446, 1, 0),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | ENOSYS),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};

	return outer_filter_run("nolandlock", code,
	    (unsigned short)(sizeof(code) / sizeof(code[0])), argc, argv);
}
