#!/usr/bin/env bats
# What tini and dumb-init users reach for (issue 19): dropping a signal,
# the parent-death signal, strays under -v, the MINIT_* knobs, ignored
# signals inherited from the caller, job control on a terminal.  The real
# binary, as PID 1 (pid1, ro_run) and as a subreaper, each with a control.
load lib

P=(--allow-root --allow-writable-root)

setup_file() {
	setup_root
}

teardown() {
	[ -z "${BGPID:-}" ] || kill -KILL "$BGPID" 2>/dev/null || true
}

# bg CMD...: CMD in the background, stdout and stderr to OUT; BGPID.
bg() {
	OUT=$BATS_TEST_TMPDIR/out
	"$@" >"$OUT" 2>&1 &
	BGPID=$!
}

# minit_pid: the pid (on the host) of the minit that BGPID started: the
# process named minit whose parent is BGPID (unshare) or BGPID itself.
minit_pid() {
	local c
	if [ "$(cat "/proc/$BGPID/comm" 2>/dev/null)" = minit ]; then
		MPID=$BGPID
		return 0
	fi
	for c in $( (cat "/proc/$BGPID/task/$BGPID/children") 2>/dev/null); do
		[ "$(cat "/proc/$c/comm" 2>/dev/null)" = minit ] && { MPID=$c; return 0; }
	done
	return 1
}

# wait_out REGEX: until OUT has a matching line (20 s at most).
wait_out() {
	wait_until 400 0.05 grep -Eq -- "$1" "$OUT" && return 0
	echo "no /$1/ in output:" >&2
	cat "$OUT" >&2
	return 1
}

# wait_bg: BGPID's exit status in $status, OUT in $output.
wait_bg() {
	status=0
	wait "$BGPID" || status=$?
	BGPID=
	output=$(cat "$OUT")
}

# --- 1. --signal-map SIG:0 ---------------------------------------------------

@test "--signal-map TERM:0 drops SIGTERM; USR1 is still forwarded (control)" {
	bg unshare --pid --fork --mount-proc "$MINIT" "${P[@]}" -v --signal-map TERM:0 -- \
	    "$TBIN/probe" wait-signal 20
	wait_out '^ready'
	wait_until 100 0.05 minit_pid
	kill -s TERM "$MPID"
	wait_out 'signal 15 from pid [0-9]+: dropped'
	kill -s USR1 "$MPID"
	wait_out '^got 10 '
	kill -s KILL "$MPID"
	wait_bg
	refute_line_has '^got 15 '
	assert_line_has '^got 10 '
}

@test "--signal-map: 0:TERM and TERM: stay errors, KILL:0 too" {
	for m in 0:TERM TERM: :0 KILL:0 TERM:0:0; do
		run -125 "$MINIT" --signal-map "$m" -- true
		[ "${#lines[@]}" -eq 1 ] || { echo "$m: $output" >&2; return 1; }
		assert_line_has '^minit: --signal-map: '
	done
	run "$MINIT" "${P[@]}" --signal-map TERM:0 --signal-map HUP:0 -- true
	assert_status 0
}

# --- 2. -p / --pdeath-signal -------------------------------------------------

# pdeath_run SECONDS MINIT-ARGS...: in a PID namespace whose init is a
# shell, a parent shell starts minit -- probe wait-signal SECONDS in the
# background and dies as soon as PROGRAM is ready; the init shell then
# waits for minit's last -v line.  OUT has minit's and PROGRAM's output.
pdeath_run() {
	local secs=$1
	shift
	OUT=$BATS_TEST_TMPDIR/out
	: > "$OUT"
	run timeout 60 unshare --pid --fork --mount-proc bash -c '
		out=$1 secs=$2 probe=$3; shift 3
		bash -c "\"\$@\" >>\"$out\" 2>&1 &
			until grep -q ^ready \"$out\"; do sleep 0.05; done
			echo parent-dies >>\"$out\"" sh "$@" -- "$probe" wait-signal "$secs"
		until grep -q "PROGRAM (pid [0-9]*) ended" "$out"; do sleep 0.05; done
		cat "$out"' sh "$OUT" "$secs" "$TBIN/probe" "$MINIT" "$@"
}

