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
	# for the export tests: a profile file; one with its own memfd_create
	# rule (EACCES without MFD_CLOEXEC) beside the guard's EPERM without
	# MFD_NOEXEC_SEAL; and an allow-list whose default is neither answer
	printf 'include default\nallow ptrace\ndeny socket if arg0 == AF_PACKET\ndeny @swap errno EACCES\n' > "$P/mine"
	printf 'include default\ndeny memfd_create errno EACCES if arg1 & 1 == 0\n' > "$P/memfd-own"
	printf 'include strict\ndefault-action errno EACCES\n' > "$P/strict-eacces"
	printf 'include strict\nallow setsid\n' > "$P/strict-setsid"
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
	check huge.json '^minit: seccomp: /profiles/huge.json: larger than 65536 bytes$'
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

# --seccomp-print PROFILE --format oci (issue 17 item 5) -----------------

# Probes whose answer is the filter's alone: the same under minit as PID 1 and
# as PID 1 of a podman container (getppid and unknown numbers differ there:
# see the podman test).
RT_PROBES="getpid fork socket-inet socket-raw socket-packet mmap mmap-wx
	mprotect-wx personality-query personality-linux personality-linux32
	personality-bsd personality-noaslr ioctl-tiocsti ioctl-tiocsti-hi
	ioctl-tioclinux ioctl-fionread clone-newns clone-newuser clone3
	unshare-user unshare-ns mount umount2 ptrace bpf keyctl io_uring_setup
	userfaultfd setns kexec_load init_module open_by_handle_at
	process_vm_readv kcmp acct swapon reboot syslog iopl settimeofday
	clock_settime fsopen open_tree move_mount mount_setattr memfd
	memfd-noexec-seal memfd-cloexec memfd-cloexec-noexec-seal shmat
	shmat-exec"

# answers PROFILE [MINIT-ARGS...]: the probes' answers under PROFILE.
answers() {
	local p=$1
	shift
	# shellcheck disable=SC2086
	ro_run -- --allow-root "$@" --seccomp "$p" -- /t/probe try $RT_PROBES syscall-1000 2>&1
}

# same_answers WHAT WANT GOT: equal, or the difference on stderr.
same_answers() {
	[ "$2" = "$3" ] && return 0
	echo "$1: the answers differ:" >&2
	diff <(echo "$2") <(echo "$3") >&2
	return 1
}

# export PROFILE [MINIT-ARGS...]: --seccomp-print PROFILE --format oci into
# $R/profiles/rt.json (a /profiles/ path is the test root's).
export_oci() {
	local p=$1
	shift
	"$MINIT" "$@" --seccomp-print "${p/#\/profiles/$R/profiles}" --format oci \
	    > "$R/profiles/rt.json"
}

@test "OCI export: default, strict and a profile file round-trip through --seccomp" {
	for p in default strict /profiles/mine /profiles/memfd-own \
	    /profiles/strict-eacces; do
		export_oci "$p"
		jq -e '.defaultAction and (.syscalls | length > 0)' "$R/profiles/rt.json" >/dev/null
		want=$(answers "$p")
		got=$(answers /profiles/rt.json)
		same_answers "$p" "$want" "$got"
		eval "ans_${p//[^a-z]/_}=\$want"
	done
	# control: the probes tell the profiles apart
	[ "$ans_default" != "$ans_strict" ]
	[ "$ans_default" != "$ans__profiles_mine" ]
	grep -q '^ioctl-tiocsti-hi errno=1$' <<<"$ans_default"
	grep -q '^swapon errno=1$' <<<"$ans_default"
	grep -q '^swapon errno=13$' <<<"$ans__profiles_mine"
	grep -q '^memfd errno=13$' <<<"$ans__profiles_memfd_own"
	grep -q '^syscall-1000 errno=13$' <<<"$ans__profiles_strict_eacces"
	# strict's W^X for SysV shared memory survives: no SHM_EXEC view
	grep -q '^shmat-exec errno=1$' <<<"$ans_strict"
	grep -q '^shmat ok$' <<<"$ans_strict"
	grep -q '^shmat-exec ok$' <<<"$ans_default"
	# --seccomp-action is made concrete in the export
	"$MINIT" --seccomp-action log --seccomp-print default --format oci > "$R/profiles/rt.json"
	run answers /profiles/rt.json
	assert_line_has '^bpf errno=(14|22)$'	# logged, not denied
}

