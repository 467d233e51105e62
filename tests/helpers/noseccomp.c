/* noseccomp: run a command under an outer seccomp filter that denies
 * seccomp(2) and prctl(PR_SET_SECCOMP) with EPERM, as a container engine's
 * profile may (P39, T36).  minit under it must refuse to run PROGRAM
 * (tests/faults.bats).  usage: noseccomp PROGRAM [ARG...]
 * A raw classic-BPF filter: the helper links no library, and the filter is
 * four comparisons, checked against the arch first (P11). */
#include <errno.h>
#include <sys/prctl.h>
#include <sys/syscall.h>

#include "outer_filter.h"

#define DENY	(SECCOMP_RET_ERRNO | (EPERM & SECCOMP_RET_DATA))

int
main(int argc, char **argv)
{
	struct sock_filter code[] = {
		OUTER_FILTER_START,
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_seccomp, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, DENY),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_prctl, 0, 3),
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
		    offsetof(struct seccomp_data, args[0])),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, PR_SET_SECCOMP, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, DENY),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};

	return outer_filter_run("noseccomp", code,
	    (unsigned short)(sizeof(code) / sizeof(code[0])), argc, argv);
}