@test "-p TERM: when minit's parent dies, PROGRAM gets SIGTERM; without -p it does not" {
	pdeath_run 30 "${P[@]}" -v -p TERM
	assert_status 0
	assert_line_has '^parent-dies$'
	assert_line_has '^got 15 '
	assert_line_has 'ended, status 0$'

	# control: the same parent death, no -p: PROGRAM runs to its timeout
	pdeath_run 2 "${P[@]}" -v
	assert_status 0
	assert_line_has '^parent-dies$'
	refute_line_has '^got 15 '
	assert_line_has 'ended, status 3$'
}

@test "-p survives PID 1's drop to another uid (a uid change clears it, P30)" {
	pdeath_run 30 --allow-writable-root -u 1000:1000 -v --pdeath-signal USR1 --signal-map USR1:TERM
	assert_status 0
	assert_line_has '^got 15 '
	assert_line_has 'PID 1 now uid 1000'
}

@test "MINIT_PDEATH_SIGNAL does what -p does" {
	OUT=$BATS_TEST_TMPDIR/out
	: > "$OUT"
	run timeout 60 env MINIT_PDEATH_SIGNAL=TERM unshare --pid --fork --mount-proc bash -c '
		out=$1; shift
		bash -c "\"\$@\" >>\"$out\" 2>&1 &
			until grep -q ^ready \"$out\"; do sleep 0.05; done" sh "$@"
		until grep -q "PROGRAM (pid [0-9]*) ended" "$out"; do sleep 0.05; done
		cat "$out"' sh "$OUT" "$MINIT" "${P[@]}" -v -- "$TBIN/probe" wait-signal 30
	assert_status 0
	assert_line_has '^got 15 '
	assert_line_has 'ended, status 0$'
}

@test "-p: bad signals are refused with one line" {
	for s in STOP CHLD 0 65 NOPE ""; do
		run -125 "$MINIT" -p "$s" -- true
		[ "${#lines[@]}" -eq 1 ] || { echo "$s: $output" >&2; return 1; }
	done
	run -125 env MINIT_PDEATH_SIGNAL=STOP "$MINIT" -- true
	assert_line_has '^minit: MINIT_PDEATH_SIGNAL: '
}

# --- 3. strays under -v ------------------------------------------------------

# sum_strays: the strays OUTPUT reports: one per line, plus the summaries.
sum_strays() {
	local one more
	# any status: an orphan still running when PROGRAM ends dies of the
	# grace period's SIGTERM (143)
	one=$(grep -c 'reaped pid [0-9]*, not PROGRAM, status [0-9]*$' <<<"$output" || true)
	more=$(sed -n 's/.*reaped \([0-9]*\) more processes that were not PROGRAM.*/\1/p' <<<"$output" |
	    awk '{ n += $1 } END { print n + 0 }')
	echo "$one $more"
}

@test "-v: each reaped stray is one line (pid, status); without -v none" {
	run pid1 "${P[@]}" -v -- "$TBIN/probe" orphans 3
	assert_status 0
	[ "$(sum_strays)" = "3 0" ] || { echo "got $(sum_strays):" >&2; echo "$output" >&2; return 1; }
	refute_line_has 'more processes that were not PROGRAM'

	run pid1 "${P[@]}" -- "$TBIN/probe" orphans 3
	assert_status 0
	refute_line_has 'not PROGRAM'
}

@test "-v: a storm of 10,000 orphans is a few lines and a summary, every one counted" {
	run pid1 "${P[@]}" -v -- "$TBIN/probe" orphans 10000
	assert_status 0
	assert_line_has 'reaped [0-9]+ more processes that were not PROGRAM \(rate-limited\)$'
	read -r one more <<<"$(sum_strays)"
	echo "one by one: $one, in summaries: $more" >&2
	[ "$((one + more))" -eq 10000 ]
	[ "$one" -lt 1000 ]	# 10 a second: a tenth would be 100 seconds
}

# --- 5. environment knobs ----------------------------------------------------