@test "OCI export: argument checks are masked 32-bit compares (ioctl, clone, personality)" {
	run "$MINIT" --seccomp-print default --format oci
	assert_status 0
	# TIOCSTI (0x5412 = 21522) with the high half masked off
	assert_line_has '"names": \["ioctl"\], "action": "SCMP_ACT_ERRNO", "errnoRet": 1, "args": \[\{"index": 1, "value": 4294967295, "valueTwo": 21522, "op": "SCMP_CMP_MASKED_EQ"\}\]'
	# each CLONE_NEW* flag (CLONE_NEWUSER 0x10000000)
	assert_line_has '"names": \["clone"\], .*"value": 268435456, "valueTwo": 268435456, "op": "SCMP_CMP_MASKED_EQ"'
	assert_line_has '"names": \["personality"\], "action": "SCMP_ACT_ERRNO"'
	refute_line_has 'SCMP_CMP_(EQ|NE)"'
	run "$MINIT" --format oci --seccomp-print off
	assert_status 125
	assert_line_has "^minit: seccomp: --format oci: 'off' is no filter at all"
	run "$MINIT" --format yaml --seccomp-print default
	assert_status 125
	assert_line_has "^minit: --format: 'yaml': want text or oci$"
	run "$MINIT" --format oci -- /bin/true
	assert_status 125
	assert_line_has '^minit: --format goes with --seccomp-print$'
}

@test "OCI export: --require-noexec/--landlock put the memfd guard in the export; the stricter answer wins" {
	local p want got plain
	for p in default strict /profiles/mine /profiles/memfd-own \
	    /profiles/strict-eacces; do
		export_oci "$p" --require-noexec
		want=$(answers "$p" --require-noexec)
		# the export alone, with no guard of minit's under it, answers
		# as minit with the guard
		got=$(answers /profiles/rt.json)
		same_answers "$p --require-noexec, export alone" "$want" "$got"
		# and stacked on the guard again: the same
		got=$(answers /profiles/rt.json --require-noexec)
		same_answers "$p --require-noexec, export and guard" "$want" "$got"
		# control: the guard changes the answers of this profile
		plain=$(answers "$p")
		[ "$plain" != "$want" ]
		grep -q '^memfd ok$' <<<"$plain" || grep -q '^memfd errno=13$' <<<"$plain"
		grep -q '^memfd-cloexec ok$' <<<"$plain"
		eval "ans_${p//[^a-z]/_}=\$want"
	done
	# where only the guard refuses: EPERM; with MFD_NOEXEC_SEAL: allowed
	for a in "$ans_default" "$ans_strict" "$ans__profiles_strict_eacces"; do
		grep -q '^memfd errno=1$' <<<"$a"
		grep -q '^memfd-cloexec errno=1$' <<<"$a"
		grep -q '^memfd-noexec-seal ok$' <<<"$a"
		grep -q '^memfd-cloexec-noexec-seal ok$' <<<"$a"
	done
	# both refuse: PROGRAM's errno, as the kernel gives the newest
	# filter's (EACCES without MFD_CLOEXEC, sealed or not); only the guard
	# refuses: its EPERM
	grep -q '^memfd errno=13$' <<<"$ans__profiles_memfd_own"
	grep -q '^memfd-noexec-seal errno=13$' <<<"$ans__profiles_memfd_own"
	grep -q '^memfd-cloexec errno=1$' <<<"$ans__profiles_memfd_own"
	grep -q '^memfd-cloexec-noexec-seal ok$' <<<"$ans__profiles_memfd_own"
	# the rule is a masked compare on the low 32 bits, like the others
	run jq -c '.syscalls[] | select(.names == ["memfd_create"])' "$R/profiles/rt.json"
	assert_line_has '"args":\[\{"index":1,"value":8,"valueTwo":0,"op":"SCMP_CMP_MASKED_EQ"\}\]'
	# --landlock loads the same guard, so the export is the same
	export_oci default --require-noexec
	cp "$R/profiles/rt.json" "$BATS_TEST_TMPDIR/noexec.json"
	export_oci default --landlock
	cmp "$R/profiles/rt.json" "$BATS_TEST_TMPDIR/noexec.json"
	# a rule that would need a fourth condition: refused, one line
	printf 'include default\ndeny memfd_create if arg0 == 1 and arg2 == 2 and arg3 == 3\n' > "$BATS_TEST_TMPDIR/wide"
	run "$MINIT" --seccomp-action kill --require-noexec \
	    --seccomp-print "$BATS_TEST_TMPDIR/wide" --format oci
	assert_status 125
	[ "${#lines[@]}" = 1 ]
	assert_line_has '^minit: seccomp: .*/wide: --format oci: its memfd_create rules and guard-memfd do not fit one filter \(at most 3 conditions a rule\)$'
	# control: as EPERM it needs no cut (the guard says the same there)
	run "$MINIT" --require-noexec --seccomp-print "$BATS_TEST_TMPDIR/wide" --format oci
	assert_status 0
	# control: without either flag, no memfd_create rule in default's
	export_oci default
	run jq -c '.syscalls[] | select(.names | index("memfd_create"))' "$R/profiles/rt.json"
	assert_status 0
	[ -z "$output" ]
}

