#!/usr/bin/env bats
# --seccomp-record FILE (issue 17, items 1-3): PID 1 answers a
# SECCOMP_RET_USER_NOTIF filter and writes what PROGRAM used as a profile;
# the recorded profile replays the workload, refuses a call outside it, and
# the selected profile's denials hold while recording.  FILE goes to a host
# folder bound at /data (the root itself is read-only).
load lib
bats_require_minimum_version 1.5.0

setup_file() {
	setup_root
}

setup() {
	OUT=$BATS_TEST_TMPDIR/out
	mkdir -p "$OUT"
	export OUT
}

# rrun ARGS...: ro_run with $OUT writable at /data.
rrun() {
	ro_run -x 'mount --bind "$OUT" "$R/data"' -- "$@"
}

WORK='echo hi > /tmp/f; cat /tmp/f; ls /t > /dev/null; wc -l < /etc/passwd; id -u; sleep 0'

@test "record: a busybox run, replayed under the recorded profile; one call outside gets EPERM" {
	run rrun --allow-root --seccomp-record /data/rec.profile -- /bin/sh -c "$WORK"
	assert_status 0
	assert_line_has '^hi$'
	want=$output
	[ -s "$OUT/rec.profile" ]
	run cat "$OUT/rec.profile"
	assert_line_has '^include default$'
	assert_line_has '^#   .*\bexecve\b'
	assert_line_has '^#   .*\bgetdents64\b'	# ls
	assert_line_has '^deny .*\bmkdir\b'		# not used
	# --seccomp FILE takes it as it is
	run "$MINIT" --seccomp-print "$OUT/rec.profile"
	assert_status 0
	assert_line_has '^mkdir +errno EPERM$'
	# replay: the same workload passes
	run rrun --allow-root --seccomp /data/rec.profile -- /bin/sh -c "$WORK"
	assert_status 0
	[ "$output" = "$want" ]
	# one call outside it: mkdir, refused
	run rrun --allow-root --seccomp /data/rec.profile -- /bin/sh -c 'mkdir /tmp/d'
	assert_status 1
	assert_line_has "can't create directory '/tmp/d': Operation not permitted"
	# and exported as OCI JSON (--format oci), it answers the same
	"$MINIT" --seccomp-print "$OUT/rec.profile" --format oci > "$OUT/rec.json"
	run rrun --allow-root --seccomp /data/rec.json -- /bin/sh -c "$WORK"
	assert_status 0
	[ "$output" = "$want" ]
	run rrun --allow-root --seccomp /data/rec.json -- /bin/sh -c 'mkdir /tmp/d'
	assert_status 1
	assert_line_has "Operation not permitted"
	# control: under the profile it was recorded from, mkdir runs
	run rrun --allow-root --seccomp default -- /bin/sh -c 'mkdir /tmp/d && echo made'
	assert_status 0
	assert_line_has '^made$'
}

@test "record: the selected profile's denials hold while recording, and are listed as comments" {
	probes="getpid mount ptrace ioctl-tiocsti ioctl-tiocsti-hi clone-newuser personality-noaslr clone3 fork"
	# shellcheck disable=SC2086
	run rrun --allow-root --seccomp-record /data/r.profile -- /t/probe try $probes
	assert_status 0
	rec=$output
	# shellcheck disable=SC2086
	run rrun --allow-root -- /t/probe try $probes
	assert_status 0
	[ "$rec" = "$output" ] || { diff <(echo "$output") <(echo "$rec") >&2; return 1; }
	assert_line_has '^mount errno=1$'
	assert_line_has '^ioctl-tiocsti-hi errno=1$'
	assert_line_has '^clone3 errno=38$'
	run cat "$OUT/r.profile"
	# refused without looking at arguments: seen and listed
	assert_line_has '^# Refused by the profile'
	assert_line_has '^#   .*\bmount\b.*\bptrace\b|^#   .*\bptrace\b'
	# strict: an errno default, answered by PID 1 the same way
	# shellcheck disable=SC2086
	run rrun --allow-root --seccomp strict --seccomp-record /data/s.profile -- /t/probe try $probes mmap-wx socket-packet
	assert_status 0
	rec=$output
	# shellcheck disable=SC2086
	run rrun --allow-root --seccomp strict -- /t/probe try $probes mmap-wx socket-packet
	[ "$rec" = "$output" ] || { diff <(echo "$output") <(echo "$rec") >&2; return 1; }
	run cat "$OUT/s.profile"
	assert_line_has '^include strict$'
}

@test "record: FILE holds what ran when PROGRAM is killed" {
	run rrun --allow-root --seccomp-record /data/k.profile -- /bin/sh -c 'ls / > /dev/null; kill -9 $$'
	assert_status 137
	run cat "$OUT/k.profile"
	assert_line_has '^#   .*\bgetdents64\b'
	assert_line_has '^#   .*\bkill\b'
}

@test "record: refused up front: a place minit cannot write, off, JSON, --no-init" {
	run rrun --allow-root --seccomp-record /nonexistent/x.profile -- /bin/echo RAN
	assert_status 125
	assert_line_has '^minit: seccomp: --seccomp-record /nonexistent/x.profile: cannot write it: No such file or directory$'
	refute_line_has RAN
	run rrun --allow-root --seccomp-record /etc/x.profile -- /bin/echo RAN
	assert_status 125
	assert_line_has 'cannot write it: Read-only file system$'
	refute_line_has RAN
	run rrun --allow-root --seccomp off --seccomp-record /data/x -- /bin/echo RAN
	assert_status 125
	assert_line_has "^minit: seccomp: --seccomp-record: records under a profile, and --seccomp off has none$"
	printf '{"defaultAction": "SCMP_ACT_ALLOW"}\n' > "$OUT/p.json"
	run rrun --allow-root --seccomp /data/p.json --seccomp-record /data/x -- /bin/echo RAN
	assert_status 125
	assert_line_has 'a JSON profile cannot be part of the recorded file'
	run "$MINIT" --no-init --seccomp-record /tmp/x -- /bin/true
	assert_status 125
	assert_line_has '^minit: --seccomp-record: PID 1 answers the recorder: not with --no-init or --audit$'
	# control: the same run without --seccomp-record runs
	run rrun --allow-root -- /bin/echo RAN
	assert_status 0
	assert_line_has '^RAN$'
}

@test "record: PID 1's own filter adds only the notify ioctls, the hand-over and FILE" {
	run "$MINIT" --seccomp-print pid1-record
	assert_status 0
	assert_line_has '^default-action +kill$'
	assert_line_has '^ioctl +allow if arg1 == 0xc0502100$'	# NOTIF_RECV
	assert_line_has '^ioctl +allow if arg1 == 0xc0182101$'	# NOTIF_SEND
	[ "$(grep -c '^ioctl ' <<<"$output")" -eq 2 ]
	assert_line_has '^recvmsg +allow$'
	assert_line_has '^ppoll +allow$'
	assert_line_has '^pwrite64 +allow$'
	assert_line_has '^ftruncate +allow$'
	# control: PID 1's usual list has none of them (ppoll it has: log.c
	# looks before a line when stderr could not be made non-blocking)
	run "$MINIT" --seccomp-print pid1
	refute_line_has '^(ioctl|recvmsg|pwrite64|ftruncate) '
	assert_line_has '^ppoll +allow$'
	# and PID 1 runs under it while recording (Seccomp 2, not killed)
	run rrun --allow-root --seccomp-record /data/p1.profile -- /bin/sh -c 'grep Seccomp: /proc/1/status'
	assert_status 0
	assert_line_has '^Seccomp:[[:space:]]+2$'
}
