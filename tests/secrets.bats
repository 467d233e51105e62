#!/usr/bin/env bats
# Secrets delivered as files (issue 15): --secrets-dir with the Kubernetes
# Secret volume layout, --file-env NAME (NAME_FILE), --env-file through the
# same layout; read before the drop, trust-checked, size-limited, never
# printed, all or nothing (P33, P34).
load lib

setup_file() {
	setup_root
	local K="$R/ksecret" ts=..2026_12_04_16_00_00.000000001 n
	# A Kubernetes Secret volume as the kubelet writes it: the files in a
	# timestamped folder, "..data" pointing at it, one link per key.
	mkdir -p "$K/$ts"
	printf 'pw-%s\n\n' "s3cr3t" > "$K/$ts/DB_PASSWORD"	# trailing newlines go
	printf 'line1\nline2' > "$K/$ts/TLS_KEY"		# inner newline stays
	printf 'A=1\nFROM_ENVFILE=yes\n' > "$K/$ts/app.env"
	chmod 0400 "$K/$ts"/*
	ln -s "$ts" "$K/..data"
	for n in DB_PASSWORD TLS_KEY app.env; do ln -s "..data/$n" "$K/$n"; done
	export K
	# Variants, each a copy of the good layout with one thing wrong.
	variant() {	# variant NAME: a fresh copy in $R/v/NAME
		mkdir -p "$R/v"
		cp -a "$K" "$R/v/$1"
		rm "$R/v/$1/app.env" "$R/v/$1/$ts/app.env"	# not a variable name
		echo "$R/v/$1"
	}
	variant good >/dev/null
	ln -s ../../../etc/passwd "$(variant escape-rel)/LEAK"
	ln -s /etc/passwd "$(variant escape-abs)/LEAK"
	printf x > "$(variant badname)/my-key"
	printf x > "$(variant loader)/LD_PRELOAD"
	n=$(variant groupw); printf x > "$n/GW"; chmod 0620 "$n/GW"
	n=$(variant otheruid); printf x > "$n/OU"; chown 4242 "$n/OU"; chmod 0400 "$n/OU"
	n=$(variant nul); printf 'a\0b' > "$n/NULV"
	n=$(variant subdir); mkdir "$n/SUB"
	n=$(variant exact64k); head -c 65536 /dev/zero | tr '\0' x > "$n/BIG"
	n=$(variant over64k); head -c 65537 /dev/zero | tr '\0' x > "$n/BIG"
	# 16 files of 64 KiB: 1 MiB, the total limit; one byte more is over
	n=$(variant total1m); rm -r "$n"/DB_PASSWORD "$n"/TLS_KEY "$n"/..data "$n"/..2026*
	for i in $(seq -w 1 16); do head -c 65536 /dev/zero | tr '\0' y > "$n/T$i"; done
	cp -a "$n" "$R/v/totalover"; printf z > "$R/v/totalover/T17"
	mkdir -p "$R/v/empty"
	n=$(variant readable); chmod 0444 "$n"/..2026*/*
	# --file-env and --env-file inputs
	printf 'DB_PASSWORD_FILE=/ksecret/DB_PASSWORD\n' > "$R/secrets/file-env.env"
	chmod 0600 "$R/secrets/file-env.env"
	ln -s ../etc/passwd "$R/ksecret-out.env"
}

@test "--secrets-dir: the Kubernetes Secret layout becomes variables; dot-entries skipped; the app cannot read the 0400 files" {
	run ro_run -- --secrets-dir /v/good --user app -- sh -c \
	    'echo "DB=[$DB_PASSWORD]"; echo "TLS=[$TLS_KEY]"; env | grep -c "^\.\." ; /t/probe read /ksecret/DB_PASSWORD; id -u'
	assert_status 0
	assert_line_has '^DB=\[pw-s3cr3t\]$'
	assert_line_has '^TLS=\[line1$'
	assert_line_has '^line2\]$'
	assert_line_has '^0$'	# no variable from ..data or ..2026...
	assert_line_has '^read errno=13$'
	assert_line_has '^1000$'
	# control: the probe reads a file the app may read
	run ro_run -- --user app -- /t/probe read /etc/passwd
	assert_status 0
	assert_line_has '^app:x:1000:'
}