# oci_image: build $IMG, FROM scratch, the test root (minit, /t/probe,
# busybox, /etc/passwd with the user app); set up its removal.
oci_image() {
	[ "$(id -u)" = 0 ] && command -v podman >/dev/null && command -v runc >/dev/null || {
		echo "needs root, podman and runc (build-aux/install-deps.sh test)" >&2
		return 1
	}
	IMG="localhost/minit-oci-guards-$$:probe"
	local ctx=$BATS_TEST_TMPDIR/ctx
	mkroot "$ctx/root"
	printf 'FROM scratch\nCOPY root/ /\n' > "$ctx/Containerfile"
	podman --runtime runc build --pull=never --layers=false -q -t "$IMG" "$ctx" >/dev/null
}

teardown() {
	[ -z "${IMG:-}" ] || podman rmi -f "$IMG" >/dev/null 2>&1 || true
}

# podman_run PROFILE-FILE ARGS...: ARGS in a container of $IMG under the
# seccomp profile PROFILE-FILE, with no capabilities.
podman_run() {
	local f=$1
	shift
	podman --runtime runc run --rm --network none --pull never \
	    --ulimit nofile=20000:20000 --ulimit nproc=4096:4096 \
	    --cap-drop ALL --security-opt "seccomp=$f" "$IMG" "$@"
}

@test "OCI export: podman --runtime runc with the printed profile gives the same answers" {
	oci_image
	local rc=0 p flag want got
	for p in default strict /profiles/memfd-own /profiles/strict-eacces; do
		for flag in "" --require-noexec; do
			# shellcheck disable=SC2086
			export_oci "$p" $flag
			cp "$R/profiles/rt.json" "$BATS_TEST_TMPDIR/rt.json"
			# shellcheck disable=SC2086
			want=$(answers "$p" $flag)
			# shellcheck disable=SC2086
			got=$(podman_run "$BATS_TEST_TMPDIR/rt.json" \
			    /t/probe try $RT_PROBES syscall-1000 2>&1) || rc=1
			# runc answers ENOSYS for syscall numbers above every
			# one it knows, whatever the default action (its own
			# addition to the filter); the rest must be equal
			want=$(sed -E 's/^syscall-1000 errno=(1|13)$/syscall-1000 errno=38/' <<<"$want")
			same_answers "$p $flag under podman" "$want" "$got" || rc=1
			# control: the memfd guard is in the export with the flag
			if [ -n "$flag" ]; then
				grep -q '^memfd-cloexec errno=1$' <<<"$got" || rc=1
			else
				grep -q '^memfd-cloexec ok$' <<<"$got" || rc=1
			fi
		done
	done
	# control: a plain SCMP_CMP_EQ on TIOCSTI (64 bits) lets the
	# high-half variant through under podman; the export's masked one not
	printf '{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["ioctl"], "action": "SCMP_ACT_ERRNO", "args": [{"index": 1, "value": 21522, "op": "SCMP_CMP_EQ"}]}]}\n' > "$BATS_TEST_TMPDIR/eq.json"
	got=$(podman_run "$BATS_TEST_TMPDIR/eq.json" \
	    /t/probe try ioctl-tiocsti ioctl-tiocsti-hi 2>&1) || rc=1
	grep -q '^ioctl-tiocsti errno=1$' <<<"$got" || rc=1
	grep -q '^ioctl-tiocsti-hi errno=9$' <<<"$got" || rc=1
	return $rc
}

