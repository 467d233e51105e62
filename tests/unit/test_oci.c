/* Unit tests of the Docker/OCI JSON import (oci.c): the two real default
 * profiles (Docker's, a fixture; Podman's, installed with podman), how
 * includes/excludes are decided, how rules combine, and every refusal with
 * its place.  Pure: nothing is loaded into the kernel here. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "minit.h"
#include "oci.h"
#include "profile.h"

#define CAP(n)	(UINT64_C(1) << (n))
#define SYS_ADMIN	21
#define SYS_PTRACE	19
#define AUDIT_WRITE	29

static struct profile prof;
static struct prof_error perr;
static struct oci_report rep;
static struct oci_env env = { .caps = 0, .kernel = { 6, 1 } };

static int
parse(const char *text)
{
	return oci_parse(&prof, text, strlen(text), &env, &rep, &perr);
}

static const struct prof_sys *
sys(const char *name)
{
	return &prof.sys[profile_syscall_nr(name)];
}

static int
always(const char *name, int act, unsigned err)
{
	const struct prof_sys *s = sys(name);

	return s->state == PROF_SYS_ALWAYS && s->action.act == act &&
	    (act != PROF_ERRNO || s->action.err == err);
}

static size_t
rules_of(const char *name)
{
	size_t n = 0;

	for (size_t k = 0; k < prof.nrules; k++)
		n += prof.rule[k].nr == profile_syscall_nr(name);
	return n;
}

static char *
slurp(const char *path, size_t *len)
{
	static char buf[PROF_MAX_TEXT + 1];
	FILE *f = fopen(path, "r");

	if (f == NULL) {
		fprintf(stderr, "%s: cannot open (podman installs it: "
		    "build-aux/install-deps.sh test)\n", path);
		harness_failed++;
		return NULL;
	}
	*len = fread(buf, 1, sizeof(buf), f);
	fclose(f);
	return buf;
}

/* A refused profile: that line, that reason. */
static void
bad(const char *text, unsigned line, const char *reason)
{
	int rc = parse(text);

	CHECK(rc == -1);
	if (rc == 0 || perr.line != line || strstr(perr.msg, reason) == NULL) {
		fprintf(stderr, "for %s: want %u '%s', got %u '%s'\n", text,
		    line, reason, perr.line, perr.msg);
		harness_failed++;
	} else {
		harness_passed++;
	}
}

static void
test_detect(void)
{
	CHECK(oci_is_json(" \n\t{", 4) == 1);
	CHECK(oci_is_json("include default\n", 16) == 0);
	CHECK(oci_is_json("# {\n", 4) == 0);
	CHECK(oci_is_json("", 0) == 0);
}