@test "MINIT_VERBOSE turns on -v; MINIT_VERBOSE=0 with -v: the command line wins" {
	run env MINIT_VERBOSE=1 unshare --pid --fork --mount-proc "$MINIT" "${P[@]}" -- true
	assert_status 0
	assert_line_has '^minit: init: PROGRAM is pid'
	run env MINIT_VERBOSE=0 unshare --pid --fork --mount-proc "$MINIT" "${P[@]}" -v -- true
	assert_line_has '^minit: init: PROGRAM is pid'
	# control: neither
	run pid1 "${P[@]}" -- true
	assert_status 0
	refute_line_has 'PROGRAM is pid'
}

@test "MINIT_GRACE sets the grace period; --grace wins over it" {
	# 1 s: the TERM-ignoring leftover is SIGKILLed when it ends
	run timeout 30 env MINIT_GRACE=1 MINIT_VERBOSE=1 unshare --pid --fork --mount-proc \
	    "$MINIT" "${P[@]}" -- sh -c '"$0" ignore-term 1000 & sleep 0.3; exit 5' "$TBIN/probe"
	assert_status 5
	assert_line_has 'grace period over: SIGKILL'
	# --grace 0 on the command line: SIGKILL at once, no grace period at all
	run timeout 30 env MINIT_GRACE=3600 MINIT_VERBOSE=1 unshare --pid --fork --mount-proc \
	    "$MINIT" "${P[@]}" --grace 0 -- sh -c '"$0" ignore-term 1000 & sleep 0.3; exit 6' "$TBIN/probe"
	assert_status 6
	refute_line_has 'grace period over'
}

@test "MINIT_KILL_GROUP=1 forwards to the whole group; =0 and unset do not" {
	for v in 1 0 unset; do
		local e=(env)
		[ "$v" = unset ] || e+=("MINIT_KILL_GROUP=$v")
		bg "${e[@]}" unshare --pid --fork --mount-proc "$MINIT" "${P[@]}" -- \
		    sh -c 'trap "" USR1; "$0" wait-signal 20 & wait' "$TBIN/probe"
		wait_out '^ready'
		wait_until 100 0.05 minit_pid
		kill -s USR1 "$MPID"
		[ "$v" != 1 ] || wait_out '^got 10 '
		[ "$v" = 1 ] || sleep 0.5
		kill -s KILL "$MPID"
		wait_bg
		if [ "$v" = 1 ]; then assert_line_has '^got 10 '; else refute_line_has '^got 10 '; fi
	done
}

@test "bad MINIT_* values are refused before PROGRAM runs, in one line" {
	for kv in MINIT_GRACE=x MINIT_GRACE=-1 MINIT_GRACE=86401 MINIT_VERBOSE=10 \
	    MINIT_KILL_GROUP=yes MINIT_KILL_GROUP=; do
		run -125 env "$kv" "$MINIT" "${P[@]}" -- sh -c 'echo RAN'
		[ "${#lines[@]}" -eq 1 ] || { echo "$kv: $output" >&2; return 1; }
		assert_line_has "^minit: ${kv%%=*}: "
	done
}

@test "security settings are never read from the environment (MINIT_SECCOMP=off does nothing)" {
	local e=(env MINIT_SECCOMP=off MINIT_SECCOMP_ACTION=log MINIT_USER=root
	    MINIT_ALLOW_ROOT=1 MINIT_CAP=ALL MINIT_CAPS=sys_admin MINIT_ALLOW_WRITABLE_ROOT=1
	    MINIT_REQUIRE_NOEXEC=0 MINIT_NO_INIT=1 MINIT_KEEP_FDS=1 MINIT_LANDLOCK=off)
	run ro_run -p "${e[*]}" -- -u app -- /t/probe status
	assert_status 0
	assert_line_has '^Seccomp:[[:space:]]+2$'
	assert_line_has '^Uid:[[:space:]]+1000'
	assert_line_has '^CapEff:[[:space:]]+0000000000000000$'
	# PROGRAM is minit's child, not minit itself: MINIT_NO_INIT did nothing
	assert_line_has '^pid=([2-9]|[1-9][0-9]+) ppid=1 '

	# control: the same probe tells the options apart
	run ro_run -- -u app --seccomp off -- /t/probe status
	assert_status 0
	assert_line_has '^Seccomp:[[:space:]]+0$'
	# a writable root stays refused: MINIT_ALLOW_WRITABLE_ROOT is no option
	run -125 ro_run -w -p "${e[*]}" -- -u app -- /t/probe status
	assert_line_has '^minit: rootfs: '
	run ro_run -w -- -u app --allow-writable-root -- /t/probe status
	assert_status 0
}

