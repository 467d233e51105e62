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
/* What the child still calls after PROGRAM's filter is loaded (child.c:
 * read the go byte, write a failure report, drop its own pending SIGPIPE,
 * unblock signals, exec, exit).  A profile that denies one is refused: at
 * build time for the builtins (bpfgen), at start-up for profile files. */
extern const char *const profile_child_needs[];

#endif
