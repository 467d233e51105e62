/* Unit tests of the seccomp profile parser (profile.c) and the builtin
 * groups and profiles.  Pure: nothing is loaded into the kernel here. */
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "minit.h"
#include "profile.h"

static struct profile prof;
static struct prof_error perr;

static int
parse(const char *text)
{
	return profile_parse(&prof, text, strlen(text), &perr);
}

static int
nr(const char *name)
{
	return profile_syscall_nr(name);
}

static const struct prof_sys *
sys(const char *name)
{
	return &prof.sys[nr(name)];
}

static size_t
rules_of(const char *name)
{
	size_t n = 0;

	for (size_t k = 0; k < prof.nrules; k++)
		n += prof.rule[k].nr == nr(name);
	return n;
}

/* A malformed profile: refused, on that line, with that reason. */
static void
bad_len(const char *text, size_t len, unsigned line, const char *reason)
{
	int rc = profile_parse(&prof, text, len, &perr);

	CHECK(rc == -1);
	CHECK(perr.line == line);
	if (strstr(perr.msg, reason) == NULL) {
		fprintf(stderr, "for %s: want '%s', got line %u '%s'\n", text,
		    reason, perr.line, perr.msg);
		harness_failed++;
	} else {
		harness_passed++;
	}
}

static void
bad(const char *text, unsigned line, const char *reason)
{
	bad_len(text, strlen(text), line, reason);
}

/* Every syscall named by a group exists on x86_64 (through libseccomp, or
 * the table of newer ones), so no group silently loses an entry. */
static void
test_groups_resolve(void)
{
	for (const struct prof_group *g = prof_groups; g->name != NULL; g++) {
		char word[64];

		CHECK(g->name[0] == '@' && g->why != NULL && g->why[0] != '\0');
		for (const char *s = g->calls; *s != '\0';) {
			size_t n = strcspn(s, " ");

			CHECK(n > 0 && n < sizeof(word));
			if (n == 0 || n >= sizeof(word))
				break;
			memcpy(word, s, n);
			word[n] = '\0';
			if (nr(word) < 0) {
				fprintf(stderr, "%s: %s does not resolve\n",
				    g->name, word);
				harness_failed++;
			}
			s += n + (s[n] == ' ');
		}
	}
}

static void
test_default(void)
{
	const char *t = profile_builtin("default");

	CHECK(t != NULL && profile_parse(&prof, t, strlen(t), &perr) == 0);
	CHECK(prof.def.act == PROF_ALLOW);
	/* the list, a sample of each family (P20) */
	static const char *const denied[] = { "init_module", "finit_module",
	    "delete_module", "kexec_load", "kexec_file_load", "reboot",
	    "swapon", "swapoff", "mount", "umount2", "pivot_root", "move_mount",
	    "open_tree", "fsopen", "fsconfig", "fsmount", "fspick",
	    "mount_setattr", "unshare", "setns", "bpf", "perf_event_open",
	    "userfaultfd", "keyctl", "add_key", "request_key", "ptrace",
	    "process_vm_readv", "process_vm_writev", "kcmp",
	    "open_by_handle_at", "name_to_handle_at", "io_uring_setup",
	    "io_uring_enter", "io_uring_register", "iopl", "ioperm", "acct",
	    "quotactl", "syslog", "settimeofday", "clock_settime",
	    "clock_adjtime", "adjtimex", "lookup_dcookie", "uselib",
	    "nfsservctl", "modify_ldt", NULL };
	for (int i = 0; denied[i] != NULL; i++) {
		CHECK(sys(denied[i])->state == PROF_SYS_ALWAYS);
		CHECK(sys(denied[i])->action.act == PROF_DENY);
	}
	/* clone3: ENOSYS so libc falls back to clone (P21) */
	CHECK(sys("clone3")->action.act == PROF_ERRNO);
	CHECK(sys("clone3")->action.err == ENOSYS);
	CHECK(sys("clone")->state == PROF_SYS_IF && rules_of("clone") == 7);
	CHECK(sys("ioctl")->state == PROF_SYS_IF && rules_of("ioctl") == 2);
	CHECK(sys("personality")->state == PROF_SYS_IF);
	CHECK(sys("read")->state == PROF_SYS_NONE);
	CHECK(profile_always_allows(&prof, nr("getppid"), MINIT_SECCOMP_ERRNO));
	CHECK(!profile_always_allows(&prof, nr("mount"), MINIT_SECCOMP_ERRNO));
	/* log: denied calls run (and are logged) */
	CHECK(profile_always_allows(&prof, nr("mount"), MINIT_SECCOMP_LOG));
}