static void
test_docker(void)
{
	size_t len;
	const char *t = slurp("tests/fixtures/seccomp/docker-default.json", &len);

	if (t == NULL)
		return;
	env.caps = 0;
	CHECK(oci_parse(&prof, t, len, &env, &rep, &perr) == 0);
	CHECK(prof.def.act == PROF_ERRNO && prof.def.err == EPERM);
	CHECK(always("read", PROF_ALLOW, 0));
	CHECK(always("execve", PROF_ALLOW, 0));
	CHECK(always("arch_prctl", PROF_ALLOW, 0));	/* includes arches amd64 */
	CHECK(always("modify_ldt", PROF_ALLOW, 0));
	CHECK(always("ptrace", PROF_ALLOW, 0));		/* minKernel 4.8 < 6.1 */
	CHECK(always("clone3", PROF_ERRNO, ENOSYS));	/* excludes SYS_ADMIN */
	CHECK(sys("mount")->state == PROF_SYS_NONE);	/* includes SYS_ADMIN */
	CHECK(sys("unshare")->state == PROF_SYS_NONE);
	CHECK(sys("kcmp")->state == PROF_SYS_NONE);	/* includes SYS_PTRACE */
	/* clone: the namespace flags masked, arg0 (not s390's arg1) */
	CHECK(sys("clone")->state == PROF_SYS_IF && rules_of("clone") == 1);
	for (size_t k = 0; k < prof.nrules; k++)
		if (prof.rule[k].nr == profile_syscall_nr("clone"))
			CHECK(prof.rule[k].cond[0].arg == 0 &&
			    prof.rule[k].cond[0].mask == 0x7E020000 &&
			    prof.rule[k].cond[0].val[0] == 0);
	CHECK(rules_of("personality") == 5);
	CHECK(rep.unknown == 0);
	CHECK(profile_always_allows(&prof, profile_syscall_nr("exit_group"),
	    MINIT_SECCOMP_ERRNO));

	/* with CAP_SYS_ADMIN: clone and clone3 unconditional, mount allowed */
	env.caps = CAP(SYS_ADMIN);
	CHECK(oci_parse(&prof, t, len, &env, &rep, &perr) == 0);
	CHECK(always("clone", PROF_ALLOW, 0) && rules_of("clone") == 0);
	CHECK(always("clone3", PROF_ALLOW, 0));
	CHECK(always("mount", PROF_ALLOW, 0));
	CHECK(sys("kcmp")->state == PROF_SYS_NONE);
	env.caps = CAP(SYS_PTRACE);
	CHECK(oci_parse(&prof, t, len, &env, &rep, &perr) == 0);
	CHECK(always("kcmp", PROF_ALLOW, 0));
	CHECK(always("clone3", PROF_ERRNO, ENOSYS));

	/* an old kernel: minKernel 4.8 entries do not apply */
	env.caps = 0;
	env.kernel[0] = 4;
	env.kernel[1] = 4;
	CHECK(oci_parse(&prof, t, len, &env, &rep, &perr) == 0);
	CHECK(sys("ptrace")->state == PROF_SYS_NONE);
	env.kernel[0] = 6;
	env.kernel[1] = 1;
}

static void
test_podman(void)
{
	size_t len;
	const char *t = slurp("/usr/share/containers/seccomp.json", &len);

	if (t == NULL)
		return;
	env.caps = 0;
	CHECK(oci_parse(&prof, t, len, &env, &rep, &perr) == 0);
	/* what the profile does not list gets ENOSYS, as under Podman */
	CHECK(prof.def.act == PROF_ERRNO && prof.def.err == ENOSYS);
	CHECK(always("bpf", PROF_ERRNO, EPERM));
	CHECK(always("vmsplice", PROF_ERRNO, EPERM));
	/* setns: the big allow-list names it first; libseccomp (under runc
	 * and crun) keeps the first unconditional rule, and so does minit */
	CHECK(always("setns", PROF_ALLOW, 0));
	/* socket: NETLINK_AUDIT gets EINVAL, the rest is allowed: rules of
	 * two actions on one syscall */
	CHECK(sys("socket")->state == PROF_SYS_IF && rules_of("socket") == 4);
	CHECK(!profile_always_allows(&prof, profile_syscall_nr("socket"),
	    MINIT_SECCOMP_ERRNO));
	CHECK(rules_of("personality") == 5);
	/* with CAP_AUDIT_WRITE, socket is unconditional */
	env.caps = CAP(AUDIT_WRITE);
	CHECK(oci_parse(&prof, t, len, &env, &rep, &perr) == 0);
	CHECK(always("socket", PROF_ALLOW, 0));
	env.caps = 0;
}

