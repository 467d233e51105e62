/* record.c: --seccomp-record's pure parts: the recording filter made from
 * the selected profile, the answers PID 1 gives, and the recorded profile's
 * text.  No I/O (seccomp.c loads, init.c answers, docs/seccomp.md "Record a
 * profile" says how it fits). */
#ifndef MINIT_RECORD_H
#define MINIT_RECORD_H

#include <stddef.h>
#include <stdint.h>

#include "profile.h"

#define RECORD_CONTINUE	0	/* an answer: let the call run */
/* The flags of the child's one sendmsg that hands PID 1 the notify fd
 * (MSG_DONTWAIT | MSG_NOSIGNAL): with the socket's fd number, the only
 * call the recording filter lets run without asking PID 1. */
#define RECORD_HANDOVER_FLAGS	0x4040U

/* Decided before the fork from the selected profile, read by PID 1. */
struct record_plan {
	uint16_t	 answer[PROF_NR_MAX];	/* RECORD_CONTINUE or an errno */
	uint16_t	 other;		/* the answer for numbers beyond the table */
	uint8_t		 allowed[PROF_NR_MAX];	/* the profile lets it run, always
					 * or by a rule: denied if unused */
};

/* What the run showed: bit per syscall number. */
struct record_seen {
	uint8_t		 used[PROF_NR_MAX];	/* ran (PID 1 said continue) */
	uint8_t		 denied[PROF_NR_MAX];	/* the profile refused it */
};

/* From the finished selected profile f: the recording filter into out
 * (f's rules, but every call the profile lets run, or refuses with an
 * errno without looking at arguments, asks PID 1 first; argument checks
 * that refuse stay in the kernel; kill stays kill) and the plan.  sock_fd:
 * the child's hand-over socket.  -1 when the profile does not always allow
 * sendmsg, which the hand-over needs. */
int	record_filter(const struct prof_filter *f, int sock_fd,
	    struct prof_filter *out, struct record_plan *plan);
/* The recorded profile into buf (NUL-terminated, cut at size): a comment
 * header, head (the selected profile: "include default\n" or a file's
 * text), then a deny line for every syscall the profile allows that the run
 * did not use.  Returns the length it needed. */
size_t	record_render(char *buf, size_t size, const char *label,
	    const char *head, const struct record_plan *plan,
	    const struct record_seen *seen);

#endif
