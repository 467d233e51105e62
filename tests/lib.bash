# Shared by every tests/*.bats file.  Tests run the real static binary as
# PID 1 of a PID namespace (unshare), on a read-only root where they need one.
! type bats_require_minimum_version >/dev/null 2>&1 || bats_require_minimum_version 1.5.0
TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
MINIT=${MINIT:-$TOP/minit}
TBIN=${TBIN:-$TOP/build/t}
PATH=$TOP/tests:$PATH
export TOP MINIT TBIN PATH

# mkroot DIR: a minimal FROM-scratch-like root: /minit, the test helpers in
# /t, a static busybox in /bin, and /etc/passwd, /etc/group (docs/security.md, "The test rig").
mkroot() {
	local R=$1 a
	mkdir -p "$R"/{bin,etc,t,proc,tmp,dev,secrets,data,root-only,home/app,usr/bin}
	chmod 755 "$R"	# mktemp -d makes 0700: the app user must reach /
	cp "$MINIT" "$R/minit"
	cp "$TBIN"/* "$R/t/"
	cp /bin/busybox "$R/bin/busybox"
	for a in sh echo cat ls sleep kill id env true false grep wc tr ps \
	    head tail seq cp chmod chown mkdir rm touch stat printf test [; do
		ln -sf busybox "$R/bin/$a"
	done
	cat > "$R/etc/passwd" <<'PW'
root:x:0:0::/root:/bin/sh
app:x:1000:1000::/home/app:/bin/sh
nobody:x:65534:65534::/:/sbin/nologin
PW
	cat > "$R/etc/group" <<'GR'
root:x:0:root
disk:x:6:root
wheel:x:10:root
app:x:1000:
extra:x:2000:app
nogroup:x:65534:
GR
	printf '#!/bin/sh\necho prog\n' > "$R/root-only/prog"
	chmod 0700 "$R/root-only" "$R/root-only/prog"
	chmod 1777 "$R/tmp"
}

# setup_file in each .bats: a private root for that file.
setup_root() {
	export R="$BATS_FILE_TMPDIR/root"
	mkroot "$R"
}

# pid1 ARGS...: minit as PID 1 of a fresh PID namespace, on the host's root.
pid1() {
	unshare --pid --fork --mount-proc "$MINIT" "$@"
}

# bg_pid1 ARGS...: minit as PID 1 in the background; sets UPID (unshare),
# MPID (minit's pid on the host) and OUT (its stdout and stderr).
bg_pid1() {
	OUT=$BATS_TEST_TMPDIR/out
	unshare --pid --fork --mount-proc "$MINIT" "$@" >"$OUT" 2>&1 &
	UPID=$!
	MPID=
	wait_until 1000 0.01 minit_forked || true
	[ -n "$MPID" ]
}

# minit_forked: MPID (minit, unshare's child) has forked PROGRAM.
minit_forked() {
	MPID=$( (tr -d ' ' < "/proc/$UPID/task/$UPID/children") 2>/dev/null || true)
	# minit has forked, so it blocks every signal: from here on
	# none is lost.  (Before minit runs, the kernel drops signals
	# to a namespace's init with default dispositions: P26.)
	[ -n "$MPID" ] && [ -n "$( (cat "/proc/$MPID/task/$MPID/children") 2>/dev/null)" ]
}

# out_has_twice REGEX: OUT has two lines that match.
out_has_twice() {
	[ "$(grep -c -- "$1" "$OUT")" -ge 2 ]
}

# wait_out REGEX: until OUT has a matching line (10 s at most).
wait_out() {
	wait_until 200 0.05 grep -Eq -- "$1" "$OUT" && return 0
	echo "no /$1/ in output:" >&2
	cat "$OUT" >&2
	return 1
}

# wait_bg: minit's exit status in $status, its output in $output.
wait_bg() {
	status=0
	wait "$UPID" || status=$?
	UPID=
	output=$(cat "$OUT")
}

# Assertions that say what they saw.
assert_status() {
	if [ "$status" -ne "$1" ]; then
		echo "expected exit $1, got $status; output:" >&2
		printf '%s\n' "$output" >&2
		return 1
	fi
}
assert_line_has() {	# assert_line_has REGEX: some line of $output matches
	if ! grep -Eq -- "$1" <<<"$output"; then
		echo "no line matches /$1/ in:" >&2
		printf '%s\n' "$output" >&2
		return 1
	fi
}
refute_line_has() {
	if grep -Eq -- "$1" <<<"$output"; then
		echo "a line matches /$1/ but must not:" >&2
		printf '%s\n' "$output" >&2
		return 1
	fi
}

# wait_until TRIES SECONDS COMMAND [ARG...]: run COMMAND until it succeeds,
# at most TRIES times, SECONDS apart.  0 once it did, 1 if it never did.
# Every polling loop of the tests is this one (no wall-clock asserts).
wait_until() {
	local tries=$1 pause=$2 i
	shift 2
	for ((i = 0; i < tries; i++)); do
		"$@" && return 0
		sleep "$pause"
	done
	return 1
}

# minit_host_pid PID: the host pid of the minit that ro_run (pid PID, which
# execs unshare) runs: unshare's only child.
minit_host_pid() {
	wait_until 100 0.05 runs_minit "$1"
}

# runs_minit PID: PID's first child runs /minit; print its pid.
runs_minit() {
	local p
	p=$(pgrep -P "$1" | head -1)
	[ -n "$p" ] && grep -q '^/minit' "/proc/$p/cmdline" 2>/dev/null &&
		echo "$p"
}
