/* record.c: the recording filter, PID 1's answers and the recorded text.
 *
 * The recording filter is the selected profile, finished, with one change:
 * where the profile's answer does not depend on arguments it says NOTIFY
 * instead, and PID 1 gives that same answer (continue, or the errno) from
 * the plan.  A call refused by an argument check (clone flags, TIOCSTI)
 * stays refused by the kernel: PID 1 never sees it, and never decides
 * anything that depends on arguments.  So PID 1 continues only calls the
 * profile allows; if PID 1 is gone, the kernel answers ENOSYS: still no. */
#include <stdio.h>
#include <string.h>

#include "record.h"

static int
runs(struct prof_action a)
{
	return a.act == PROF_ALLOW || a.act == PROF_LOG;
}

static void
add(struct prof_filter *out, const struct prof_frule *r)
{
	if (out->nrules < PROF_FILTER_MAX)
		out->rule[out->nrules++] = *r;
}

/* sendmsg: run at once when it is the hand-over (arg0 the socket, arg2 the
 * flags), ask PID 1 otherwise: two != conditions as masked compares. */
static void
handover(struct prof_filter *out, int nr, int sock_fd)
{
	static const struct prof_action notify = { .act = PROF_NOTIFY };
	struct prof_masked alt[PROF_MAX_EXPAND];
	struct prof_frule r = { .nr = (uint16_t)nr, .ncmp = 2,
	    .action = { .act = PROF_ALLOW },
	    .cmp = { { .arg = 0, .mask = UINT32_MAX, .val = (uint32_t)sock_fd },
	    { .arg = 2, .mask = UINT32_MAX, .val = RECORD_HANDOVER_FLAGS } } };
	struct prof_cond ne = { .op = PROF_NOT_IN, .nvals = 1,
	    .mask = UINT32_MAX };
	int n;

	add(out, &r);
	/* the rest of sendmsg asks PID 1: by the default, or by rules */
	for (int arg = 0; arg <= 2 && out->def.act != PROF_NOTIFY; arg += 2) {
		ne.arg = (uint8_t)arg;
		ne.val[0] = arg == 0 ? (uint32_t)sock_fd :
		    RECORD_HANDOVER_FLAGS;
		n = profile_expand_not_in(&ne, alt);
		for (int k = 0; k < n; k++) {
			struct prof_frule a = { .nr = (uint16_t)nr, .ncmp = 1,
			    .action = notify, .cmp = { { .arg = (uint8_t)arg,
			    .mask = alt[k].mask, .val = alt[k].val } } };

			add(out, &a);
		}
	}
}

int
record_filter(const struct prof_filter *f, int sock_fd,
    struct prof_filter *out, struct record_plan *plan)
{
	static const struct prof_action notify = { .act = PROF_NOTIFY };
	uint8_t has_rule[PROF_NR_MAX] = { 0 }, always[PROF_NR_MAX] = { 0 };
	int sendmsg_nr = profile_syscall_nr("sendmsg");
	char name[64];

