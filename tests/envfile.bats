#!/usr/bin/env bats
# --env-file: secrets read before the drop (P33, P34, P35; T40, T59, T61, T62, T65).
load lib

setup_file() {
	setup_root
	S="$R/secrets"
	printf '# the app secrets\nSECRET=s3cr3t-value\n\n  SPACED=two words \nEMPTY=\nQUOTED="$HOME"\n' > "$S/env"
	chmod 0600 "$S/env"
	cp "$S/env" "$S/ro0400"; chmod 0400 "$S/ro0400"
	cp "$S/env" "$S/app-owned"; chown 1000:1000 "$S/app-owned"
	cp "$S/env" "$S/group-w"; chmod 0620 "$S/group-w"
	cp "$S/env" "$S/other-w"; chmod 0602 "$S/other-w"
	ln -s env "$S/link"
	ln -s ../etc/passwd "$S/outlink"
	mkfifo "$S/fifo"; chmod 0600 "$S/fifo"
	mkdir -p "$S/dir"; chmod 0700 "$S/dir"
	head -c 70000 /dev/zero | tr '\0' 'x' | sed 's/^/BIG=/' > "$S/big"; chmod 0600 "$S/big"
	printf 'A=1\nthis line has no equals sign hunter2\n' > "$S/noequals"
	printf 'A=1\n\n=hunter2\n' > "$S/emptykey"
	printf 'A=1\nSECRET=hunter2\0x\n' > "$S/nul"
	printf 'A=1\nLD_PRELOAD=/tmp/x.so\n' > "$S/ldpreload"
	printf 'PATH=/t\n' > "$S/pathenv"
	printf 'SECRET=second\nUSER=custom\nHOME=/custom\n' > "$S/override"
	chmod 0600 "$S"/noequals "$S"/emptykey "$S"/nul "$S"/ldpreload "$S"/pathenv "$S"/override
	cp "$S/env" "$S/nonroot-own"; chown 1000:1000 "$S/nonroot-own"
	export S
}

NONROOT='cd "$R"; exec chroot --userspec=1000:1000 --groups=1000 . /minit "$@"'

@test "T59 a root 0600 env file: PROGRAM sees its variables, literally" {
	run ro_run -- --env-file /secrets/env --user app -- sh -c 'echo "S=$SECRET|$SPACED|$EMPTY|$QUOTED|"'
	assert_status 0
	assert_line_has '^S=s3cr3t-value\|two words \|\|"\$HOME"\|$'
}

@test "root-only 0400 file: read by minit, not readable by PROGRAM after the drop" {
	run ro_run -- --env-file /secrets/ro0400 --user app -- sh -c 'echo "S=$SECRET"; cat /secrets/ro0400 >/dev/null 2>&1; echo cat=$?'
	assert_status 0
	assert_line_has '^S=s3cr3t-value$'
	assert_line_has '^cat=1$'
}

@test "T59 owned by another user: refused (P33)" {
	run ro_run -- --env-file /secrets/app-owned --user app -- /bin/echo RAN
	assert_status 125
	refute_line_has '^RAN$'
	assert_line_has '^minit: env-file: /secrets/app-owned: owned by uid 1000: want root or uid 0$'
}

@test "T59 group- or world-writable: refused (P33)" {
	for f in group-w other-w; do
		run ro_run -- --env-file "/secrets/$f" --user app -- /bin/echo RAN
		assert_status 125
		refute_line_has '^RAN$'
		assert_line_has "^minit: env-file: /secrets/$f: writable by group or others"
	done
}

@test "T59 symlink out of its folder, FIFO (no blocking), directory: refused (P33)" {
	run ro_run -- --env-file /secrets/outlink --user app -- /bin/echo RAN
	assert_status 125
	refute_line_has '^RAN$'
	assert_line_has '^minit: env-file: /secrets/outlink: a symlink that leads out of its folder: refused$'
	# control: a link that stays in the folder (a Kubernetes Secret
	# volume's layout, tests/secrets.bats) is followed
	run ro_run -- --env-file /secrets/link --user app -- sh -c 'echo "S=$SECRET"'
	assert_status 0
	assert_line_has '^S=s3cr3t-value$'
	# a FIFO is refused without blocking in open: timeout's 124 would show
	# a hang (no wall-clock assertion, the machine may be slow)
	run timeout 60 ro_run -- --env-file /secrets/fifo --user app -- /bin/echo RAN
	assert_status 125
	refute_line_has '^RAN$'
	assert_line_has '^minit: env-file: /secrets/fifo: not a regular file$'
	run ro_run -- --env-file /secrets/dir --user app -- /bin/echo RAN
	assert_status 125
	refute_line_has '^RAN$'
}

