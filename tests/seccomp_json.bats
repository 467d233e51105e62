#!/usr/bin/env bats
# seccomp (issue 17): Docker/OCI JSON profiles with --seccomp FILE: both real
# default profiles (Docker's, tests/fixtures/seccomp/docker-default.json;
# Podman's, installed with podman), includes/excludes decided by the
# capabilities PROGRAM keeps, and every refusal.  Each answer that tells the
# profile apart has a control: the same probe under --seccomp off, or under
# the other capability set, gets another answer.
load lib
bats_require_minimum_version 1.5.0

PODMAN_JSON=/usr/share/containers/seccomp.json

setup_file() {
	setup_root
	mkdir -p "$R/profiles"
	cp "$TOP/tests/fixtures/seccomp/docker-default.json" "$R/profiles/docker.json"
	cp "$PODMAN_JSON" "$R/profiles/podman.json"
	P=$R/profiles
	printf '{"defaultAction": "SCMP_ACT_ALLOW",\n "syscalls": [\n  {"names": ["getppid"], "action": "SCMP_ACT_FOO"}]}\n' > "$P/bad-action.json"
	printf '{"defaultAction": "SCMP_ACT_ALLOW",\n "syscalls": [\n  {"names": ["getppid"],, "action": "SCMP_ACT_ERRNO"}]}\n' > "$P/malformed.json"
	printf '{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [\n{"names": ["socket"], "action": "SCMP_ACT_ERRNO",\n "args": [{"index": 0, "value": 12, "op": "SCMP_CMP_LT"}]}]}\n' > "$P/lt.json"
	printf '{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [\n{"names": ["getppid"], "action": "SCMP_ACT_NOTIFY"}]}\n' > "$P/notify.json"
	printf '{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [\n{"names": ["getppid"], "action": "SCMP_ACT_ERRNO", "errnoRet": 0}]}\n' > "$P/errno0.json"
	printf '{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [\n{"names": ["getppid"], "action": "SCMP_ACT_ERRNO"}]}\n' > "$P/deny-getppid.json"
	printf '{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [\n{"names": ["no_such_call", "getppid"], "action": "SCMP_ACT_ERRNO", "errnoRet": 13}]}\n' > "$P/unknown-name.json"
	printf '{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [\n{"names": ["execve"], "action": "SCMP_ACT_ERRNO"}]}\n' > "$P/deny-execve.json"
	{ printf '{"defaultAction": "SCMP_ACT_ALLOW", "x": "'; head -c 70000 /dev/zero | tr '\0' a; printf '"}\n'; } > "$P/huge.json"
	{ printf '{"defaultAction": "SCMP_ACT_ALLOW", "x": [0'; for _ in $(seq 1 17000); do printf ',0'; done; printf ']}\n'; } > "$P/many.json"
}

@test "OCI JSON: Docker's default profile: its answers, not minit's default" {
	run ro_run -- --allow-root --seccomp /profiles/docker.json -- /t/probe try \
	    getpid fork socket-inet personality-linux personality-noaslr clone3 \
	    unshare-user mount bpf keyctl syscall-1000 io_uring_setup
	assert_status 0
	assert_line_has '^getpid ok$'
	assert_line_has '^fork ok$'
	assert_line_has '^socket-inet ok$'
	assert_line_has '^personality-linux ok$'
	assert_line_has '^personality-noaslr errno=1$'
	assert_line_has '^clone3 errno=38$'		# excludes CAP_SYS_ADMIN
	assert_line_has '^unshare-user errno=1$'
	assert_line_has '^mount errno=1$'
	assert_line_has '^bpf errno=1$'
	assert_line_has '^keyctl errno=1$'
	assert_line_has '^syscall-1000 errno=1$'	# defaultErrnoRet 1
	# this Docker profile allows io_uring (minit's default denies it)
	assert_line_has '^io_uring_setup errno=(14|22)$'
	# control: without a filter the same calls reach the kernel
	run ro_run -- --allow-root --seccomp off -- /t/probe try \
	    personality-noaslr clone3 syscall-1000 keyctl mount
	assert_status 0
	assert_line_has '^personality-noaslr ok$'
	assert_line_has '^clone3 errno=22$'
	assert_line_has '^syscall-1000 errno=38$'
	assert_line_has '^keyctl errno=(95|22)$'
	assert_line_has '^mount errno=2$'
}