static void
test_combine(void)
{
	/* an unconditional rule covers conditional ones, before or after */
	CHECK(parse("{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"syscalls\":["
	    "{\"names\":[\"ioctl\"],\"action\":\"SCMP_ACT_ERRNO\",\"args\":"
	    "[{\"index\":1,\"value\":21522,\"op\":\"SCMP_CMP_EQ\"}]},"
	    "{\"names\":[\"ioctl\"],\"action\":\"SCMP_ACT_KILL\"},"
	    "{\"names\":[\"ioctl\"],\"action\":\"SCMP_ACT_LOG\"}]}") == 0);
	CHECK(always("ioctl", PROF_KILL, 0) && rules_of("ioctl") == 0);
	/* old Docker format: "name"; ERRNO without errnoRet is EPERM */
	CHECK(parse("{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"syscalls\":["
	    "{\"name\":\"ptrace\",\"action\":\"SCMP_ACT_ERRNO\"}]}") == 0);
	CHECK(always("ptrace", PROF_ERRNO, EPERM));
	/* ops: NE, MASKED_EQ, arg and values kept */
	CHECK(parse("{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"defaultErrnoRet\":38,"
	    "\"architectures\":[\"SCMP_ARCH_X86_64\",\"SCMP_ARCH_X86\"],"
	    "\"syscalls\":[{\"names\":[\"socket\"],\"action\":\"SCMP_ACT_ALLOW\","
	    "\"args\":[{\"index\":0,\"value\":17,\"op\":\"SCMP_CMP_NE\"},"
	    "{\"index\":1,\"value\":15,\"valueTwo\":1,\"op\":\"SCMP_CMP_MASKED_EQ\"}]}"
	    ",{\"names\":[\"chown32\",\"no_such_call\",\"getpid\"],"
	    "\"action\":\"SCMP_ACT_ALLOW\"}]}") == 0);
	CHECK(prof.def.err == ENOSYS && prof.nrules == 1);
	CHECK(prof.rule[0].cond[0].op == PROF_NOT_IN &&
	    prof.rule[0].cond[0].val[0] == 17 &&
	    prof.rule[0].cond[1].op == PROF_MASKED_EQ &&
	    prof.rule[0].cond[1].mask == 15 && prof.rule[0].cond[1].val[0] == 1);
	/* an i386-only name is skipped quietly, an unknown one is counted */
	CHECK(rep.unknown == 1 && strcmp(rep.unknown_name, "(not shown)") == 0);
	CHECK(always("getpid", PROF_ALLOW, 0));
	/* includes: every cap must be held; excludes: any cap held */
	env.caps = CAP(SYS_ADMIN);
	CHECK(parse("{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"syscalls\":["
	    "{\"names\":[\"mount\"],\"action\":\"SCMP_ACT_ALLOW\",\"includes\":"
	    "{\"caps\":[\"CAP_SYS_ADMIN\",\"CAP_SYS_PTRACE\"]}},"
	    "{\"names\":[\"umount2\"],\"action\":\"SCMP_ACT_ALLOW\",\"includes\":"
	    "{\"caps\":[\"CAP_SYS_ADMIN\"]}},"
	    "{\"names\":[\"unshare\"],\"action\":\"SCMP_ACT_ALLOW\",\"excludes\":"
	    "{\"caps\":[\"CAP_SYS_PTRACE\",\"CAP_SYS_ADMIN\"]}},"
	    "{\"names\":[\"setns\"],\"action\":\"SCMP_ACT_ALLOW\",\"excludes\":"
	    "{\"arches\":[\"arm64\"],\"minKernel\":\"99.0\"}}]}") == 0);
	CHECK(sys("mount")->state == PROF_SYS_NONE);
	CHECK(always("umount2", PROF_ALLOW, 0));
	CHECK(sys("unshare")->state == PROF_SYS_NONE);
	CHECK(always("setns", PROF_ALLOW, 0));
	env.caps = 0;
}

