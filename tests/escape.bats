#!/usr/bin/env bats
# Output from input is escaped (issue 14 item 14, docs/security.md P43): a
# user or group name, a file name, a profile token or PROGRAM's name that
# carries ESC, CR, BEL, DEL or a high byte reaches stderr and --audit (text
# and JSON) only as \xHH.  One rule, log_escape (log.c); its unit test is
# tests/unit/test_log.c.
load lib

setup_file() {
	setup_root
	printf 'allow read\n\033]0;pwned\007 write\n' > "$R/secrets/esc.prof"
	chmod 0600 "$R/secrets/esc.prof"
}

# raw_bytes FILE: how many bytes of FILE are neither a newline nor
# printable ASCII (NUL included: bash variables would lose it).
raw_bytes() {
	LC_ALL=C tr -d '\n\040-\176' < "$1" | wc -c
}

# run_esc ARGS...: ro_run ARGS, stdout and stderr into $out; $output is the
# same text for the assertions.
run_esc() {
	out=$BATS_TEST_TMPDIR/out
	ro_run -- "$@" > "$out" 2>&1 || true
	output=$(cat -v "$out")
}

@test "P43: a user name with ESC is printed escaped" {
	run_esc --user $'\e[31mevil' -- /bin/true
	assert_line_has 'unknown user'
	assert_line_has '\\x1b\[31mevil'	# control: the name is in the line
	[ "$(raw_bytes "$out")" -eq 0 ]
}

@test "P43: a group name with OSC and BEL is printed escaped" {
	run_esc --user $'app:\e]0;x\a' -- /bin/true
	assert_line_has 'unknown group'
	assert_line_has 'app:\\x1b\]0;x\\x07'
	[ "$(raw_bytes "$out")" -eq 0 ]
}

@test "P43: an env-file name with CR and ESC is printed escaped" {
	run_esc --user app --env-file $'/nope\r\e[2K' -- /bin/true
	assert_line_has 'env-file: /nope\\x0d\\x1b\[2K'
	[ "$(raw_bytes "$out")" -eq 0 ]
}

@test "P43: a profile token with ESC and BEL is printed escaped" {
	run_esc --user app --seccomp /secrets/esc.prof -- /bin/true
	assert_line_has 'esc.prof:?.*line 2|esc.prof:2'
	[ "$(raw_bytes "$out")" -eq 0 ]
}

@test "P43: PROGRAM's name with CR and DEL is escaped in --audit text and JSON" {
	run_esc --audit --user app -- $'/t/pro\rbe\x7f'
	assert_line_has 'PROGRAM /t/pro\\x0dbe\\x7f'
	[ "$(raw_bytes "$out")" -eq 0 ]
	run_esc --audit --json --user app -- $'/t/pro\rbe\x7f'
	[ "$(raw_bytes "$out")" -eq 0 ]
	# the JSON carries the escaped text (a backslash, JSON-quoted), and
	# decodes to it: no control byte for whoever prints it
	run jq -r '.program' < <(grep -v '^minit:' "$out")
	assert_status 0
	[ "$output" = '/t/pro\x0dbe\x7f' ]
}

@test "P43: the probe's control: raw_bytes sees ESC, CR, NUL, DEL and high bytes" {
	f=$BATS_TEST_TMPDIR/f
	printf 'ok line\n' > "$f"
	[ "$(raw_bytes "$f")" -eq 0 ]
	printf 'a\033b\rc\000d\177e\233\n' > "$f"
	[ "$(raw_bytes "$f")" -eq 5 ]
}

@test "P43: --seccomp-print escapes the profile file's name on stdout" {
	f=$BATS_TEST_TMPDIR/$'x\e[8m.prof'
	printf 'include default\n' > "$f"
	chmod 0600 "$f"
	out=$BATS_TEST_TMPDIR/out
	"$MINIT" --seccomp-print "$f" > "$out" 2>&1
	grep -q "x\\\\x1b\[8m.prof" "$out"
	[ "$(raw_bytes "$out")" -eq 0 ]
}
