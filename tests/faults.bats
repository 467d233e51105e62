#!/usr/bin/env bats
# Faults (issue 7): resource limits, missing /proc, hostile files where minit
# reads its inputs, and the fail-closed proof.  Each case must end with a
# clear "minit: ..." line and exit 125/126/127 (or run correctly), never hang:
# every run is under `timeout`, so a hang fails as 124.
#
# Fail-closed: PROGRAM is `sh -c 'touch /data/ran; echo RAN'` with /data a
# host folder bind-mounted into the read-only root; after a forced failure
# of a hardening stage the marker file must not exist.  Each such test has a
# positive control that runs the same command without the fault, so the
# marker check can fail.
load lib
bats_require_minimum_version 1.5.0

setup_file() {
	setup_root
	# Hostile inputs for the privdrop stage, built once.
	printf 'S=1\n' > "$R/root-only/secret"
	chmod 0600 "$R/root-only/secret"
}

T=${FAULT_TIMEOUT:-30}

# marker_dir: a host folder for the marker, mounted on /data by ro_run -x.
marker_setup() {
	MARK=$BATS_TEST_TMPDIR/mark
	rm -rf "$MARK"
	mkdir -p "$MARK"
	chmod 0777 "$MARK"
	MOUNT_MARK="mount --bind '$MARK' \"\$R/data\""
}
PROGRAM_MARK=(/bin/sh -c 'touch /data/ran; echo RAN')

assert_ran() {
	assert_line_has '^RAN$'
	[ -e "$MARK/ran" ] || { echo "marker not written" >&2; return 1; }
}
assert_never_ran() {
	assert_status 125
	assert_line_has '^minit: '
	refute_line_has '^RAN$'
	if [ -e "$MARK/ran" ]; then
		echo "PROGRAM ran: marker $MARK/ran exists" >&2
		return 1
	fi
}

# --- resource limits ---------------------------------------------------------

@test "RLIMIT_NPROC reached: fork fails, one line, exit 125, no hang" {
	# Root ignores RLIMIT_NPROC, so minit starts as uid 4242 with nproc 0.
	run timeout "$T" unshare --pid --fork --mount-proc \
	    setpriv --reuid 4242 --regid 4242 --clear-groups \
	    prlimit --nproc=0:0 -- "$MINIT" --allow-writable-root -- /bin/echo RAN
	assert_status 125
	assert_line_has '^minit: init: fork: Resource temporarily unavailable$'
	refute_line_has '^RAN$'
}

@test "RLIMIT_NPROC reached by the app: PID 1 goes on, reaps, exits with its status" {
	# The app (uid 4242, nproc 40) forks until fork fails with EAGAIN and
	# exits 3 with its children still running; the grace period's
	# SIGTERM ends them and minit exits 3.
	run timeout "$T" unshare --pid --fork --mount-proc \
	    setpriv --reuid 4242 --regid 4242 --clear-groups \
	    prlimit --nproc=40:40 -- "$MINIT" --allow-writable-root -- \
	    "$TBIN/storm" nproc 1000
	assert_status 3
	assert_line_has '^forked=[0-9]+ fork_error=11$'
	refute_line_has '^minit: init:'
}

@test "RLIMIT_NOFILE tiny (3..16): runs or refuses with one line and 125, never hangs or crashes" {
	for n in 3 4 5 6 7 8 16; do
		# busybox chroot: a static chroot(1) that needs no fd of its own
		run timeout "$T" ro_run -p "prlimit --nofile=$n:$n /bin/busybox" -- \
		    --allow-root -- /bin/echo RAN
		echo "nofile=$n: status $status: $output"
		if [ "$status" -eq 0 ]; then
			assert_line_has '^RAN$'
		else
			assert_status 125
			# EMFILE, in musl's words or glibc's
			assert_line_has '^minit: .*: (No file descriptors available|Too many open files)$'
			refute_line_has '^RAN$'
		fi
	done
	# The smallest limit cannot hold minit's two pipes.
	run timeout "$T" ro_run -p "prlimit --nofile=3:3 /bin/busybox" -- \
	    --allow-root -- /bin/echo RAN
	assert_status 125
}