static void
test_strict_pid1(void)
{
	const char *t = profile_builtin("strict");

	CHECK(t != NULL && profile_parse(&prof, t, strlen(t), &perr) == 0);
	CHECK(prof.def.act == PROF_DENY);
	CHECK(profile_always_allows(&prof, nr("execve"), MINIT_SECCOMP_ERRNO));
	CHECK(profile_always_allows(&prof, nr("read"), MINIT_SECCOMP_ERRNO));
	CHECK(!profile_always_allows(&prof, nr("mount"), MINIT_SECCOMP_ERRNO));
	CHECK(sys("mount")->state == PROF_SYS_NONE);
	CHECK(sys("keyctl")->state == PROF_SYS_NONE);
	/* W^X: mmap's unconditional allow from @default was replaced */
	CHECK(sys("mmap")->state == PROF_SYS_IF && rules_of("mmap") == 1);
	CHECK(rules_of("socket") == 4);
	/* no SHM_EXEC attach (issue 14.9) */
	CHECK(sys("shmat")->state == PROF_SYS_IF && rules_of("shmat") == 1);

	t = profile_builtin("pid1");
	CHECK(t != NULL && profile_parse(&prof, t, strlen(t), &perr) == 0);
	CHECK(prof.def.act == PROF_KILL);
	CHECK(sys("rt_sigtimedwait")->action.act == PROF_ALLOW);
	CHECK(sys("execve")->state == PROF_SYS_NONE);
	CHECK(profile_builtin("nonesuch") == NULL);

	/* the guards (issue 14.1, 14.10): allow all but what they name */
	t = profile_guard("guard-pid1");
	CHECK(t != NULL && profile_parse(&prof, t, strlen(t), &perr) == 0);
	CHECK(prof.def.act == PROF_ALLOW);
	CHECK(sys("prlimit64")->state == PROF_SYS_IF);
	CHECK(rules_of("setpriority") == 3 && rules_of("ioprio_set") == 3);
	t = profile_guard("guard-memfd");
	CHECK(t != NULL && profile_parse(&prof, t, strlen(t), &perr) == 0);
	CHECK(sys("memfd_create")->state == PROF_SYS_IF);
	CHECK(profile_internal("guard-pid1") && profile_internal("pid1") &&
	    !profile_internal("strict"));
	CHECK(profile_builtin("guard-pid1") == NULL);	/* not in minit */
}