@test "--secrets-dir: a symlink that leaves the folder is refused, 125, one line, nothing runs" {
	local v
	for v in escape-rel escape-abs; do
		run ro_run -- --secrets-dir "/v/$v" --user app -- /bin/echo RAN
		assert_status 125
		refute_line_has '^RAN$'
		[ "${#lines[@]}" -eq 1 ]
		assert_line_has "^minit: secrets-dir: /v/$v/LEAK: a symlink that leads out of its folder: refused\$"
	done
}

@test "--secrets-dir: bad names, loader variables, unsafe or odd files refused by name, 125, one line, nothing runs" {
	local v want
	for v in badname loader groupw otheruid nul subdir over64k totalover; do
		case $v in
		badname)	want='/my-key: not a variable name' ;;
		loader)		want='/LD_PRELOAD: sets a dynamic-loader variable' ;;
		groupw)		want='/GW: writable by group or others' ;;
		otheruid)	want='/OU: owned by uid 4242: want root or uid 0' ;;
		nul)		want='/NULV: contains a NUL byte' ;;
		subdir)		want='/SUB: not a regular file' ;;
		over64k)	want='/BIG: larger than 65536 bytes' ;;
		totalover)	want='/T[0-9]+: the secret files together are larger than 1048576 bytes' ;;
		esac
		run ro_run -- --secrets-dir "/v/$v" --user app -- /bin/echo RAN
		assert_status 125
		refute_line_has '^RAN$'
		[ "${#lines[@]}" -eq 1 ]
		assert_line_has "^minit: secrets-dir: /v/$v$want"
	done
	# controls: at the limits, accepted
	run ro_run -- --secrets-dir /v/exact64k --user app -- sh -c 'echo ${#BIG}'
	assert_status 0
	assert_line_has '^65536$'
	run ro_run -- --secrets-dir /v/total1m --user app -- sh -c 'echo ${#T01} ${#T16}'
	assert_status 0
	assert_line_has '^65536 65536$'
	run ro_run -- --secrets-dir /v/empty --user app -- /bin/echo RAN
	assert_status 0
	assert_line_has '^RAN$'
	run ro_run -- --secrets-dir /nonexistent --user app -- /bin/echo RAN
	assert_status 125
	assert_line_has '^minit: secrets-dir: /nonexistent: No such file or directory$'
}

@test "--secrets-dir: a name that is not printable is escaped in the refusal" {
	local d=$BATS_TEST_TMPDIR/esc
	mkdir -p "$d"
	printf x > "$d/$(printf 'a\033[31mb')"
	run ro_run -x "mount --bind '$d' \"\$R/v/empty\"" -- --secrets-dir /v/empty --user app -- /bin/echo RAN
	assert_status 125
	[ "${#lines[@]}" -eq 1 ]
	assert_line_has '^minit: secrets-dir: /v/empty/a\\x1b\[31mb: not a variable name'
	refute_line_has $'\033'
}

@test "secret content never reaches stderr, even with -v or in a refusal" {
	run ro_run -- -v --secrets-dir /v/good --user app -- /bin/true
	assert_status 0
	assert_line_has '^minit: secrets-dir: /v/good: 2 variable\(s\)$'
	refute_line_has 's3cr3t|line1'
	run ro_run -- -v --secrets-dir /v/good --secrets-dir /v/nul --user app -- /bin/true
	assert_status 125
	refute_line_has 's3cr3t|line1'
}

@test "--file-env NAME: NAME_FILE names the file; PROGRAM gets NAME, not NAME_FILE" {
	run ro_run -p 'env DB_PASSWORD_FILE=/ksecret/DB_PASSWORD' -- --file-env DB_PASSWORD \
	    --user app -- sh -c 'echo "DB=[$DB_PASSWORD] F=[${DB_PASSWORD_FILE-unset}]"'
	assert_status 0
	assert_line_has '^DB=\[pw-s3cr3t\] F=\[unset\]$'
	# NAME_FILE from an env file works the same
	run ro_run -- --env-file /secrets/file-env.env --file-env DB_PASSWORD \
	    --user app -- sh -c 'echo "DB=[$DB_PASSWORD] F=[${DB_PASSWORD_FILE-unset}]"'
	assert_status 0
	assert_line_has '^DB=\[pw-s3cr3t\] F=\[unset\]$'
	# neither set: nothing changes
	run ro_run -p 'env -u DB_PASSWORD -u DB_PASSWORD_FILE' -- --file-env DB_PASSWORD \
	    --user app -- sh -c 'echo "DB=[${DB_PASSWORD-unset}]"'
	assert_status 0
	assert_line_has '^DB=\[unset\]$'
}

