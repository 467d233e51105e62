/* profile.c: the seccomp profile language, the builtin syscall groups and
 * profiles.  Pure: parsing fills a caller-provided struct profile; nothing
 * here loads a filter, opens a file or allocates (so unit tests and the
 * fuzzer call it freely).  docs/seccomp.md describes the format. */
#ifndef MINIT_PROFILE_H
#define MINIT_PROFILE_H

#include <stddef.h>
#include <stdint.h>

#include "profile_groups.h"

#define PROF_NR_MAX	512	/* x86_64 syscall numbers are below this */
#define PROF_MAX_RULES	160	/* conditional rules in one profile */
#define PROF_MAX_CONDS	3	/* conditions in one rule */
#define PROF_MAX_VALS	4	/* values of one "argN != V,..." */
#define PROF_MAX_TEXT	65536	/* bytes of a profile file */

enum prof_act {
	PROF_NONE,		/* no rule: the default action */
	PROF_ALLOW,
	PROF_DENY,		/* what --seccomp-action says (EPERM, kill, log) */
	PROF_ERRNO,		/* an explicit errno */
	PROF_KILL,		/* SECCOMP_RET_KILL_PROCESS */
	PROF_LOG,		/* allowed, logged by the kernel */
	PROF_NOTIFY,		/* ask PID 1 (--seccomp-record only; never
				 * from a profile's text) */
};

struct prof_action {
	uint8_t		 act;	/* enum prof_act */
	uint16_t	 err;	/* PROF_ERRNO: the errno */
};

enum prof_op {
	PROF_MASKED_EQ,		/* (low 32 bits & mask) == val[0] */
	PROF_NOT_IN,		/* low 32 bits are none of val[0..nvals) */
};

struct prof_cond {
	uint8_t		 arg;	/* 0..5 */
	uint8_t		 op;	/* enum prof_op */
	uint8_t		 nvals;
	uint32_t	 mask;
	uint32_t	 val[PROF_MAX_VALS];
};

/* A conditional rule: its action applies when every condition holds.
 * Rules of one syscall are alternatives (OR).  The line language gives
 * every rule of a syscall the same action (its struct prof_sys's); a JSON
 * profile may mix them (Podman's socket rules do). */
struct prof_rule {
	uint16_t	 nr;
	uint16_t	 line;
	uint8_t		 ncond;
	struct prof_action action;
	struct prof_cond cond[PROF_MAX_CONDS];
};

enum prof_state { PROF_SYS_NONE, PROF_SYS_ALWAYS, PROF_SYS_IF };

struct prof_sys {
	uint8_t		 state;	/* enum prof_state */
	struct prof_action action;
	uint16_t	 line;	/* the line that set it */
};

struct profile {
	struct prof_action def;	/* default action; act PROF_NONE: unset */
	struct prof_sys	 sys[PROF_NR_MAX];
	struct prof_rule rule[PROF_MAX_RULES];
	size_t		 nrules;
};

/* One 32-bit masked compare: (arg & mask) == val. */
struct prof_masked {
	uint32_t	 mask, val;
};

#define PROF_MAX_EXPAND	(32 * PROF_MAX_VALS)

/* A compare of a finished filter: (low 32 bits of arg & mask) == val. */
struct prof_cmp {
	uint8_t		 arg;
	uint32_t	 mask, val;
};

/* One rule of a finished filter: nr gets action when every compare holds
 * (ncmp 0: always). */
struct prof_frule {
	uint16_t	 nr;
	uint16_t	 line;		/* the profile line, for messages */
	uint8_t		 ncmp;
	struct prof_action action;	/* concrete: never PROF_DENY */
	struct prof_cmp	 cmp[PROF_MAX_CONDS];
};

#define PROF_FILTER_MAX	(PROF_NR_MAX + PROF_MAX_RULES * PROF_MAX_EXPAND)

/* A profile in the concrete form a filter builder takes: every action
 * concrete, every != expanded into masked compares, only the rules whose
 * action differs from the default, in syscall order.  Large (the worst
 * case of expansions): callers map it, as they map a struct profile. */
struct prof_filter {
	struct prof_action def;	/* concrete */
	size_t		 nrules;
	struct prof_frule rule[PROF_FILTER_MAX];
};

struct prof_error {
	unsigned	 line;	/* 0: the whole profile */
	char		 msg[192];
};


/* Parse text (len bytes, need not be NUL-terminated) into p.  0, or -1
 * with err filled; p is then unusable (never half-applied). */
int		 profile_parse(struct profile *p, const char *text, size_t len,
		     struct prof_error *err);
/* Remove every conditional rule of syscall nr (the JSON import's
 * combining, oci.c, shares it). */
void		 profile_drop_rules(struct profile *p, int nr);
/* x86_64 syscall number of a name; -1 unknown, -2 not an x86_64 syscall. */
int		 profile_syscall_nr(const char *name);
/* Name of an x86_64 syscall number into buf (never NULL). */
const char	*profile_syscall_name(int nr, char *buf, size_t size);
/* The next name of a group's calls (from prof_group.calls, then from the
 * pointer returned) that the native ABI has, its number in *nr; the names
 * it lacks (x86-only calls on aarch64) are skipped.  NULL at the end. */
const char	*profile_group_next(const char *s, int *nr);
/* The concrete action: PROF_DENY becomes errno EPERM, kill or log. */
struct prof_action profile_concrete(struct prof_action a, int deny_action);
/* 1 when nr always runs (allow or log) under p with that deny action. */
int		 profile_always_allows(const struct profile *p, int nr,
		     int deny_action);
/* A PROF_NOT_IN condition as masked compares whose union is exactly
 * { x : (x & mask) is none of val } on the low 32 bits; returns how many
 * (at most PROF_MAX_EXPAND) were written to out. */
int		 profile_expand_not_in(const struct prof_cond *c,
		     struct prof_masked *out);
/* p under that deny action (enum seccomp_action) in its finished form:
 * the one step from the profile language to what seccomp_build takes. */
void		 profile_finish(const struct profile *p, int deny_action,
		     struct prof_filter *f);
/* profile_stack.c: prog, with guard stacked under it (loaded before it),
 * as one filter into out: where both answer, the kernel's choice (the
 * stricter; of two errnos, prog's).  guard's default must be allow.  -1
 * when a rule would need more than PROF_MAX_CONDS arguments or out is
 * full: the two cannot be written as one. */
int		 profile_stack(const struct prof_filter *prog,
		     const struct prof_filter *guard, struct prof_filter *out);
/* tok itself when it looks like a word of a profile (a lowercase name, a
 * constant, a number, an operator), else "(not shown)": what an error
 * message may quote from a file that may not be a profile at all (a
 * secrets file; P47).  Both profile languages use it. */
const char	*profile_token_shown(const char *tok);
/* The errno name of a number, or NULL. */
const char	*profile_errno_name(unsigned err);

#endif
