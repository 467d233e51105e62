/* profile_groups.c: the data of the profile language: the named syscall
 * groups, the builtin profiles (as profile text) and what the child needs.
 * No code depends on the parser here: the parser reads this. */
#ifndef MINIT_PROFILE_GROUPS_H
#define MINIT_PROFILE_GROUPS_H

struct prof_group {
	const char	*name;	/* "@mount" */
	const char	*calls;	/* space-separated syscall names; one the
				 * native ABI lacks is skipped (arch/) */
	const char	*why;	/* one line for --seccomp-print and the docs */
};

extern const struct prof_group prof_groups[];

/* The text of a builtin profile ("default", "strict", "pid1"), or NULL. */
const char	*profile_builtin(const char *name);
/* profile_guards.c: the text of a guard ("guard-pid1", "guard-memfd"), or
 * NULL; for bpfgen, the tests and the OCI export (minit loads their BPF). */
const char	*profile_guard(const char *name);
/* The builtin profiles that are not for --seccomp: minit's own "pid1" and
 * the guards stacked on PROGRAM's filter (seccomp_guard.c). */
int		 profile_internal(const char *name);

/* Marks in the builtin profile "guard-pid1" for minit's pid and process
 * group, which are known only at run time: seccomp_guard.c puts them in
 * the precompiled program.  No syscall, flag or arch constant has these
 * values (bpfgen checks that each mark appears). */
#define PROF_MARK_PID	0x7fffff01
#define PROF_MARK_PGID	0x7fffff02
#define PROF_STR_(x)	#x
#define PROF_STR(x)	PROF_STR_(x)
/* What the child still calls after PROGRAM's filter is loaded (child.c:
 * read the go byte, write a failure report, drop its own pending SIGPIPE,
 * unblock signals, exec, exit).  A profile that denies one is refused: at
 * build time for the builtins (bpfgen), at start-up for profile files. */
extern const char *const profile_child_needs[];

#endif
