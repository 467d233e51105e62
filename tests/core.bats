#!/usr/bin/env bats
# The core: PID 1 behaviour of the real static binary in a PID namespace.
# Exit codes, signals, reaping, grace period, subreaper, exec errors, fds,
# PATH search, tty.  Pitfall and test IDs: docs/security.md.
load lib

# Flags for the tests here that are not about privileges or the root check:
# PROGRAM runs as root, and pid1 runs on the writable host root.
P=(--allow-root --allow-writable-root)

setup_file() {
	setup_root
	cp "$TBIN/probe" "$R/usr/bin/probe"	# for PATH searches
	printf '#!/bin/sh\necho PWNED\n' > "$R/ls"	# T64 bait at /
	chmod 755 "$R/ls"
}

teardown() {
	[ -z "${UPID:-}" ] || kill -KILL "$UPID" 2>/dev/null || true
}

@test "PROGRAM's exit code passes through, for every code 0-255 (P29, T51)" {
	local bad=""
	for code in $(seq 0 255); do
		rc=0
		pid1 "${P[@]}" -- "$TBIN/probe" exit "$code" || rc=$?
		[ "$rc" -eq "$code" ] || bad="$bad $code:$rc"
	done
	[ -z "$bad" ] || { echo "wrong:$bad" >&2; return 1; }
}

@test "killed by a signal: 128+N (TERM 143, KILL 137, SEGV 139) (P29, T51)" {
	run pid1 "${P[@]}" -- "$TBIN/probe" kill-self 15
	assert_status 143
	run pid1 "${P[@]}" -- "$TBIN/probe" kill-self 9
	assert_status 137
	run pid1 "${P[@]}" -- "$TBIN/probe" kill-self 11
	assert_status 139
}

@test "--map-exit rewrites the final status" {
	run pid1 "${P[@]}" --map-exit 143:0 -- "$TBIN/probe" kill-self 15
	assert_status 0
	run pid1 "${P[@]}" --map-exit 143:0 --map-exit 3:4 -- "$TBIN/probe" exit 3
	assert_status 4
	run pid1 "${P[@]}" --map-exit 143:0 -- "$TBIN/probe" exit 142
	assert_status 142
}

@test "PROGRAM is PID 1's child, in its own session and process group" {
	run ro_run -- "${P[@]}" -- /t/probe status
	assert_status 0
	assert_line_has '^pid=([0-9]+) ppid=1 sid=\1 pgid=\1$'
}

@test "every forwardable signal reaches PROGRAM, SIGCHLD does not (P26, T45, T46)" {
	bg_pid1 "${P[@]}" -- "$TBIN/probe" wait-signal
	wait_out '^ready'
	# 35, 40, 64: real-time signals (32-34 are reserved by musl, the probe's libc)
	for sig in 1 2 3 10 12 28 18 14 13 23 21 22 20 35 40 64 17; do
		kill -n "$sig" "$MPID"
		[ "$sig" = 17 ] || wait_out "^got $sig code"
	done
	kill -s TERM "$MPID"
	wait_bg
	assert_status 0
	for n in 1 2 3 10 12 28 18 14 13 23 21 22 20 35 40 64 15; do
		assert_line_has "^got $n code"
	done
	refute_line_has '^got 17 '
}

@test "a user-sent SIGABRT, SIGSEGV and SIGSYS are forwarded, not dropped (tini#104)" {
	bg_pid1 "${P[@]}" -- "$TBIN/probe" wait-signal
	wait_out '^ready'
	kill -s ABRT "$MPID"
	wait_out '^got 6 '
	kill -s SEGV "$MPID"
	wait_out '^got 11 '
	kill -s SYS "$MPID"
	wait_out '^got 31 '
	kill -s TERM "$MPID"
	wait_bg
	assert_status 0
	# si_code 0 = SI_USER: a kill(2) by minit, not a fault
	assert_line_has '^got 6 code 0$'
}

@test "--signal-map TERM:QUIT forwards SIGTERM as SIGQUIT" {
	bg_pid1 "${P[@]}" --signal-map TERM:QUIT --signal-map USR1:12 -- "$TBIN/probe" wait-signal 5
	wait_out '^ready'
	kill -s USR1 "$MPID"
	wait_out '^got 12 '
	kill -s TERM "$MPID"
	wait_out '^got 3 '
	kill -s KILL "$MPID"
	wait_bg
	refute_line_has '^got 15 '
	refute_line_has '^got 10 '
}