static void
test_custom(void)
{
	/* include default plus one extra deny */
	CHECK(parse("include default\ndeny chroot\n") == 0);
	CHECK(prof.def.act == PROF_ALLOW);
	CHECK(sys("chroot")->action.act == PROF_DENY);
	CHECK(sys("mount")->action.act == PROF_DENY);
	/* an unconditional line replaces earlier rules */
	CHECK(parse("include default\nallow ptrace\nallow personality\n") == 0);
	CHECK(sys("ptrace")->action.act == PROF_ALLOW);
	CHECK(sys("personality")->state == PROF_SYS_ALWAYS);
	CHECK(rules_of("personality") == 0);
	/* conditional lines of one action add up; another action replaces */
	CHECK(parse("default-action deny\nallow socket if arg0 == AF_UNIX\n"
	    "allow socket if arg0 == 2\n") == 0);
	CHECK(rules_of("socket") == 2);
	CHECK(parse("default-action deny\nallow socket if arg0 == 1\n"
	    "kill socket if arg0 == 2\n") == 0);
	CHECK(rules_of("socket") == 1 && sys("socket")->action.act == PROF_KILL);
	/* explicit errnos, by name and number; actions */
	CHECK(parse("default-action errno EACCES\ndeny read errno 13\n"
	    "log write\nkill execve\n# comment\n   \n\tallow close # c\n") == 0);
	CHECK(prof.def.act == PROF_ERRNO && prof.def.err == EACCES);
	CHECK(sys("read")->action.err == 13);
	CHECK(sys("write")->action.act == PROF_LOG);
	CHECK(sys("execve")->action.act == PROF_KILL);
	CHECK(sys("close")->action.act == PROF_ALLOW);
	/* groups, conditions with masks and constant lists */
	CHECK(parse("default-action allow\ndeny @mount\n"
	    "deny clone if arg0 & CLONE_NEWUSER|CLONE_NEWNS == CLONE_NEWUSER "
	    "and arg1 == 0\n") == 0);
	CHECK(sys("fsopen")->action.act == PROF_DENY);
	CHECK(prof.rule[0].ncond == 2);
	CHECK(prof.rule[0].cond[0].mask == (CLONE_NEWUSER | CLONE_NEWNS));
	CHECK(prof.rule[0].cond[1].mask == UINT32_MAX);
	CHECK(parse("default-action allow\r\ndeny personality if arg0 != "
	    "0,8,0xffffffff\r\n") == 0);
	CHECK(prof.rule[0].cond[0].op == PROF_NOT_IN);
	CHECK(prof.rule[0].cond[0].nvals == 3);
	/* a last line without a newline counts */
	CHECK(parse("default-action allow\ndeny mount") == 0);
	CHECK(sys("mount")->action.act == PROF_DENY);
	/* newer syscalls resolve even where libseccomp does not know them */
	CHECK(nr("open_tree_attr") == 467 && nr("mseal") == 462);
	CHECK(nr("socketcall") == -2 && nr("nonesuch") == -1);
	{
		char buf[32];

		CHECK_STR(profile_syscall_name(0, buf, sizeof(buf)), "read");
		CHECK_STR(profile_syscall_name(467, buf, sizeof(buf)),
		    "open_tree_attr");
		CHECK_STR(profile_syscall_name(511, buf, sizeof(buf)), "#511");
	}
}

