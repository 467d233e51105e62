/* Unit tests of --seccomp-record's pure part (lib/record.c): the recording
 * filter made from a profile, PID 1's answers, the recorded text.  Nothing
 * is loaded here; tests/seccomp_record.bats runs the real thing. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "minit.h"
#include "profile.h"
#include "record.h"

static struct profile prof;
static struct prof_filter fin, out;
static struct record_plan plan;

static int
make(const char *text, int deny)
{
	struct prof_error err;

	if (profile_parse(&prof, text, strlen(text), &err) != 0) {
		fprintf(stderr, "%s: %s\n", text, err.msg);
		return -2;
	}
	profile_finish(&prof, deny, &fin);
	return record_filter(&fin, 7, &out, &plan);
}

static int
nr(const char *name)
{
	return profile_syscall_nr(name);
}

/* The actions of out's rules for name: bit per enum prof_act, and how
 * many rules (conditional ones counted). */
static unsigned
acts(const char *name, int *n)
{
	unsigned bits = 0;

	*n = 0;
	for (size_t i = 0; i < out.nrules; i++)
		if (out.rule[i].nr == nr(name)) {
			bits |= 1U << out.rule[i].action.act;
			(*n)++;
		}
	return bits;
}

static void
test_default(void)
{
	int n;

	CHECK(make("include default\n", MINIT_SECCOMP_ERRNO) == 0);
	/* the default allows: it asks PID 1, which continues */
	CHECK(out.def.act == PROF_NOTIFY);
	CHECK(plan.answer[nr("read")] == RECORD_CONTINUE && plan.allowed[nr("read")]);
	CHECK(plan.other == RECORD_CONTINUE);
	/* a whole-syscall errno asks PID 1 (by the default: a rule equal to
	 * it is left out), which answers that errno */
	CHECK(acts("mount", &n) == 0 && n == 0);
	CHECK(plan.answer[nr("mount")] == EPERM && !plan.allowed[nr("mount")]);
	CHECK(plan.answer[nr("clone3")] == ENOSYS);
	/* an argument check that refuses stays in the kernel */
	CHECK(acts("clone", &n) == 1U << PROF_ERRNO && n > 0);
	CHECK(acts("ioctl", &n) == 1U << PROF_ERRNO && n == 2);
	CHECK(plan.answer[nr("ioctl")] == RECORD_CONTINUE);
	/* sendmsg: the hand-over runs, the rest asks by the default */
	CHECK(acts("sendmsg", &n) == 1U << PROF_ALLOW && n == 1);
	for (size_t i = 0; i < out.nrules; i++)
		if (out.rule[i].nr == nr("sendmsg"))
			CHECK(out.rule[i].ncmp == 2 &&
			    out.rule[i].cmp[0].arg == 0 && out.rule[i].cmp[0].val == 7 &&
			    out.rule[i].cmp[1].arg == 2 &&
			    out.rule[i].cmp[1].val == RECORD_HANDOVER_FLAGS);
	/* kill stays kill */
	CHECK(make("include default\n", MINIT_SECCOMP_KILL) == 0);
	CHECK(acts("mount", &n) == 1U << PROF_KILL);
}

static void
test_strict(void)
{
	int n;

	CHECK(make("include strict\n", MINIT_SECCOMP_ERRNO) == 0);
	/* an errno default stays: unknown numbers get it from the kernel */
	CHECK(out.def.act == PROF_ERRNO && out.def.err == EPERM);
	CHECK(plan.other == EPERM);
	/* a known syscall the profile does not list asks PID 1 (EPERM) */
	CHECK(acts("mount", &n) == 1U << PROF_NOTIFY && n == 1);
	CHECK(plan.answer[nr("mount")] == EPERM);
	/* allowing argument rules ask; the rest of that syscall is EPERM */
	CHECK(acts("socket", &n) == 1U << PROF_NOTIFY && n >= 4);
	CHECK(plan.answer[nr("socket")] == RECORD_CONTINUE);
	/* sendmsg asks PID 1 by rules, but for the hand-over */
	CHECK(acts("sendmsg", &n) == ((1U << PROF_ALLOW) | (1U << PROF_NOTIFY)));
	CHECK(n > 2);
	/* a profile that does not always allow sendmsg cannot be recorded */
	CHECK(make("include default\ndeny sendmsg\n", MINIT_SECCOMP_ERRNO) == -1);
	CHECK(make("include default\ndeny sendmsg if arg2 == 1\n",
	    MINIT_SECCOMP_ERRNO) == -1);
}

/* name is a word of a "deny" line of text */
static int
denied_word(const char *text, const char *name)
{
	size_t n = strlen(name);

	for (const char *l = text; l != NULL && *l != '\0';
	    l = strchr(l, '\n') != NULL ? strchr(l, '\n') + 1 : NULL) {
		const char *end = strchr(l, '\n');

		if (strncmp(l, "deny ", 5) != 0)
			continue;
		for (const char *w = l + 4; w != NULL && (end == NULL || w < end);
		    w = strchr(w + 1, ' '))
			if (strncmp(w + 1, name, n) == 0 &&
			    (w[n + 1] == ' ' || w[n + 1] == '\n' || w[n + 1] == '\0'))
				return 1;
	}
	return 0;
}

static void
test_render(void)
{
	static char buf[65536];
	struct record_seen seen = { { 0 }, { 0 } };
	size_t n;

	CHECK(make("include default\n", MINIT_SECCOMP_ERRNO) == 0);
	seen.used[nr("getdents64")] = 1;
	seen.denied[nr("ptrace")] = 1;
	n = record_render(buf, sizeof(buf), "default", "include default\n",
	    &plan, &seen);
	CHECK(n > 0 && n < sizeof(buf) && strlen(buf) == n);
	CHECK(strstr(buf, "\ninclude default\n") != NULL);
	CHECK(strstr(buf, "\n#   getdents64\n") != NULL);
	CHECK(strstr(buf, "\n#   ptrace\n") != NULL);
	/* what exec and exit need is never denied */
	CHECK(!denied_word(buf, "execve") && !denied_word(buf, "exit_group"));
	CHECK(denied_word(buf, "mkdir") && !denied_word(buf, "getdents64"));
	/* the result is a profile --seccomp takes, and it denies mkdir */
	{
		struct prof_error err;

		CHECK(profile_parse(&prof, buf, n, &err) == 0);
		CHECK(!profile_always_allows(&prof, nr("mkdir"), MINIT_SECCOMP_ERRNO));
		CHECK(profile_always_allows(&prof, nr("getdents64"), MINIT_SECCOMP_ERRNO));
		CHECK(profile_always_allows(&prof, nr("execve"), MINIT_SECCOMP_ERRNO));
	}
	/* cut at size: still NUL-terminated, the length it needed */
	CHECK(record_render(buf, 16, "default", "include default\n", &plan,
	    &seen) == n && strlen(buf) == 15);
}

int
main(void)
{
	test_default();
	test_strict();
	test_render();
	return harness_end("test_record");
}
