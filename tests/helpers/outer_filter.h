/* outer_filter.h: the wrapper helpers (noseccomp.c, nolandlock.c) run a
 * command under an outer seccomp filter, as a container engine's profile
 * would, to show how minit copes with what that profile takes away. */
#ifndef OUTER_FILTER_H
#define OUTER_FILTER_H

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>

/* Every filter here starts so: another architecture is killed (P11), then
 * the syscall number is loaded. */
#define OUTER_FILTER_START						\
	BPF_STMT(BPF_LD | BPF_W | BPF_ABS,				\
	    offsetof(struct seccomp_data, arch)),			\
	BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0),	\
	BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),		\
	BPF_STMT(BPF_LD | BPF_W | BPF_ABS,				\
	    offsetof(struct seccomp_data, nr))

/* Install code[0..len) and exec argv[1...]; returns only on error, with
 * the exit status: 2 usage, 1 filter refused, 127 exec failed. */
static int
outer_filter_run(const char *name, struct sock_filter *code, unsigned short len,
    int argc, char **argv)
{
	struct sock_fprog prog = { .len = len, .filter = code };

	if (argc < 2) {
		fprintf(stderr, "usage: %s PROGRAM [ARG...]\n", name);
		return 2;
	}
	/* Without no_new_privs: installing needs CAP_SYS_ADMIN then, which
	 * the tests have; so minit starts with its privileges intact. */
	if (prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog) == -1) {
		fprintf(stderr, "%s: PR_SET_SECCOMP: %s\n", name, strerror(errno));
		return 1;
	}
	execvp(argv[1], argv + 1);
	fprintf(stderr, "%s: exec: %s\n", name, strerror(errno));
	return 127;
}

#endif