@test "T59 larger than 64 KiB: refused; a missing file: refused" {
	run ro_run -- --env-file /secrets/big --user app -- /bin/echo RAN
	assert_status 125
	refute_line_has '^RAN$'
	assert_line_has '^minit: env-file: /secrets/big: larger than 65536 bytes$'
	run ro_run -- --env-file /secrets/nosuch --user app -- /bin/echo RAN
	assert_status 125
	assert_line_has '^minit: env-file: /secrets/nosuch: No such file or directory$'
}

@test "T61 malformed lines name the file and line, never the value (P34)" {
	run ro_run -- --env-file /secrets/noequals --user app -- /bin/echo RAN
	assert_status 125
	refute_line_has '^RAN$'
	assert_line_has '^minit: env-file: /secrets/noequals: line 2: '
	refute_line_has hunter2
	run ro_run -- --env-file /secrets/emptykey --user app -- /bin/echo RAN
	assert_status 125
	assert_line_has '^minit: env-file: /secrets/emptykey: line 3: KEY is not a valid'
	refute_line_has hunter2
	run ro_run -- -v --env-file /secrets/nul --user app -- /bin/echo RAN
	assert_status 125
	assert_line_has '^minit: env-file: /secrets/nul: line 2: contains a NUL byte$'
	refute_line_has hunter2
}

@test "T61 secret values are not logged, even with -v (P34)" {
	run ro_run -- -v -v --env-file /secrets/env --user app -- /bin/true
	assert_status 0
	assert_line_has '^minit: env-file: /secrets/env: read$'
	refute_line_has 's3cr3t'
}

@test "T62 LD_PRELOAD in an env file is refused, PROGRAM never runs (P35)" {
	run ro_run -- --env-file /secrets/ldpreload --user app -- sh -c 'env | grep -c LD_PRELOAD; echo RAN'
	assert_status 125
	refute_line_has '^RAN$'
	assert_line_has '^minit: env-file: /secrets/ldpreload: line 2: sets a dynamic-loader variable'
}

@test "HOME, USER, LOGNAME from passwd unless already set; env files override, later files win" {
	run ro_run -p 'env -u HOME -u USER -u LOGNAME' -- --user app -- sh -c 'echo "$HOME $USER $LOGNAME"'
	assert_status 0
	assert_line_has '^/home/app app app$'
	run ro_run -p 'env -u USER -u LOGNAME HOME=/caller' -- --user app -- sh -c 'echo "$HOME $USER"'
	assert_status 0
	assert_line_has '^/caller app$'
	run ro_run -p 'env -u HOME -u USER -u LOGNAME SECRET=from-caller' -- --env-file /secrets/env --env-file /secrets/override --user app -- sh -c 'echo "$SECRET $USER $HOME $LOGNAME"'
	assert_status 0
	assert_line_has '^second custom /custom app$'
}

@test "T65 PATH from an env file is the one PROGRAM is searched in (P36)" {
	run ro_run -p 'env PATH=/usr/sbin:/bin' -- --env-file /secrets/pathenv --user app -- probe env PATH
	assert_status 0
	assert_line_has '^PATH=/t$'
}

@test "T40 no env-file fd leaks into PROGRAM (P23 P33)" {
	run ro_run -x 'exec 7</ 8>/tmp/x' -- --env-file /secrets/env --user app -- /t/probe fds
	assert_status 0
	assert_line_has '^extra fds: 0$'
}

@test "T60 the secret is not in PID 1's environ or cmdline (P34)" {
	run ro_run -- --env-file /secrets/env --user app -- sh -c 'cat /proc/1/cmdline | tr "\0" " "; echo; cat /proc/1/environ >/dev/null 2>&1; echo environ=$?'
	assert_status 0
	refute_line_has s3cr3t
	assert_line_has '^environ=1$'
}

@test "started as non-root: its own file is fine, a root-only file cannot be read (P37)" {
	run ro_run -x "$NONROOT" -- --env-file /secrets/nonroot-own -- sh -c 'echo "S=$SECRET"'
	assert_status 0
	assert_line_has '^S=s3cr3t-value$'
	run ro_run -x "$NONROOT" -- --env-file /secrets/env -- /bin/echo RAN
	assert_status 125
	refute_line_has '^RAN$'
	assert_line_has '^minit: env-file: /secrets/env: Permission denied$'
}