static void
test_refusals(void)
{
	char big[PROF_MAX_TEXT + 2];

	bad("{", 1, "JSON ends too early");
	bad("{\"defaultAction\":\n\"SCMP_ACT_ALLOW\",,}", 2, "malformed JSON");
	bad("{\"defaultAction\":\"SCMP_ACT_ALLOW\",}", 1, "malformed JSON");
	bad("{\"defaultAction\":\"SCMP_ACT_ALLOW\" \"x\":1}", 1,
	    "malformed JSON");
	bad("{\"defaultAction\":\"SCMP_ACT_ALLOW\",\n\"x\":[1\n2]}", 3,
	    "malformed JSON");
	bad("{\"defaultAction\"}", 1, "malformed JSON");
	bad("{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"x\":tru}", 1,
	    "malformed JSON");
	bad("[1]", 1, "want an object");
	bad("{} {}", 1, "text after");
	bad("{}\n:", 1, "text after");
	bad("{\"syscalls\":[]}", 1, "defaultAction: missing");
	bad("{\"defaultAction\":\"SCMP_ACT_ALLOW\",\n\"syscalls\":[{\"names\":"
	    "[\"read\"],\"action\":\"SCMP_ACT_FOO\"}]}", 2,
	    "syscalls[0].action: unknown action 'SCMP_ACT_FOO'");
	bad("{\"defaultAction\":\"SCMP_ACT_NOTIFY\"}", 1, "not supported");
	bad("{\"defaultAction\":\"SCMP_ACT_TRAP\"}", 1, "not supported");
	bad("{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"defaultErrnoRet\":0}", 1,
	    "errno 0 would fake success");
	bad("{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"defaultErrnoRet\":4096}", 1,
	    "want 1..4095");
	bad("{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"defaultErrnoRet\":-1}", 1,
	    "non-negative integer");
	bad("{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"defaultErrnoRet\":"
	    "99999999999999999999999}", 1, "non-negative integer");
	bad("{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"architectures\":"
	    "[\"SCMP_ARCH_AARCH64\"]}", 1, "not for this machine");
	bad("{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"syscalls\":[{\"names\":"
	    "[\"read\"],\"action\":\"SCMP_ACT_ALLOW\",\"args\":[{\"index\":0,"
	    "\"value\":1,\"op\":\"SCMP_CMP_GT\"}]}]}", 1,
	    "syscalls[0].args[0]: SCMP_CMP_GT is not supported");
	bad("{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"syscalls\":[{\"names\":"
	    "[\"read\"],\"action\":\"SCMP_ACT_ALLOW\",\"args\":[{\"index\":0,"
	    "\"value\":1,\"op\":\"SCMP_CMP_WHAT\"}]}]}", 1, "unknown op");
	bad("{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"syscalls\":[{\"names\":"
	    "[\"read\"],\"action\":\"SCMP_ACT_ALLOW\",\"args\":[{\"index\":6,"
	    "\"value\":1,\"op\":\"SCMP_CMP_EQ\"}]}]}", 1, "want 0..5");
	bad("{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"syscalls\":[{\"names\":"
	    "[\"read\"],\"action\":\"SCMP_ACT_ERRNO\",\"args\":[{\"index\":0,"
	    "\"value\":4294967296,\"op\":\"SCMP_CMP_EQ\"}]}]}", 1, "above 2^32");
	bad("{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"syscalls\":[{\"names\":"
	    "[\"read\"],\"action\":\"SCMP_ACT_ERRNO\",\"args\":[{\"index\":0,"
	    "\"value\":1,\"valueTwo\":2,\"op\":\"SCMP_CMP_MASKED_EQ\"}]}]}", 1,
	    "never matches");
	bad("{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"syscalls\":[{\"names\":"
	    "[\"read\"],\"action\":\"SCMP_ACT_ERRNO\",\"args\":[{\"index\":0,"
	    "\"value\":1,\"op\":\"SCMP_CMP_EQ\"},{\"index\":0,\"value\":2,"
	    "\"op\":\"SCMP_CMP_EQ\"}]}]}", 1, "tested twice");
	bad("{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"syscalls\":[{\"names\":"
	    "[\"re\\u0061d\"],\"action\":\"SCMP_ACT_ERRNO\"}]}", 1,
	    "printable ASCII without escapes");
	bad("{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"syscalls\":[{\"names\":"
	    "[\"read\"],\"action\":\"SCMP_ACT_ERRNO\",\"includes\":{"
	    "\"minKernel\":\"four\"}}]}", 1, "kernel version like 4.8");
	bad("{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"syscalls\":{}}", 1,
	    "syscalls: want an array");
	bad("{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"syscalls\":[{\"action\":"
	    "\"SCMP_ACT_ERRNO\"}]}", 1, "syscalls[0].names: missing");
	/* absurd sizes */
	memset(big, ' ', sizeof(big));
	big[0] = '{';
	CHECK(oci_parse(&prof, big, sizeof(big), &env, &rep, &perr) == -1 &&
	    strstr(perr.msg, "larger than") != NULL);
	for (size_t k = 0; k < 40000; k += 2) {
		big[k] = k == 0 ? '[' : ',';
		big[k + 1] = '1';
	}
	big[40000] = ']';
	CHECK(oci_parse(&prof, big, 40001, &env, &rep, &perr) == -1 &&
	    strstr(perr.msg, "more than 16384 JSON values") != NULL);
}

int
main(void)
{
	test_detect();
	test_docker();
	test_podman();
	test_combine();
	test_refusals();
	return harness_end("test_oci");
}