@test "-g forwards to PROGRAM's whole process group; without it only PROGRAM" {
	# sh runs two probes in its own process group; sh itself ignores USR1
	bg_pid1 "${P[@]}" -g -- sh -c 'trap "" USR1; "$0" wait-signal 10 & "$0" wait-signal 10 & wait' "$TBIN/probe"
	# both probes have their handlers
	wait_until 200 0.05 out_has_twice '^ready' || true
	kill -s USR1 "$MPID"
	wait_until 100 0.05 out_has_twice '^got 10 ' || true
	kill -s TERM "$MPID"	# -g: sh and both probes get it
	wait_bg
	[ "$(grep -c '^got 10 ' <<<"$output")" -eq 2 ]

	bg_pid1 "${P[@]}" -- sh -c 'trap "" USR1; "$0" wait-signal 3 & wait' "$TBIN/probe"
	wait_out '^ready'
	kill -s USR1 "$MPID"
	sleep 0.5
	kill -s KILL "$MPID"
	wait_bg
	refute_line_has '^got 10 '
}

@test "10,000 orphans are all reaped (P28, T50)" {
	run pid1 "${P[@]}" -- sh -c '
		"$0" orphans 10000 || exit 1
		for i in $(seq 100); do
			z=$("$0" pids | sed "s/.*zombies=//")
			[ "$z" = 0 ] && break
			sleep 0.1
		done
		"$0" pids' "$TBIN/probe"
	assert_status 0
	assert_line_has '^spawned 10000 orphans$'
	assert_line_has ' zombies=0$'
}

@test "grace: the rest get SIGTERM when PROGRAM exits; minit does not wait out the grace (P28, T52)" {
	# a 60 s grace that is not waited out: the background sleeper dies on TERM
	run timeout 30 unshare --pid --fork --mount-proc "$MINIT" "${P[@]}" --grace 60 -- \
	    sh -c '"$0" sleep 1000 & sleep 0.2; exit 3' "$TBIN/probe"
	assert_status 3
}

@test "grace: a process that ignores SIGTERM is killed after --grace; status kept" {
	run timeout 30 unshare --pid --fork --mount-proc "$MINIT" "${P[@]}" --grace 1 -v -- \
	    sh -c '"$0" ignore-term 1000 & sleep 0.3; exit 5' "$TBIN/probe"
	assert_status 5
	assert_line_has 'grace period over: SIGKILL'
}

@test "--grace 0 kills the rest at once" {
	run timeout 30 unshare --pid --fork --mount-proc "$MINIT" "${P[@]}" --grace 0 -- \
	    sh -c '"$0" ignore-term 1000 & sleep 0.3; exit 6' "$TBIN/probe"
	assert_status 6
}

@test "not PID 1: minit is a child subreaper and still reaps orphans (P28, T53)" {
	run unshare --pid --fork --mount-proc sh -c '
		"$0" --allow-root --allow-writable-root -v -- "$1" spawn-orphans 5 & m=$!
		sleep 0.5; n=0
		for s in /proc/[0-9]*/status; do
			grep -q "^PPid:[[:space:]]*$m\$" "$s" && n=$((n+1))
		done
		echo "children-of-minit=$n"
		wait $m; echo "minit-exit=$?"
		"$1" pids' "$MINIT" "$TBIN/probe"
	assert_status 0
	assert_line_has 'registered as child subreaper'
	assert_line_has '^children-of-minit=6$'
	assert_line_has '^minit-exit=0$'
	assert_line_has ' zombies=0$'
}

@test "not PID 1: the grace period reaches PROGRAM's leftovers, nothing else" {
	run unshare --pid --fork --mount-proc sh -c '
		"$1" sleep 1000 & bystander=$!
		"$0" --allow-root --allow-writable-root --grace 1 -- sh -c "\"$1\" ignore-term 1000 & exit 4"
		echo "minit-exit=$?"
		kill -0 $bystander && echo bystander-alive
		"$1" pids' "$MINIT" "$TBIN/probe"
	assert_line_has '^minit-exit=4$'
	assert_line_has '^bystander-alive$'
	assert_line_has 'zombies=0$'
}

@test "exit 127 when PROGRAM is not found, 126 when not executable, with the message (P29, T51)" {
	run -127 pid1 "${P[@]}" -- /nonexistent
	assert_status 127
	assert_line_has '^minit: exec /nonexistent: No such file or directory$'
	run -127 pid1 "${P[@]}" -- no-such-program-anywhere
	assert_status 127
	assert_line_has '^minit: exec no-such-program-anywhere: No such file or directory$'
	run pid1 "${P[@]}" -- /etc/passwd
	assert_status 126
	assert_line_has '^minit: exec /etc/passwd: Permission denied$'
	run pid1 "${P[@]}" -- /etc
	assert_status 126
	run ro_run -- "${P[@]}" -- /t	# a directory through ro_run as well
	assert_status 126
}

