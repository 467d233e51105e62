#!/usr/bin/env bats
# Valgrind memcheck on the release binary (static-pie, musl) as PID 1 of a
# PID namespace: exit codes, signals, reaping, the grace period.  Every
# process valgrind runs (PID 1 and the child up to its exec) writes a log;
# any memcheck error fails the test.  Run by `make valgrind`.
#
# Valgrind does not run seccomp filters (it cannot apply BPF to the
# syscalls it makes on the program's behalf), so libseccomp fails under it:
# the runs pass --seccomp off (PID 1 then warns that it has no filter of its
# own), and one test checks that without it minit refuses to start.
#
# What memcheck sees in a static binary: reads of uninitialised memory,
# accesses outside mapped or valid stack memory, bad syscall arguments
# (unaddressable or uninitialised buffers).  It cannot replace a static
# malloc, so heap bounds and leaks are the sanitizer builds' job (make dev,
# unit, fuzz); minit does not allocate on the heap anyway.
load lib
bats_require_minimum_version 1.5.0

setup_file() {
	command -v valgrind >/dev/null || skip "valgrind not installed"
	export VG_MINIT=${VALGRIND_MINIT:-$TOP/build/minit.unstripped}
	[ -x "$VG_MINIT" ] || skip "no $VG_MINIT (make minit)"
}

setup() {
	VGLOG=$BATS_TEST_TMPDIR/vg
}

# vg_pid1 ARGS: minit under memcheck as PID 1 on the host root; a fresh log
# folder per run.
vg_pid1() {
	rm -rf "$VGLOG"
	mkdir -p "$VGLOG"
	timeout 120 unshare --pid --fork --mount-proc valgrind -q \
	    --tool=memcheck --track-origins=yes --trace-children=no --vgdb=no \
	    --suppressions="$TOP/tests/valgrind.supp" \
	    --log-file="$VGLOG/vg.%p.log" "$VG_MINIT" --allow-writable-root "$@"
}
vg_pid1_nofilter() {
	vg_pid1 --seccomp off "$@"
}

# Every log exists and is free of memcheck reports (-q: a clean log holds
# none; "==PID==" lines are reports, "--PID--" lines valgrind's own notes,
# such as "unhandled syscall: 317" for seccomp(2)).
refute_vg_errors() {
	local f n=0
	for f in "$VGLOG"/vg.*.log; do
		[ -e "$f" ] || continue
		n=$((n + 1))
		if grep -q '^==[0-9]*==' "$f"; then
			echo "valgrind report in $f:" >&2
			cat "$f" >&2
			return 1
		fi
	done
	[ "$n" -ge 1 ] || { echo "no valgrind log written" >&2; return 1; }
}

@test "valgrind: exit codes 0, 3, 255, and 143 for a TERM-killed app (T51)" {
	for code in 0 3 255; do
		run vg_pid1_nofilter --allow-root -- /bin/sh -c "exit $code"
		assert_status "$code"
		refute_vg_errors
	done
	run vg_pid1_nofilter --allow-root -- /bin/sh -c 'kill -TERM $$'
	assert_status 143
	refute_vg_errors
}

@test "valgrind: --user: the child's and PID 1's privilege drop (T01 P25)" {
	run vg_pid1_nofilter --user 65534:65534 -- /bin/sh -c 'id -u; grep -E "^(Uid|CapEff):" /proc/1/status'
	assert_status 0
	assert_line_has '^65534$'
	assert_line_has '^Uid:[[:space:]]+65534[[:space:]]+65534'
	assert_line_has '^CapEff:[[:space:]]+0+$'
	refute_vg_errors
}

@test "valgrind: 126 and 127 through the exec report pipe (T51 P29)" {
	run vg_pid1_nofilter --allow-root -- /etc/passwd
	assert_status 126
	refute_vg_errors
	run -127 vg_pid1_nofilter --allow-root -- /nonexistent
	assert_status 127
	refute_vg_errors
}

@test "valgrind: signals to PID 1 are forwarded, --signal-map, --map-exit (T45 T46)" {
	run vg_pid1_nofilter --allow-root --signal-map USR2:HUP --map-exit 5:42 -- /bin/sh -c '
		trap "echo got-hup" HUP
		trap "echo got-usr1; exit 5" USR1
		kill -USR2 1; sleep 0.5; kill -USR1 1
		while :; do sleep 0.1; done'
	assert_status 42
	assert_line_has '^got-hup$'
	assert_line_has '^got-usr1$'
	refute_vg_errors
}

@test "valgrind: orphans reaped, then the grace period kills what ignores TERM (T50 T52)" {
	run vg_pid1_nofilter --allow-root --grace 1 -- /bin/sh -c "
		$TBIN/probe orphans 200 >/dev/null
		$TBIN/storm tree 2"
	assert_status 7
	assert_line_has '^tree=4$'
	refute_vg_errors
}

@test "valgrind: seccomp cannot load under valgrind, so minit refuses: fail closed, no report (P40)" {
	run vg_pid1 --allow-root -- /bin/echo RAN
	assert_status 125
	refute_line_has '^RAN$'
	assert_line_has '^minit: seccomp: '
	refute_vg_errors
}
