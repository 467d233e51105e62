/* nolandlock: run a command as on a kernel without Landlock: an outer
 * seccomp filter makes landlock_create_ruleset, landlock_add_rule and
 * landlock_restrict_self fail with ENOSYS (tests/landlock.bats).
 * usage: nolandlock PROGRAM [ARG...]
 * A raw classic-BPF filter, like noseccomp.c: arch first (P11), then the
 * three syscall numbers (444-446, the same on every architecture). */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>

int
main(int argc, char **argv)
{
	struct sock_filter code[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
		    offsetof(struct seccomp_data, arch)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
		    offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, 444, 0, 2),
		BPF_JUMP(BPF_JMP | BPF_JGT | BPF_K, 446, 1, 0),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | ENOSYS),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = {
		.len = (unsigned short)(sizeof(code) / sizeof(code[0])),
		.filter = code,
	};

	if (argc < 2) {
		fputs("usage: nolandlock PROGRAM [ARG...]\n", stderr);
		return 2;
	}
	/* As noseccomp: without no_new_privs (the tests have CAP_SYS_ADMIN),
	 * so minit starts with its privileges intact. */
	if (prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog) == -1) {
		perror("nolandlock: PR_SET_SECCOMP");
		return 1;
	}
	execvp(argv[1], argv + 1);
	perror("nolandlock: exec");
	return 127;
}