@test "a script with a missing interpreter is 127, one without #! is 126 (no /bin/sh fallback, P36, T63, T66)" {
	local d=$BATS_TEST_TMPDIR
	printf '#!/nonexistent/interp\n' > "$d/s1"
	printf 'echo ran\n' > "$d/s2"
	chmod 755 "$d/s1" "$d/s2"
	run -127 pid1 "${P[@]}" -- "$d/s1"
	assert_status 127
	run pid1 "${P[@]}" -- "$d/s2"
	assert_status 126
	refute_line_has '^ran$'
}

@test "exit 125 and one line for usage errors" {
	for args in "--bogus x" "" "--grace" "--grace -1 x" "--signal-map FOO:BAR x" \
	    "--map-exit 300:0 x" "--cap NOPE x" "-- "; do
		# shellcheck disable=SC2086
		run "$MINIT" $args
		assert_status 125
		[ "$(wc -l <<<"$output")" -eq 1 ]
		assert_line_has '^minit: '
	done
}

@test "--help and --version exit 0 and document the exit codes" {
	run "$MINIT" --help
	assert_status 0
	assert_line_has '^  125 +minit refused'
	run "$MINIT" -V
	assert_status 0
	assert_line_has '^minit [0-9]+\.[0-9]+\.[0-9]+$'
}

@test "no fd other than 0, 1, 2 leaks into PROGRAM; --keep-fds keeps them (P23, T40)" {
	run bash -c 'exec 5</etc/passwd 7>/dev/null 9</proc/self/status; unshare --pid --fork --mount-proc "$0" "$@"' \
	    "$MINIT" "${P[@]}" -- "$TBIN/probe" fds
	assert_status 0
	assert_line_has '^extra fds: 0$'
	run bash -c 'exec 5</etc/passwd 7>/dev/null; unshare --pid --fork --mount-proc "$0" "$@"' \
	    "$MINIT" "${P[@]}" --keep-fds -- "$TBIN/probe" fds
	assert_status 1
	assert_line_has '^fd 5 -> /etc/passwd$'
	assert_line_has '^fd 7 -> /dev/null$'
}

@test "socket activation: LISTEN_FDS fds are kept and LISTEN_PID names PROGRAM" {
	run bash -c 'exec 3</etc/hostname 4</etc/passwd 5</etc/group
		LISTEN_PID=1 LISTEN_FDS=2 unshare --pid --fork --mount-proc "$0" "$@"' \
	    "$MINIT" "${P[@]}" -- sh -c '"$0" fds; echo "pid=$$ listen_pid=$LISTEN_PID"' "$TBIN/probe"
	assert_line_has '^fd 3 -> /etc/hostname$'
	assert_line_has '^fd 4 -> /etc/passwd$'
	refute_line_has '^fd 5 '
	assert_line_has '^pid=([0-9]+) listen_pid=\1$'
	# LISTEN_PID for another process: nothing kept, nothing rewritten
	run bash -c 'exec 3</etc/hostname; LISTEN_PID=77 LISTEN_FDS=1 unshare --pid --fork --mount-proc "$0" "$@"' \
	    "$MINIT" "${P[@]}" -- sh -c '"$0" fds; echo "listen_pid=$LISTEN_PID"' "$TBIN/probe"
	assert_line_has '^extra fds: 0$'
	assert_line_has '^listen_pid=77$'
}

@test "PATH unset: the default PATH finds PROGRAM in a FROM-scratch root (P36, T63)" {
	run ro_run -p 'env -i' -- "${P[@]}" -- probe env PATH
	assert_status 1
	assert_line_has '^PATH=\(unset\)$'
	run -127 ro_run -p 'env -i' -- "${P[@]}" -- no-such-prog
	assert_status 127
}

@test "empty and relative PATH elements are never searched (P36, T64)" {
	run ro_run -p 'env PATH=/nonexistent::.:/bin' -- "${P[@]}" -- ls /t
	assert_status 0
	refute_line_has 'PWNED'
	assert_line_has '^probe$'
}

@test "PROGRAM is looked up in its own PATH, not minit's (P36)" {
	run ro_run -p 'env PATH=/t' -- "${P[@]}" -- probe exit 7
	assert_status 7
}

