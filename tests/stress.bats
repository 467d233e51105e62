#!/usr/bin/env bats
# Load on PID 1 (issue 7): a zombie storm and a signal storm against the real
# static binary as PID 1 of a PID namespace on a read-only root, and an app
# that leaves a tree behind.  Each takes seconds; no wall-clock asserts.
load lib

setup_file() { setup_root; }

# kv KEY: the value of a key=value line of $output.
kv() {
	sed -n "s/^$1=//p" <<<"$output" | tail -1
}

@test "zombie storm: 100,000 orphans while the app runs, none left, PID 1 memory flat (T50 P28)" {
	run ro_run -- --allow-root -- /t/storm orphans 100000 500
	printf '%s\n' "$output"	# shown when the test fails
	assert_status 0
	[ "$(kv orphans)" -eq 100000 ]
	[ "$(kv zombies)" -eq 0 ]
	before=$(kv pid1_rss_before_kb) after=$(kv pid1_rss_after_kb)
	[ "$before" -gt 0 ]
	# Flat: even one byte kept per orphan would be 100 kB.
	if [ "$after" -gt $((before + 32)) ]; then
		echo "PID 1 RssAnon grew from $before to $after kB" >&2
		return 1
	fi
}

@test "signal storm: 30,000 mixed signals to PID 1, all kinds forwarded, PID 1 memory flat, TERM still stops the app (T46 P26)" {
	out=$BATS_TEST_TMPDIR/out
	ro_run -- --allow-root -- /t/storm signals 30000 >"$out" 2>&1 &
	runner=$!
	m=$(minit_host_pid "$runner")
	wait_until 600 0.1 grep -q '^storm-done' "$out" || true
	grep -q '^storm-done' "$out"
	# From the parent namespace too: a second storm of real-time and
	# standard signals, as `docker kill -s` would send them.
	for i in $(seq 200); do
		kill -s USR1 "$m"; kill -s RTMIN+5 "$m"; kill -s WINCH "$m"
		kill -s HUP "$m"; kill -s RTMAX "$m"
	done
	kill -0 "$m"	# PID 1 is alive after both storms
	kill -TERM "$m"
	status=0
	wait "$runner" || status=$?
	output=$(cat "$out")
	printf '%s\n' "$output"	# shown when the test fails
	assert_status 0
	assert_line_has '^term=1$'
	[ "$(kv sender_ok)" = 1 ]
	[ "$(kv sent)" -eq 30000 ]
	# Every kind reached the app.  Standard signals coalesce, so fewer
	# arrive than were sent; and the kernel discards a pending SIGCONT
	# when a stop signal (TSTP TTIN TTOU) is sent, and the reverse
	# (signal(7)), so those four may be missing when the app lags.
	for s in $(kv missing); do
		case $s in
		18|20|21|22) ;;
		*) echo "signal $s never reached the app" >&2; return 1 ;;
		esac
	done
	[ "$(kv kinds)" -ge 31 ]
	[ "$(kv received)" -ge 35 ]
	# PID 1 keeps nothing per signal (its queue is the kernel's)
	[ "$(kv pid1_rss_after_kb)" -le $(($(kv pid1_rss_before_kb) + 32)) ]
	refute_line_has 'minit: .*(sigtimedwait|kill)'
}

# wait_child PID: until PID has a child (minit forks after it has blocked
# every signal, so from then on a signal to it is queued, not lost).
wait_child() {
	wait_until 200 0.05 pgrep -P "$1" >/dev/null
}

@test "signals 32-34 (docker kill -s RTMIN is 34) reach the app: not dropped by PID 1 (T46 P26)" {
	# musl keeps 32-34 for itself and its sigfillset leaves them out; the
	# app (musl too) dies from them by default, so 128+N shows delivery.
	for sig in 32 33 34; do
		ro_run -- --allow-root -- /t/probe sleep 20 &
		runner=$!
		m=$(minit_host_pid "$runner")
		wait_child "$m"
		kill -s "$sig" "$m"
		status=0
		wait "$runner" || status=$?
		echo "signal $sig: minit exit $status"
		assert_status $((128 + sig))
	done
}

@test "signals 32-34 to minit as a subreaper: forwarded, minit survives them (P26 P28)" {
	run unshare --pid --fork --mount-proc sh -c '
		for sig in 32 33 34; do
			"$MINIT" -v --allow-root --allow-writable-root -- \
			    "$TBIN/probe" sleep 20 2>&1 | grep "PROGRAM (pid" &
			# minit may not have been exec'\''d yet: wait for it too
			i=0
			until m=$(pgrep -n -x minit) || [ $i -ge 200 ]; do
				sleep 0.05; i=$((i + 1))
			done
			while [ -z "$(pgrep -P "$m")" ] && [ $i -lt 200 ]; do
				sleep 0.05; i=$((i + 1))
			done
			kill -s $sig "$m"
			wait
		done'
	# minit reports its app's end: it was not killed itself
	assert_line_has 'PROGRAM \(pid [0-9]+\) ended, status 160$'
	assert_line_has 'PROGRAM \(pid [0-9]+\) ended, status 161$'
	assert_line_has 'PROGRAM \(pid [0-9]+\) ended, status 162$'
}

@test "the app forks a tree and exits: SIGTERM reaches the rest, SIGKILL the one that ignores it, exit is the app's (T52 P28)" {
	run ro_run -- --allow-root -v --grace 1 -- /t/storm tree 3
	assert_status 7
	assert_line_has '^tree=6$'
	[ "$(grep -c '^term$' <<<"$output")" -eq 4 ]	# 2 children, 2 grandchildren
	assert_line_has 'minit: init: grace period over: SIGKILL'
}

@test "the tree with minit as a subreaper: nothing of it survives minit (T52 T53 P28)" {
	run unshare --pid --fork --mount-proc sh -c '
		"$MINIT" --allow-root --allow-writable-root --grace 1 -- \
		    "$TBIN/storm" tree 3
		echo "minit=$?"
		"$TBIN/probe" pids'
	assert_line_has '^minit=7$'
	# sh (PID 1 here) and probe: none of the 6 descendants re-parented.
	assert_line_has '^processes=2 zombies=0$'
}

@test "no TERM-ignoring descendant: minit does not wait out the grace period (T52)" {
	run ro_run -- --allow-root -v --grace 86400 -- /bin/sh -c 'sleep 1000 & exit 3'
	assert_status 3
	refute_line_has 'grace period over'
}