@test "OCI JSON: includes/excludes follow the capabilities PROGRAM keeps (--cap)" {
	# CAP_SYS_ADMIN: Docker's profile allows clone3, mount, unshare
	run ro_run -- --allow-root --cap SYS_ADMIN --seccomp /profiles/docker.json \
	    -- /t/probe try clone3 mount kcmp
	assert_status 0
	assert_line_has '^clone3 errno=22$'	# reached the kernel
	assert_line_has '^mount errno=2$'
	assert_line_has '^kcmp errno=1$'	# needs CAP_SYS_PTRACE
	run ro_run -- --allow-root --cap SYS_PTRACE --seccomp /profiles/docker.json \
	    -- /t/probe try clone3 mount kcmp
	assert_status 0
	assert_line_has '^clone3 errno=38$'
	assert_line_has '^mount errno=1$'
	assert_line_has '^kcmp (ok|errno=(3|9|22))$'
}

@test "OCI JSON: Podman's default profile: unlisted calls get its ENOSYS" {
	run ro_run -- --allow-root --seccomp /profiles/podman.json -- /t/probe try \
	    getpid fork socket-inet personality-linux personality-noaslr bpf \
	    syscall-1000 clone-newns
	assert_status 0
	assert_line_has '^getpid ok$'
	assert_line_has '^fork ok$'
	assert_line_has '^socket-inet ok$'
	assert_line_has '^personality-linux ok$'
	assert_line_has '^personality-noaslr errno=38$'	# not listed: defaultErrnoRet
	assert_line_has '^syscall-1000 errno=38$'
	assert_line_has '^bpf errno=1$'			# listed with errnoRet 1
	run ro_run -- --allow-root --seccomp /profiles/podman.json -- /bin/sh -c \
	    'echo hi | cat; ls / | grep -c .'
	assert_status 0
	assert_line_has '^hi$'
}

@test "OCI JSON: --seccomp-print shows the translated rules" {
	run "$MINIT" --seccomp-print "$R/profiles/podman.json"
	assert_status 0
	assert_line_has '^default-action +errno ENOSYS$'
	assert_line_has '^socket +errno EINVAL if arg0 == 0x10 and arg2 == 0x9$'
	assert_line_has '^socket +allow if arg2 != 0x9$'
	assert_line_has '^bpf +errno EPERM$'
	run "$MINIT" --seccomp-print "$R/profiles/docker.json"
	assert_status 0
	assert_line_has '^default-action +errno EPERM$'
	assert_line_has '^clone +allow if arg0 & 0x7e020000 == 0x0$'
	assert_line_has '^clone3 +errno ENOSYS$'
}

@test "OCI JSON: an unknown syscall name is skipped with one warning" {
	run ro_run -- --allow-root --seccomp /profiles/unknown-name.json -- \
	    /t/probe try getppid getpid
	assert_status 0
	assert_line_has "^minit: seccomp: /profiles/unknown-name.json:2: warning: 1 syscall name\(s\) unknown on x86_64 skipped, as runtimes do \(the first: 'no_such_call'\)$"
	[ "$(grep -c warning <<<"$output")" -eq 1 ]
	assert_line_has '^getppid errno=13$'	# the rest of the entry applies
	assert_line_has '^getpid ok$'
}

@test "OCI JSON: bad profiles: one line with file and line, 125, nothing runs" {
	check() {	# check FILE MESSAGE-REGEX
		run ro_run -- --allow-root --seccomp "/profiles/$1" -- /bin/echo RAN
		assert_status 125
		assert_line_has "$2"
		refute_line_has RAN
		[ "${#lines[@]}" -eq 1 ] || { printf '%s\n' "$output" >&2; return 1; }
	}
	check bad-action.json "^minit: seccomp: /profiles/bad-action.json:3: syscalls\[0\]\.action: unknown action 'SCMP_ACT_FOO'$"
	check malformed.json '^minit: seccomp: /profiles/malformed.json:3: malformed JSON$'
	check lt.json '^minit: seccomp: /profiles/lt.json:3: syscalls\[0\]\.args\[0\]: SCMP_CMP_LT is not supported'
	check notify.json '^minit: seccomp: /profiles/notify.json:2: syscalls\[0\]\.action: SCMP_ACT_NOTIFY is not supported'
	check errno0.json '^minit: seccomp: /profiles/errno0.json:2: syscalls\[0\]\.action: errno 0 would fake success$'
	check deny-execve.json '^minit: seccomp: /profiles/deny-execve.json: the profile denies execve, which minit needs to start PROGRAM$'
	check huge.json '^minit: seccomp: /profiles/huge.json: not a regular file of at most 65536 bytes$'
	check many.json '^minit: seccomp: /profiles/many.json:2: more than 16384 JSON values$'
	run "$MINIT" --seccomp-print "$R/profiles/lt.json"
	assert_status 125
	# control: a good JSON profile runs PROGRAM and its rule bites
	run ro_run -- --allow-root --seccomp /profiles/deny-getppid.json -- \
	    /t/probe try getppid getpid
	assert_status 0
	assert_line_has '^getppid errno=1$'
	assert_line_has '^getpid ok$'
}