/* Every malformed line gets its own message, naming the line. */
static void
test_errors(void)
{
	char big[PROF_MAX_TEXT + 2];

	bad("default-action allow\ndeny nonesuch\n", 2, "unknown syscall '(not shown)'");
	bad("default-action allow\nfrobnicate mount\n", 2, "unknown word '(not shown)'");
	bad("default-action allow\ndeny mount errno EWHAT\n", 2, "bad errno '(not shown)'");
	bad("default-action allow\ndeny mount errno 0\n", 2, "errno 0 would fake success");
	bad("default-action allow\ndeny mount errno 4096\n", 2, "bad errno '(not shown)'");
	bad("default-action allow\ndeny @nonesuch\n", 2, "unknown group '(not shown)'");
	bad("default-action allow\ndeny socketcall\n", 2, "not an x86_64 syscall");
	bad("deny mount\n", 0, "no default-action");
	bad("\n\ninclude /etc/passwd\n", 3, "not a builtin profile");
	bad("include pid1\n", 1, "not a builtin profile");
	bad("include guard-pid1\n", 1, "not a builtin profile");
	bad("include\n", 1, "want one builtin profile name");
	bad("default-action\n", 1, "missing the action");
	bad("default-action allow now\n", 1, "unexpected '(not shown)'");
	bad("default-action notify\n", 1, "'notify' is not supported");
	bad("default-action allow\ndeny\n", 2, "missing syscall name");
	bad("default-action allow\ndeny if arg0 == 1\n", 2, "missing syscall name");
	bad("default-action allow\nallow read errno EPERM\n", 2,
	    "'errno' follows 'deny' only");
	bad("default-action allow\ndeny read errno\n", 2, "missing the errno");
	bad("default-action allow\ndeny read if\n", 2, "'if' needs a condition");
	bad("default-action allow\ndeny read if arg6 == 1\n", 2, "want arg0..arg5");
	bad("default-action allow\ndeny read if fd == 1\n", 2, "want arg0..arg5");
	bad("default-action allow\ndeny read if arg0 < 1\n", 2, "unknown operator '<'");
	bad("default-action allow\ndeny read if arg0 ==\n", 2, "want '== VALUE'");
	bad("default-action allow\ndeny read if arg0 == FOO\n", 2,
	    "unknown constant '(not shown)'");
	bad("default-action allow\ndeny read if arg0 == 0x100000000\n", 2,
	    "32-bit number");
	bad("default-action allow\ndeny read if arg0 == 1|\n", 2, "bad value");
	bad("default-action allow\ndeny read if arg0 == 1,2\n", 2, "too many values");
	bad("default-action allow\ndeny read if arg0 != 1,2,3,4,5\n", 2,
	    "too many values");
	bad("default-action allow\ndeny read if arg0 & 0 == 0\n", 2,
	    "mask 0 always matches");
	bad("default-action allow\ndeny read if arg0 &\n", 2, "'&' needs a mask");
	bad("default-action allow\ndeny read if arg0 & 0x6 == 0x8\n", 2,
	    "never matches");
	bad("default-action allow\ndeny read if arg0 == 1 and arg0 == 2\n", 2,
	    "arg0 is tested twice");
	bad("default-action allow\ndeny read if arg0 != 1 and arg1 != 2\n", 2,
	    "at most one '!='");
	bad("default-action allow\ndeny read if arg0 == 1 and arg1 == 1 and "
	    "arg2 == 1 and arg3 == 1\n", 2, "too many conditions");
	bad("default-action allow\ndeny read if arg0 == 1 arg1 == 2\n", 2,
	    "unexpected 'arg1'");
	bad_len("default-action allow\ndeny read\0x\n", 31, 2, "NUL byte");
	bad("default-action allow\ndeny r\xc3\xa9\n", 2, "non-ASCII");
	memset(big, 'a', 2000);
	big[2000] = '\0';
	bad(big, 1, "line too long");
	{
		/* more conditional rules than the table holds */
		static char many[PROF_MAX_TEXT];
		size_t n = (size_t)snprintf(many, sizeof(many),
		    "default-action allow\n");

		for (int i = 0; i <= PROF_MAX_RULES; i++)
			n += (size_t)snprintf(many + n, sizeof(many) - n,
			    "deny read if arg0 == %d\n", i);
		bad(many, PROF_MAX_RULES + 2, "too many conditional rules");
	}
	memset(big, '#', sizeof(big));
	CHECK(profile_parse(&prof, big, sizeof(big), &perr) == -1);
	CHECK(strstr(perr.msg, "larger than") != NULL);
	/* the error line of a file counts every line, comments too */
	bad("# one\n\n# three\ndefault-action allow\n\ndeny bogus\n", 6,
	    "unknown syscall");
}

/* profile_expand_not_in is exact: a value is covered by one of the
 * compares if and only if (x & mask) is none of the values. */
static int
covered(const struct prof_masked *m, int n, uint32_t x)
{
	for (int i = 0; i < n; i++)
		if ((x & m[i].mask) == m[i].val)
			return 1;
	return 0;
}

static int
excluded(const struct prof_cond *c, uint32_t x)
{
	for (unsigned i = 0; i < c->nvals; i++)
		if ((x & c->mask) == c->val[i])
			return 0;
	return 1;
}

