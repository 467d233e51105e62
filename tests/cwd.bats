#!/usr/bin/env bats
# A working directory outside the container's root is refused before
# anything runs (issue 14 item 8, P23; runc's CVE-2024-21626: a leaked
# directory of the host as the cwd, from which ../.. walks out of the root).
# tests/helpers/nochdir.c starts minit chrooted with its cwd left outside
# (ro_run -c DIR).
load lib

setup_file() {
	setup_root
	export OUTSIDE="$BATS_FILE_TMPDIR/host-dir"
	mkdir -p "$OUTSIDE"
	echo host-secret > "$BATS_FILE_TMPDIR/host-file"
}

@test "P23: minit started with its cwd outside the root refuses (125), PROGRAM never runs" {
	run ro_run -c "$OUTSIDE" -- --user app -- /bin/echo RAN
	assert_status 125
	refute_line_has '^RAN$'
	assert_line_has "^minit: cwd: the working directory is outside the container's root \\(.*\\): start minit inside it \\(CVE-2024-21626\\)"
	[ "${#lines[@]}" -eq 1 ]
}

@test "P23: control: without minit's check that cwd reaches the host's files" {
	# a program started the same way, without minit, reads a file
	# outside its root through the inherited cwd
	run unshare --mount --pid --fork -- "$TBIN/nochdir" "$OUTSIDE" "$R" /bin/cat ../host-file
	assert_status 0
	assert_line_has '^host-secret$'
}

@test "P23: control: a cwd inside the root (a WORKDIR) is kept for PROGRAM" {
	run ro_run -c "$R/home/app" -- --user app -- /t/probe cwd
	assert_status 0
	assert_line_has '^/home/app$'
}

@test "P23: --audit refuses too (no hardened child is made)" {
	run ro_run -c "$OUTSIDE" -- --audit --user app -- /bin/true
	assert_status 125
	assert_line_has "^minit: cwd: the working directory is outside the container's root"
}
