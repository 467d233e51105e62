/* noseccomp: run a command under an outer seccomp filter that denies
 * seccomp(2) and prctl(PR_SET_SECCOMP) with EPERM, as a container engine's
 * profile may (P39, T36).  minit under it must refuse to run PROGRAM
 * (tests/faults.bats).  usage: noseccomp PROGRAM [ARG...]
 * A raw classic-BPF filter: the helper links no library, and the filter is
 * four comparisons, checked against the arch first (P11). */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>

#define DENY	(SECCOMP_RET_ERRNO | (EPERM & SECCOMP_RET_DATA))

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
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_seccomp, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, DENY),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_prctl, 0, 3),
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
		    offsetof(struct seccomp_data, args[0])),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, PR_SET_SECCOMP, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, DENY),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = {
		.len = (unsigned short)(sizeof(code) / sizeof(code[0])),
		.filter = code,
	};

	if (argc < 2) {
		fputs("usage: noseccomp PROGRAM [ARG...]\n", stderr);
		return 2;
	}
	/* Without no_new_privs: installing needs CAP_SYS_ADMIN then, which
	 * the tests have; so minit starts with its privileges intact. */
	if (prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog) == -1) {
		perror("noseccomp: PR_SET_SECCOMP");
		return 1;
	}
	execvp(argv[1], argv + 1);
	perror("noseccomp: exec");
	return 127;
}