# --- /proc missing -------------------------------------------------------------

@test "/proc not mounted: exit status, reaping and the grace period still work" {
	# without /proc the mounts cannot be verified (P46): take that risk here
	run timeout "$T" ro_run -n -- --allow-root --allow-writable-root -- /bin/sh -c '/t/probe orphans 500 >/dev/null; exit 3'
	assert_status 3
	run timeout "$T" ro_run -n -- --allow-root --allow-writable-root --grace 1 -- /t/storm tree 3
	assert_status 7
	assert_line_has '^tree=6$'
}

@test "/proc not mounted with --user: the drop still happens" {
	run timeout "$T" ro_run -n -- --user app --allow-writable-root -- /bin/id -u
	assert_status 0
	assert_line_has '^1000$'
}

# --- PROGRAM is not a program ---------------------------------------------------

@test "PROGRAM is a directory: 126 with the reason; in PATH it is skipped: 127 (T51 P36)" {
	run timeout "$T" ro_run -- --allow-root -- /t
	assert_status 126
	assert_line_has '^minit: exec /t: Permission denied$'
	run timeout "$T" ro_run -- --allow-root -- /t/
	assert_status 126
	# busybox chroot: found in env's PATH=/ as an absolute path
	run -127 timeout "$T" ro_run -p 'env PATH=/ /bin/busybox' -- --allow-root -- t
	assert_status 127
	assert_line_has '^minit: exec t: No such file or directory$'
	run timeout "$T" ro_run -- --allow-root -- /etc/passwd	# not executable
	assert_status 126
}

@test "PROGRAM not in PATH: 127 every time, though the child gives up before PID 1's go byte (T51 P29)" {
	# The child fails its PATH lookup and exits while PID 1 is still
	# dropping its own privileges; PID 1's write of the go byte then gets
	# EPIPE.  That once ended in 125 "init: cannot start PROGRAM: Broken
	# pipe" instead of the child's report.
	for i in $(seq 20); do
		run -127 timeout "$T" ro_run -- --allow-root -- nonexistent
		assert_status 127
		assert_line_has '^minit: exec nonexistent: No such file or directory$'
		refute_line_has 'cannot start PROGRAM'
	done
}

# --- hostile /etc/passwd (privdrop) ---------------------------------------------

passwd_case() {	# passwd_case SETUP: /etc replaced by a tmpfs set up by SETUP
	marker_setup
	run timeout "$T" ro_run -x "$MOUNT_MARK; mount -t tmpfs -o size=40m tmpfs \"\$R/etc\"; cp /dev/null \"\$R/etc/group\"; $1" -- \
	    --user app -- "${PROGRAM_MARK[@]}"
	echo "$1: status $status: $output"
}

@test "/etc/passwd missing, a directory, a FIFO, huge: --user refuses, never hangs (P04 P33)" {
	passwd_case 'rm -f "$R/etc/passwd"'
	assert_never_ran
	passwd_case 'mkdir "$R/etc/passwd"'
	assert_never_ran
	passwd_case 'mkfifo "$R/etc/passwd"'	# open must not block
	assert_never_ran
	# a numeric user needs no entry, but a FIFO is no account file either
	marker_setup
	run timeout "$T" ro_run -x "$MOUNT_MARK; mount -t tmpfs -o size=1m tmpfs \"\$R/etc\"; cp /dev/null \"\$R/etc/group\"; mkfifo \"\$R/etc/passwd\"" -- \
	    --user 4242 -- "${PROGRAM_MARK[@]}"
	assert_status 125
	assert_line_has '^minit: privdrop: /etc/passwd: not a regular file$'
	assert_never_ran
	passwd_case 'ln -s /root-only/secret "$R/etc/passwd"'
	assert_never_ran
	# 16 MiB of lines that never name app
	passwd_case 'yes "u:x:1:1::/:/bin/sh" | head -c 16777216 > "$R/etc/passwd"'
	assert_never_ran
	# app, but no newline at the end and a NUL in the file
	passwd_case 'printf "app:x:1000:1000::/home/app:/bin/sh\000\n" > "$R/etc/passwd"'
	assert_never_ran
}