static void
test_not_in(void)
{
	static const struct prof_cond cases[] = {
		{ .op = PROF_NOT_IN, .mask = UINT32_MAX, .nvals = 3,
		    .val = { 0, 8, 0xffffffffU } },
		{ .op = PROF_NOT_IN, .mask = UINT32_MAX, .nvals = 2,
		    .val = { 0x5412, 0x541c } },
		{ .op = PROF_NOT_IN, .mask = 6, .nvals = 1, .val = { 6 } },
		{ .op = PROF_NOT_IN, .mask = UINT32_MAX, .nvals = 1, .val = { 7 } },
	};
	uint32_t seed = 12345;

	for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		const struct prof_cond *c = &cases[k];
		struct prof_masked m[PROF_MAX_EXPAND];
		int n = profile_expand_not_in(c, m), wrong = 0;

		CHECK(n > 0 && n <= PROF_MAX_EXPAND);
		for (unsigned i = 0; i < c->nvals; i++) {
			CHECK(!covered(m, n, c->val[i]));
			/* junk above the mask does not matter */
			CHECK(!covered(m, n, c->val[i] | ~c->mask));
		}
		for (int i = 0; i < 200000; i++) {
			uint32_t x;

			seed = seed * 1103515245U + 12345U;
			x = seed ^ (seed << 13);
			if (i < 64)
				x = c->val[0] ^ (1U << (i % 32));	/* neighbours */
			wrong += covered(m, n, x) != excluded(c, x);
		}
		CHECK(wrong == 0);
	}
	{
		/* W^X needs only two compares; personality a few dozen */
		struct prof_masked m[PROF_MAX_EXPAND];

		CHECK(profile_expand_not_in(&cases[2], m) == 2);
		CHECK(profile_expand_not_in(&cases[0], m) <= 64);
	}
}

static void
test_concrete(void)
{
	struct prof_action d = { .act = PROF_DENY }, a;

	a = profile_concrete(d, MINIT_SECCOMP_ERRNO);
	CHECK(a.act == PROF_ERRNO && a.err == EPERM);
	CHECK(profile_concrete(d, MINIT_SECCOMP_KILL).act == PROF_KILL);
	CHECK(profile_concrete(d, MINIT_SECCOMP_LOG).act == PROF_LOG);
	a = profile_concrete((struct prof_action){ .act = PROF_ERRNO,
	    .err = ENOSYS }, MINIT_SECCOMP_KILL);
	CHECK(a.act == PROF_ERRNO && a.err == ENOSYS);
	CHECK_STR(profile_errno_name(ENOSYS), "ENOSYS");
	CHECK(profile_errno_name(4000) == NULL);
}

/* P47: what an error message may quote from a file that may be a secret */
static void
test_token_shown(void)
{
	static const char *const shown[] = { "read", "@mount", "arg0", "if",
	    "clock_gettime", "socketcall", "CLONE_NEWUSER", "EPERM", "E2BIG",
	    "default-action", "SCMP_ACT_FOO", "==", "!=", "<", "&",
	    "CLONE_NEWNS|CLONE_NEWUSER", NULL };
	/* the last ones are shaped like words of the language, but only
	 * words it knows are shown: secrets are often one such word */
	static const char *const hidden[] = { "DB_PASSWORD=hunter2",
	    "sk-live-AbC123", "AKIAIOSFODNN7EXAMPLE", "Tr0ub4dor&3",
	    "MixedCase", "/etc/passwd", "a b", "0xABC", "Sup3rS3cretValue",
	    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "", "a|", "hunter2",
	    "123456", "0x1f", "opne", "FOO", "ALLOW", "arg9", "@nonesuch",
	    "correcthorsebatterystaple", "a3f9c0d1e2b4a5f6a7b8c9d0e1f2a3b4",
	    "CLONE_NEWNS|", "CLONE_NEWNS|hunter2", "SCMP_hunter2", NULL };

	for (int i = 0; shown[i] != NULL; i++)
		CHECK_STR(profile_token_shown(shown[i]), shown[i]);
	for (int i = 0; hidden[i] != NULL; i++)
		CHECK_STR(profile_token_shown(hidden[i]), "(not shown)");
}

int
main(void)
{
	test_token_shown();
	test_groups_resolve();
	test_default();
	test_strict_pid1();
	test_custom();
	test_errors();
	test_not_in();
	test_concrete();
	return harness_end("test_profile");
}