# podman_minit PROFILE-FILE MINIT-ARGS...: minit as PID 1 of a container
# of $IMG under the seccomp profile PROFILE-FILE, with the read-only root
# and noexec /tmp that --require-noexec wants, and only the capabilities
# minit needs to drop privileges (docs/docker.md).
podman_minit() {
	local f=$1
	shift
	podman --runtime runc run --rm --network none --pull never \
	    --ulimit nofile=20000:20000 --ulimit nproc=4096:4096 \
	    --read-only --read-only-tmpfs=false \
	    --tmpfs /tmp:rw,noexec,nosuid,nodev,size=16m \
	    --cap-drop ALL --cap-add SETUID --cap-add SETGID --cap-add SETPCAP \
	    --security-opt "seccomp=$f" "$IMG" /minit "$@"
}

@test "OCI export: minit itself runs under its exported profile as podman's outer filter" {
	oci_image
	local rc=0 p
	# the outer filter and, inside, minit's own profile
	for p in default:default /profiles/strict-setsid:strict; do
		export_oci "${p%%:*}" --require-noexec
		cp "$R/profiles/rt.json" "$BATS_TEST_TMPDIR/outer.json"
		run podman_minit "$BATS_TEST_TMPDIR/outer.json" --user app \
		    --require-noexec --seccomp "${p#*:}" -- /bin/sh -c \
		    '/t/probe status; /t/probe try memfd memfd-noexec-seal getppid'
		[ "$status" = 0 ] || { echo "$p: exit $status: $output" >&2; rc=1; }
		grep -Eq '^Uid:[[:space:]]+1000[[:space:]]' <<<"$output" || rc=1
		grep -Eq '^CapEff:[[:space:]]+0+$' <<<"$output" || rc=1
		grep -Eq '^NoNewPrivs:[[:space:]]+1$' <<<"$output" || rc=1
		# the runtime's filter, minit's two guards and PROGRAM's own
		grep -Eq '^Seccomp_filters:[[:space:]]+4$' <<<"$output" || rc=1
		grep -q '^memfd errno=1$' <<<"$output" || rc=1
		grep -q '^memfd-noexec-seal ok$' <<<"$output" || rc=1
	done
	# control: without the runtime's filter, one filter less
	run podman_minit unconfined --user app --require-noexec -- /t/probe status
	[ "$status" = 0 ] || rc=1
	grep -Eq '^Seccomp_filters:[[:space:]]+3$' <<<"$output" || rc=1
	# strict itself denies setsid, which minit's child calls (a new
	# session for PROGRAM): refused, one line, nothing runs
	export_oci strict --require-noexec
	cp "$R/profiles/rt.json" "$BATS_TEST_TMPDIR/outer.json"
	run podman_minit "$BATS_TEST_TMPDIR/outer.json" --user app \
	    --require-noexec --seccomp strict -- /t/probe status
	[ "$status" = 125 ] || rc=1
	[ "$output" = "minit: setsid: Operation not permitted" ] || rc=1
	return $rc
}
