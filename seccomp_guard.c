/* seccomp_guard.c: the guards, precompiled like the builtin profiles
 * (profile_groups.c has their text, build-aux/bpfgen their BPF) and
 * loaded with seccomp(2) before PROGRAM's own filter, so a profile that
 * denies seccomp(2) still gets them.  Stacked filters all run; the
 * strictest answer wins, so a guard only ever takes away.
 *
 * guard-pid1 needs minit's pid and process group, known only at run time:
 * the program is built with marks in their place (PROF_MARK_PID,
 * PROF_MARK_PGID) and each compare against a mark gets the real value
 * here: a copy of ~40 instructions, instead of libseccomp at run time. */
#include <errno.h>
#include <linux/filter.h>

#include "log.h"
#include "minit.h"
#include "profile_groups.h"
#include "seccomp_builtin.h"
#include "seccomp_guard.h"

#define GUARD_MAX_INSNS	128

static int
load_guard(const char *name, uint32_t pid, uint32_t pgid)
{
	const struct builtin_bpf *b = seccomp_builtin_find(name,
	    MINIT_SECCOMP_ERRNO);
	struct sock_filter prog[GUARD_MAX_INSNS];

	if (b == NULL || b->len > GUARD_MAX_INSNS) {
		log_err("seccomp: %s: missing", name);
		errno = ENOSYS;
		return -1;
	}
	builtin_bpf_copy(b, prog);
	for (unsigned i = 0; i < b->len; i++) {
		if (prog[i].code != (BPF_JMP | BPF_JEQ | BPF_K))
			continue;
		if (prog[i].k == PROF_MARK_PID)
			prog[i].k = pid;
		else if (prog[i].k == PROF_MARK_PGID)
			prog[i].k = pgid;
	}
	return seccomp_load_prog(prog, b->len, name);
}

int
seccomp_guard_pid1(pid_t pid, pid_t pgid)
{
	/* A group outside our PID namespace reads as 0 and cannot be named
	 * from here: the pid's own rule stands in for it. */
	if (pgid <= 0)
		pgid = pid;
	return load_guard("guard-pid1", (uint32_t)pid, (uint32_t)pgid);
}

int
seccomp_guard_memfd(void)
{
	return load_guard("guard-memfd", 0, 0);
}