# --- 6. ignored signals inherited from the caller (nohup) -----------------------

@test "PID 1: a signal the caller ignored stays ignored in PROGRAM (but SIGCHLD); SIGHUP no longer kills it" {
	run ro_run -p 'env --default-signal --ignore-signal=HUP,CHLD' -- "${P[@]}" -- /t/probe status
	assert_status 0
	assert_line_has '^SigIgn:[[:space:]]+0000000000000001$'
	# ignored HUP: PROGRAM (sh) ignores the forwarded HUP and ends by itself
	bg ro_run -p 'env --default-signal --ignore-signal=HUP' -- "${P[@]}" -- \
	    sh -c 'echo ready; sleep 1; echo survived'
	wait_out '^ready'
	wait_until 100 0.05 minit_pid
	kill -s HUP "$MPID"
	wait_bg
	assert_status 0
	assert_line_has '^survived$'
	# control: HUP not ignored: the forwarded HUP ends PROGRAM, 128+1
	bg ro_run -- "${P[@]}" -- sh -c 'echo ready; sleep 5; echo survived'
	wait_out '^ready'
	wait_until 100 0.05 minit_pid
	kill -s HUP "$MPID"
	wait_bg
	assert_status 129
	refute_line_has '^survived$'
}

@test "not PID 1 (nohup minit ...): PROGRAM keeps the ignored SIGHUP, minit survives it" {
	run env --default-signal --ignore-signal=HUP "$MINIT" "${P[@]}" -- "$TBIN/probe" status
	assert_status 0
	assert_line_has '^SigIgn:[[:space:]]+0000000000000001$'
	bg env --default-signal --ignore-signal=HUP "$MINIT" "${P[@]}" -- sh -c 'echo ready; sleep 1; echo survived'
	wait_out '^ready'
	kill -s HUP "$BGPID"
	wait_bg
	assert_status 0
	assert_line_has '^survived$'
	# control: without nohup, the same HUP ends PROGRAM and minit says 129
	bg "$MINIT" "${P[@]}" -- sh -c 'echo ready; sleep 5; echo survived'
	wait_out '^ready'
	kill -s HUP "$BGPID"
	wait_bg
	assert_status 129
}

# --- 4. job control on a terminal ----------------------------------------------

# pty_start CMD: CMD on a real pty (script(1)), typed into through a fifo;
# everything the terminal showed goes to SCREEN.
pty_start() {
	SCREEN=$(mktemp "$BATS_TEST_TMPDIR/screen.XXXXXX")
	rm -f "$BATS_TEST_TMPDIR/keys"
	mkfifo "$BATS_TEST_TMPDIR/keys"
	# as on a login terminal: not the INT and QUIT that bats' & ignores
	env --default-signal=INT,QUIT script -qfec "$1" "$SCREEN" \
	    < "$BATS_TEST_TMPDIR/keys" > /dev/null 2>&1 &
	BGPID=$!
	exec 8> "$BATS_TEST_TMPDIR/keys"
}
type_keys() { printf "%b" "$1" >&8; }
screen_has() {
	wait_until 200 0.05 grep -aEq -- "$1" "$SCREEN" && return 0
	echo "no /$1/ on the screen:" >&2
	cat -v "$SCREEN" >&2
	return 1
}
pty_end() {
	exec 8>&-
	wait "$BGPID" || true
	BGPID=
}
# state PID: the one-letter state of PID (S, R, T, ...).
state() { sed -n 's/^State:[[:space:]]*\(.\).*/\1/p' "/proc/$1/status"; }
# pid_of_arg ARG: the pid of the probe run as `probe sleep ARG` (ARG unique).
pid_of_arg() {
	local p
	for p in /proc/[0-9]*; do
		{ tr '\0' ' ' < "$p/cmdline"; } 2>/dev/null | grep -q "^[^ ]*/probe sleep $1 \$" &&
			{ echo "${p#/proc/}"; return 0; }
	done
	return 1
}
# stopped PID...: every PID is stopped (state T); running: none is.
stopped() { local p; for p; do [ "$(state "$p")" = T ] || return 1; done; }
running() { local p; for p; do [ "$(state "$p")" != T ] || return 1; done; }