@test "the child starts with no blocked signal, and ignores only what the caller ignored but SIGCHLD (P27, T48)" {
	# RTMIN is glibc's 34, one that musl's sigaction() refuses to reset;
	# --default-signal first: a caller started in the background by a
	# non-interactive shell ignores INT and QUIT, which would show here
	run ro_run -p 'env --default-signal --block-signal=TERM,USR1' -- "${P[@]}" -- /t/probe status
	assert_status 0
	assert_line_has '^SigBlk:[[:space:]]+0000000000000000$'
	assert_line_has '^SigIgn:[[:space:]]+0000000000000000$'
	# the caller's ignored standard signals stay so across exec, as POSIX
	# has it (nohup), but CHLD: INT 2, PIPE 13; the real-time RTMIN (34)
	# and RTMAX (64) are reset
	run ro_run -p 'env --default-signal --block-signal=TERM,USR1 --ignore-signal=INT,PIPE,CHLD,RTMIN,RTMAX' -- "${P[@]}" -- /t/probe status
	assert_status 0
	assert_line_has '^SigBlk:[[:space:]]+0000000000000000$'
	assert_line_has '^SigIgn:[[:space:]]+0000000000001002$'
	run ro_run -p 'env --default-signal --ignore-signal=CHLD' -- "${P[@]}" -- sh -c 'exit 3'
	assert_status 3
}

@test "PID 1 pins no mount: its cwd is / (catatonit#28)" {
	mkdir -p "$BATS_TEST_TMPDIR/wd"
	cd "$BATS_TEST_TMPDIR/wd"
	bg_pid1 "${P[@]}" -- "$TBIN/probe" wait-signal 10
	wait_out '^ready'
	[ "$(readlink "/proc/$MPID/cwd")" = / ]
	kill -s TERM "$MPID"
	wait_bg
	assert_status 0
}

@test "signals sent right after start are never lost (P27, P30, T47)" {
	for i in $(seq 20); do
		bg_pid1 "${P[@]}" -- "$TBIN/probe" wait-signal 10
		kill -s TERM "$MPID"
		run timeout 20 bash -c "while kill -0 $UPID 2>/dev/null; do sleep 0.02; done"
		assert_status 0
		wait_bg
		[ "$status" -eq 0 ] || [ "$status" -eq 143 ] || { echo "round $i: $status" >&2; return 1; }
	done
}

@test "a terminal on stdin becomes PROGRAM's controlling tty (docker run -it)" {
	# setsid -c makes the namespace's init a session leader owning the pty,
	# as a container runtime does for -t.
	run script -qec "ro_run -p 'setsid -c' -- ${P[*]} -- /t/probe tty" /dev/null
	assert_status 0
	assert_line_has '^isatty=1 sid=([0-9]+) pgrp=\1 tcgetpgrp=\1 tcgetsid=\1'
}

@test "--no-init execs PROGRAM in place of minit" {
	run pid1 "${P[@]}" --no-init -- "$TBIN/probe" status
	assert_status 0
	assert_line_has '^pid=1 ppid=0 '
	run -127 pid1 "${P[@]}" --no-init -- /nonexistent
	assert_status 127
	assert_line_has '^minit: exec /nonexistent: No such file or directory$'
}

@test "-v logs each stage" {
	run pid1 "${P[@]}" -v -- "$TBIN/probe" exit 0
	assert_status 0
	assert_line_has '^minit: init: PROGRAM is pid [0-9]+$'
	assert_line_has '^minit: init: PROGRAM \(pid [0-9]+\) ended, status 0$'
}

@test "an early exec failure is 127 every time, however the child races PID 1's drop" {
	local bad=""
	for i in $(seq 100); do
		rc=0
		pid1 "${P[@]}" -- no-such-program-anywhere 2>/dev/null || rc=$?
		[ "$rc" -eq 127 ] || bad="$bad $i:$rc"
	done
	[ -z "$bad" ] || { echo "wrong:$bad" >&2; return 1; }
}

@test "a closed stderr does not make PID 1 spin: its own SIGPIPE is not forwarded, PROGRAM is reaped" {
	# each -v line to the closed pipe raises SIGPIPE (13) at PID 1; taken
	# before SIGCHLD (17), a forwarded-and-logged SIGPIPE would loop forever
	# KILL: minit takes TERM as a signal to forward, so only KILL ends a spin
	run timeout -s KILL 20 bash -c '
		unshare --pid --fork --mount-proc "$0" "$@" 2>&1 | head -1 >/dev/null
		echo "minit=${PIPESTATUS[0]}"' \
	    "$MINIT" "${P[@]}" -v -- sh -c 'sleep 0.3; exit 4'
	assert_status 0
	assert_line_has '^minit=4$'
}