	memset(plan, 0, sizeof(*plan));
	plan->other = runs(f->def) ? RECORD_CONTINUE :
	    f->def.act == PROF_ERRNO ? f->def.err : 1;
	for (int nr = 0; nr < PROF_NR_MAX; nr++) {
		plan->answer[nr] = plan->other;
		plan->allowed[nr] = runs(f->def);
	}
	out->def = runs(f->def) ? notify : f->def;
	out->nrules = 0;
	for (size_t i = 0; i < f->nrules; i++) {
		struct prof_frule r = f->rule[i];
		int nr = r.nr;

		if (nr >= PROF_NR_MAX)
			continue;
		has_rule[nr] = 1;
		if (r.ncmp == 0) {
			always[nr] = 1;
			plan->allowed[nr] = runs(r.action);
			plan->answer[nr] = runs(r.action) ? RECORD_CONTINUE :
			    r.action.act == PROF_ERRNO ? r.action.err : 1;
			if (runs(r.action) || r.action.act == PROF_ERRNO)
				r.action = notify;
		} else {
			/* notified only when an allowing rule matched, or no
			 * rule did and the default allows */
			plan->answer[nr] = RECORD_CONTINUE;
			if (runs(r.action)) {
				plan->allowed[nr] = 1;
				r.action = notify;
			}
		}
		/* a rule equal to the default changes nothing (and
		 * libseccomp refuses it) */
		if (nr != sendmsg_nr && !(r.action.act == out->def.act &&
		    r.action.err == out->def.err))
			add(out, &r);
	}
	if (sendmsg_nr < 0 || sendmsg_nr >= PROF_NR_MAX ||
	    plan->answer[sendmsg_nr] != RECORD_CONTINUE ||
	    (has_rule[sendmsg_nr] && !always[sendmsg_nr]))
		return -1;
	handover(out, sendmsg_nr, sock_fd);
	/* an errno default: the known syscalls without a rule ask PID 1
	 * (to be listed as denied); unknown numbers get the errno from the
	 * kernel */
	if (f->def.act == PROF_ERRNO)
		for (int nr = 0; nr < PROF_NR_MAX; nr++) {
			struct prof_frule r = { .nr = (uint16_t)nr,
			    .action = notify };

			if (!has_rule[nr] && nr != sendmsg_nr &&
			    profile_syscall_name(nr, name,
			    sizeof(name))[0] != '#')
				add(out, &r);
		}
	return 0;
}

/* Append to buf at *at (counting what would not fit). */
static void
put(char *buf, size_t size, size_t *at, const char *s)
{
	size_t n = strlen(s);

	if (*at < size)
		memcpy(buf + *at, s, *at + n < size ? n : size - *at);
	*at += n;
}

/* Names of the syscalls with bit set in which[], 8 to a line after lead. */
static void
names(char *buf, size_t size, size_t *at, const char *lead,
    const uint8_t *which, const char *none)
{
	char name[64];
	int n = 0;

	for (int nr = 0; nr < PROF_NR_MAX; nr++) {
		if (!which[nr] || profile_syscall_name(nr, name,
		    sizeof(name))[0] == '#')
			continue;
		put(buf, size, at, n % 8 == 0 ? n > 0 ? "\n" : "" : " ");
		if (n % 8 == 0)
			put(buf, size, at, lead);
		put(buf, size, at, name);
		n++;
	}
	put(buf, size, at, n == 0 ? none : "\n");
}

size_t
record_render(char *buf, size_t size, const char *label, const char *head,
    const struct record_plan *plan, const struct record_seen *seen)
{
	uint8_t unused[PROF_NR_MAX];
	size_t at = 0;

	for (int nr = 0; nr < PROF_NR_MAX; nr++)
		unused[nr] = plan->allowed[nr] && !seen->used[nr];
	for (int i = 0; profile_child_needs[i] != NULL; i++) {
		int nr = profile_syscall_nr(profile_child_needs[i]);

		if (nr >= 0 && nr < PROF_NR_MAX)
			unused[nr] = 0;	/* exec and exit need them */
	}
	put(buf, size, &at, "# Recorded by minit --seccomp-record under --seccomp ");
	put(buf, size, &at, label);
	put(buf, size, &at, ":\n# the profile, and a deny for every syscall it "
	    "allows that PROGRAM did not make.\n# Used:\n");
	names(buf, size, &at, "#   ", seen->used, "#   (none)\n");
	put(buf, size, &at, "# Refused by the profile during the run (still "
	    "refused; calls refused\n# by an argument check are not seen):\n");
	names(buf, size, &at, "#   ", seen->denied, "#   (none)\n");
	put(buf, size, &at, head);
	put(buf, size, &at, "\n# not used by PROGRAM:\n");
	names(buf, size, &at, "deny ", unused, "");
	if (size > 0)
		buf[at < size ? at : size - 1] = '\0';
	return at;
}
