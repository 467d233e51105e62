#!/usr/bin/env bats
# The README's commands install what they use (issue 14 item 17): `make demo`
# on a fresh Debian 12 machine once failed because it used /bin/busybox but
# installed only the build set.  build-aux/install-deps.sh names one package
# set per command; here a real demo run is traced and every file it executed
# or opened is traced back to its Debian package.
load lib

# deps_set NAME: the packages of install-deps.sh's set NAME.  Its sets are
# plain shell assignments (build="..." demo="$build ...") before its `case`;
# evaluate them without running the installer.
deps_set() {
	(
		eval "$(sed -n '/^[a-z]*="/,/^case /p' "$TOP/build-aux/install-deps.sh" |
		    sed '$d')"
		eval "printf '%s\n' \$$1"
	) | tr -s ' \t' '\n\n' | sed '/^$/d' | sort -u
}

# The set a make target installs, from what make would run.
target_set() {
	make -s -n -C "$TOP" "$1" 2>/dev/null |
	    sed -n 's#^build-aux/install-deps\.sh \([a-z]*\)$#\1#p' | head -1
}

# The Debian packages that own path (as given, or /usr-merged), one a line,
# or nothing.
owner() {
	local p
	for p in "$1" "$(readlink -f "$1")" "${1#/usr}" "/usr$1"; do
		dpkg-query -S "$p" 2>/dev/null | grep -v '^diversion by' |
		    sed -n '1{s/: .*//;s/:[a-z0-9]*//g;s/, /\n/g;p}' | grep . && return
	done
	return 0
}

# Packages on every Debian 12 system: Essential or Priority required.
every_install() {
	dpkg-query -W -f='${Package} ${Essential} ${Priority}\n' |
	    awk '$2 == "yes" || $3 == "required" { print $1 }'
}

# missing_from SETNAME TRACE: packages the traced run used that neither
# SETNAME nor every Debian install holds, with what those pull in.
missing_from() {
	local set=$1 trace=$2 closure pkgs pkg path
	# shellcheck disable=SC2046
	closure=$(apt-cache depends --recurse --no-recommends --no-suggests \
	    --no-conflicts --no-breaks --no-replaces --no-enhances \
	    $(deps_set "$set") $(every_install) | grep -E '^[a-z0-9]' | sort -u)
	grep -oE '(execve|openat)\((AT_FDCWD, )?"/[^"]+"' "$trace" |
	    sed -E 's/.*"([^"]+)"$/\1/' |
	    grep -vE '^/(tmp|proc|dev|sys|run)/' | grep -v "^$TOP/" |
	    grep -vE '^/usr/(share|lib)/locale/' |	# translations: optional
	    grep -vE '\.so(\.[0-9.]+)?$' |	# come with their users' Depends, or dlopen()ed
	    sort -u |
	while read -r path; do
		[ -e "$path" ] || continue	# inside the demo's chroot only
		pkgs=$(owner "$path")
		[ -n "$pkgs" ] || continue	# not from a package (config, cache)
		for pkg in $pkgs; do
			grep -qxF "$pkg" <<<"$closure" && continue 2
		done
		echo "$(echo $pkgs) ($path)"
	done | sort -u
}

@test "make demo installs every package the demo uses (a real demo run, traced)" {
	command -v strace >/dev/null || {
		echo "strace missing: build-aux/install-deps.sh test installs it" >&2
		return 1
	}
	set=$(target_set demo)
	echo "make demo installs set '$set'" >&2
	[ -n "$set" ]
	trace=$BATS_TEST_TMPDIR/demo.strace
	run strace -f -qq -e trace=execve,openat -e status=successful \
	    -o "$trace" "$TOP/tests/demo.sh"
	assert_status 0
	assert_line_has 'minit exited with status 0'
	# control: the trace did see the demo's tools, and a set without
	# busybox-static is caught by the same check
	grep -q 'execve("/usr/bin/pkill"' "$trace"
	grep -q 'openat(AT_FDCWD, "/bin/busybox"' "$trace"
	run missing_from build "$trace"
	assert_line_has '^busybox-static '
	# the check
	run missing_from "$set" "$trace"
	if [ -n "$output" ]; then
		echo "used by make demo but not in install-deps.sh $set:" >&2
		printf '%s\n' "$output" >&2
		return 1
	fi
}

@test "make test installs the demo set (tests/deps.bats runs the demo) and strace" {
	set=$(target_set test-deps)
	[ "$set" = test ]
	run deps_set test
	for p in $(deps_set demo) strace; do
		grep -qxF "$p" <<<"$output" || { echo "test set lacks $p" >&2; return 1; }
	done
}