# --- hostile --env-file (privdrop) ------------------------------------------------

envfile_case() {	# envfile_case FILE
	marker_setup
	run timeout "$T" ro_run -x "$MOUNT_MARK; mount -t tmpfs -o size=40m tmpfs \"\$R/secrets\"
		printf 'S=1\n' > \"\$R/secrets/good\"; chmod 0600 \"\$R/secrets/good\"
		mkfifo -m 0600 \"\$R/secrets/fifo\"; mkdir -m 0700 \"\$R/secrets/dir\"
		ln -s /root-only/secret \"\$R/secrets/link\"
		yes A=1 | head -c 16777216 > \"\$R/secrets/huge\"; chmod 0600 \"\$R/secrets/huge\"" -- \
	    --allow-root --env-file "$1" -- "${PROGRAM_MARK[@]}"
	echo "$1: status $status: $output"
}

@test "--env-file a FIFO, a directory, a symlink to a root-only file, 16 MiB: refused, never hangs (T59 P33)" {
	envfile_case /secrets/good	# positive control
	assert_status 0
	assert_ran
	for f in /secrets/fifo /secrets/dir /secrets/link /secrets/huge /secrets/missing; do
		envfile_case "$f"
		assert_never_ran
	done
}

# --- fail closed: force each hardening stage to fail, PROGRAM never runs ---------

@test "fail closed: the positive control runs PROGRAM and writes the marker" {
	marker_setup
	run timeout "$T" ro_run -x "$MOUNT_MARK" -- --allow-root -- "${PROGRAM_MARK[@]}"
	assert_status 0
	assert_ran
}

@test "fail closed: a capability nobody knows; PROGRAM never ran (P40)" {
	marker_setup
	for c in CAP_FROBNICATE cap_net_bind_service,nope 41 CAP_ "cap_chown cap_kill"; do
		run timeout "$T" ro_run -x "$MOUNT_MARK" -- --allow-root --cap "$c" -- "${PROGRAM_MARK[@]}"
		assert_never_ran
		assert_line_has '^minit: --cap: '
	done
}

@test "fail closed: a user that does not exist; PROGRAM never ran (T05 P04)" {
	marker_setup
	for u in nosuchuser 4294967295 app:nosuchgroup "" ; do
		run timeout "$T" ro_run -x "$MOUNT_MARK" -- --user "$u" -- "${PROGRAM_MARK[@]}"
		assert_never_ran
	done
}

@test "fail closed: seccomp(2) forbidden by an outer filter; PROGRAM never ran (T36 P39 P40)" {
	marker_setup
	# Under the outer filter itself, the helper's filter is really there.
	run "$TBIN/noseccomp" grep '^Seccomp:' /proc/self/status
	assert_line_has '^Seccomp:[[:space:]]+2$'
	run timeout "$T" ro_run -x "$MOUNT_MARK" -p "$TBIN/noseccomp" -- \
	    --allow-root -- "${PROGRAM_MARK[@]}"
	assert_never_ran
	run timeout "$T" ro_run -x "$MOUNT_MARK" -p "$TBIN/noseccomp" -- \
	    --allow-root --seccomp strict -- "${PROGRAM_MARK[@]}"
	assert_never_ran
}

@test "fail closed: a writable root; PROGRAM never ran (T55 P31)" {
	marker_setup
	run timeout "$T" ro_run -w -x "$MOUNT_MARK" -- --allow-root -- "${PROGRAM_MARK[@]}"
	assert_never_ran
	# and with the opt-out it runs
	run timeout "$T" ro_run -w -x "$MOUNT_MARK" -- --allow-root --allow-writable-root -- "${PROGRAM_MARK[@]}"
	assert_status 0
	assert_ran
}