@test "--file-env: NAME and NAME_FILE both set, an escaping symlink, a bad name: 125, one line, nothing runs" {
	run ro_run -p 'env DB_PASSWORD=x DB_PASSWORD_FILE=/ksecret/DB_PASSWORD' -- \
	    --file-env DB_PASSWORD --user app -- /bin/echo RAN
	assert_status 125
	refute_line_has '^RAN$'
	[ "${#lines[@]}" -eq 1 ]
	assert_line_has '^minit: file-env: DB_PASSWORD and DB_PASSWORD_FILE are both set: set only one$'
	run ro_run -p 'env DB_PASSWORD_FILE=/ksecret-out.env' -- \
	    --file-env DB_PASSWORD --user app -- /bin/echo RAN
	assert_status 125
	refute_line_has '^RAN$'
	assert_line_has '^minit: file-env: DB_PASSWORD_FILE=/ksecret-out.env: a symlink that leads out of its folder: refused$'
	run ro_run -- --file-env 'DB-PASSWORD' --user app -- /bin/echo RAN
	assert_status 125
	assert_line_has '^minit: --file-env: want a variable name'
	run ro_run -- --file-env LD_PRELOAD --user app -- /bin/echo RAN
	assert_status 125
	assert_line_has '^minit: --file-env LD_PRELOAD: sets a dynamic-loader variable'
}

@test "--file-env: NAME_FILE gets the trust checks: group-writable or another owner's file refused, 125, one line" {
	run ro_run -p 'env GW_FILE=/v/groupw/GW' -- --file-env GW --user app -- /bin/echo RAN
	assert_status 125
	refute_line_has '^RAN$'
	[ "${#lines[@]}" -eq 1 ]
	assert_line_has '^minit: file-env: GW_FILE=/v/groupw/GW: writable by group or others'
	run ro_run -p 'env OU_FILE=/v/otheruid/OU' -- --file-env OU --user app -- /bin/echo RAN
	assert_status 125
	assert_line_has '^minit: file-env: OU_FILE=/v/otheruid/OU: owned by uid 4242: want root or uid 0'
	# control: a file that passes the checks is read
	run ro_run -p 'env DB_FILE=/v/good/DB_PASSWORD' -- --file-env DB --user app -- sh -c 'echo "[$DB]"'
	assert_status 0
	assert_line_has '^\[pw-s3cr3t\]$'
}

@test "--env-file through the Kubernetes layout works; a link out of its folder and /proc magic links are refused" {
	run ro_run -- --env-file /ksecret/app.env --user app -- sh -c 'echo "E=$FROM_ENVFILE"'
	assert_status 0
	assert_line_has '^E=yes$'
	run ro_run -- --env-file /ksecret-out.env --user app -- /bin/echo RAN
	assert_status 125
	refute_line_has '^RAN$'
	[ "${#lines[@]}" -eq 1 ]
	assert_line_has '^minit: env-file: /ksecret-out.env: a symlink that leads out of its folder: refused$'
	# /proc/self/exe is a magic link to /minit, which would be read (and
	# refused as too large) were it followed
	run ro_run -- --env-file /proc/self/exe --user app -- /bin/echo RAN
	assert_status 125
	assert_line_has '^minit: env-file: /proc/self/exe: a /proc magic link or a symlink loop: refused$'
}

@test "nothing half-applied: a good folder then a bad one, PROGRAM never starts" {
	run ro_run -- --secrets-dir /v/good --secrets-dir /v/badname --user app -- /bin/echo RAN
	assert_status 125
	refute_line_has '^RAN$'
	[ "${#lines[@]}" -eq 1 ]
}

@test "started non-root: secrets it may read arrive; a root-only 0400 secret is refused in one line" {
	local asuser='cd "$R"; exec chroot --userspec=1000:1000 --groups=1000 . /minit "$@"'
	run ro_run -x "$asuser" -- --secrets-dir /v/readable -- sh -c 'echo "[$DB_PASSWORD]"'
	assert_status 0
	assert_line_has '^\[pw-s3cr3t\]$'
	run ro_run -x "$asuser" -- --secrets-dir /v/good -- /bin/echo RAN
	assert_status 125
	refute_line_has '^RAN$'
	[ "${#lines[@]}" -eq 1 ]
	assert_line_has '^minit: secrets-dir: /v/good/(DB_PASSWORD|TLS_KEY): Permission denied$'
}
