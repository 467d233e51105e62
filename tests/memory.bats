#!/usr/bin/env bats
# PID 1's memory once PROGRAM runs (issue 20, memtrim.c,
# build-aux/pid1-text.ld): only the wait loop's code stays resident, and the
# stack pages start-up used are given back.  Read from /proc/PID/smaps of
# the real binary as PID 1; no timing is asserted.
load lib

setup_file() { setup_root; }

# minit_kb PID PERMS: kB resident in PID's mappings of /minit with PERMS
# (r-xp: code, r--p: headers and read-only data).
minit_kb() {
	awk -v perm="$2" '
		/^[0-9a-f]+-[0-9a-f]+ / { m = ($2 == perm && $NF ~ /\/minit$/) }
		/^Rss:/ && m { kb += $2 }
		END { print kb + 0 }' "/proc/$1/smaps"
}

# stack_kb PID: kB resident in PID's stack.
stack_kb() {
	awk '/^[0-9a-f]+-[0-9a-f]+ / { m = ($NF == "[stack]") }
		/^Rss:/ && m { kb += $2 } END { print kb + 0 }' "/proc/$1/smaps"
}

# code_at_most PID KB: PID 1's code resident is KB or less (memtrim has run).
code_at_most() {
	[ "$(minit_kb "$1" r-xp)" -le "$2" ]
}

# start_app OUT MINIT-ARGS...: minit as PID 1 running probe wait-signal,
# output to OUT; sets m (PID 1's host pid) and runner.
start_app() {
	local out=$1
	shift
	ro_run -- "$@" -- /t/probe wait-signal 60 >"$out" 2>&1 &
	runner=$!
	m=$(minit_host_pid "$runner")
	wait_until 100 0.05 grep -q '^ready' "$out"
}

stop_app() {
	kill -TERM "$m"
	wait "$runner"
}

@test "PID 1 keeps only its loop's code and a few stack pages resident; forwarding runs in them" {
	out=$BATS_TEST_TMPDIR/out
	start_app "$out" --user app
	# The loop's pages: 3 pages of code (build-aux/pid1-text.ld) and
	# whatever the fault-around of a page brings, not the 160 KiB of
	# start-up code around them.
	wait_until 100 0.05 code_at_most "$m" 16 || {
		echo "PID 1 code resident: $(minit_kb "$m" r-xp) kB" >&2
		return 1
	}
	[ "$(minit_kb "$m" r--p)" -le 8 ]
	[ "$(stack_kb "$m")" -le 16 ]
	# The RW segment: the relro page (what the static-pie's start writes
	# pointers into) and one page of .data and .bss, each private for
	# good: a table of pointers, or a start-up buffer in .bss, adds one.
	rw=$(minit_kb "$m" rw-p)
	echo "PID 1 RW segment resident: $rw kB" >&2
	[ "$rw" -le 8 ]
	grep -q '^VmRSS:' "/proc/$m/status"
	kill -USR1 "$m"
	wait_until 100 0.05 grep -q '^got 10 ' "$out"
	code_at_most "$m" 16
	stop_app
}

@test "control: the probe sees start-up code come back when PID 1 runs it again (-v logs through printf)" {
	out=$BATS_TEST_TMPDIR/out
	start_app "$out" -v --user app
	wait_until 100 0.05 code_at_most "$m" 16
	kill -USR1 "$m"
	wait_until 100 0.05 grep -q '^got 10 ' "$out"
	grep -q 'forwarding 10' "$out"
	# The -v line ran vsnprintf, outside the loop's pages: its 64 KiB
	# fault-around window is back.
	kb=$(minit_kb "$m" r-xp)
	echo "PID 1 code resident after a -v line: $kb kB"
	[ "$kb" -gt 16 ]
	stop_app
}