@test "job control, not PID 1: Ctrl-Z stops PROGRAM and minit, the shell gets the terminal; fg resumes" {
	local tag=$((1000000 + RANDOM)) prog m
	pty_start "bash --norc --noprofile -i"
	type_keys "$MINIT -v ${P[*]} -- $TBIN/probe sleep $tag\n"
	screen_has 'PROGRAM is pid'
	prog=$(pid_of_arg "$tag")
	m=$(awk '{ print $4 }' "/proc/$prog/stat")
	type_keys '\032'			# Ctrl-Z
	screen_has 'Stopped.*probe sleep'
	wait_until 100 0.05 stopped "$prog" "$m"
	type_keys 'fg\n'
	screen_has 'forwarding 18 to'	# SIGCONT reaches PROGRAM
	wait_until 100 0.05 running "$prog" "$m"
	type_keys '\003'			# Ctrl-C: INT, forwarded
	type_keys 'echo "rc=$?"\n'
	screen_has 'rc=130'
	type_keys 'exit\n'
	pty_end

	# control: with TSTP forwarded as it is, Ctrl-Z stops nothing: the
	# kernel discards it for PROGRAM's orphaned process group
	tag=$((tag + 1))
	pty_start "bash --norc --noprofile -i"
	type_keys "$MINIT -v ${P[*]} --signal-map TSTP:TSTP -- $TBIN/probe sleep $tag\n"
	screen_has 'PROGRAM is pid'
	prog=$(pid_of_arg "$tag")
	type_keys '\032'
	screen_has 'forwarding 20 to'
	sleep 0.5	# a stop would have come by now
	running "$prog"
	! grep -aq 'Stopped' "$SCREEN"
	type_keys '\003'
	type_keys 'echo "rc=$?"\n'
	screen_has 'rc=130'
	type_keys 'exit\n'
	pty_end
}

@test "job control, not PID 1 and not a terminal's foreground job: SIGTSTP is forwarded as it is" {
	bg "$MINIT" "${P[@]}" -v -- "$TBIN/probe" wait-signal 20 < /dev/null
	wait_out '^ready'
	kill -s TSTP "$BGPID"
	wait_out '^got 20 '	# PROGRAM's own handler saw it
	[ "$(state "$BGPID")" != T ]
	refute_line_has 'job control'
	kill -s TERM "$BGPID"
	wait_bg
	assert_status 0
}

@test "job control, PID 1 (docker run -it): a shell PROGRAM stops its own jobs; a bare PROGRAM is not stopped" {
	local tag=$((2000000 + RANDOM)) prog
	# setsid -c: the namespace's init leads a session owning the pty, as a
	# runtime does for -t
	pty_start "ro_run -p 'setsid -c' -- ${P[*]} -- sh -i"
	type_keys "/t/probe sleep $tag\n"
	wait_until 100 0.05 pid_of_arg "$tag" >/dev/null
	prog=$(pid_of_arg "$tag")
	type_keys '\032'
	screen_has 'Stopped.*probe sleep'
	wait_until 100 0.05 stopped "$prog"
	type_keys 'kill -9 %1; echo "killed"\n'
	screen_has '(^|[^"])killed'
	type_keys 'exit\n'
	pty_end

	# a bare PROGRAM: Ctrl-Z does nothing (no one in the container could
	# resume it), Ctrl-C still ends it
	tag=$((tag + 1))
	pty_start "ro_run -p 'setsid -c' -- ${P[*]} -v -- /t/probe sleep $tag"
	screen_has 'PROGRAM is pid'
	prog=$(pid_of_arg "$tag")
	type_keys '\032'
	sleep 0.5	# a stop would have come by now
	running "$prog"
	type_keys '\003'
	screen_has 'ended, status 130'
	pty_end
}
