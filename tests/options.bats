#!/usr/bin/env bats
# One source for the options (docs/options.txt): the parser, --help, the man
# page and the README table must all say the same (issue 19, items 7-9);
# and make install / uninstall.
load lib

OPTAWK=(awk -f "$TOP/build-aux/options.awk")

# names: every -x and --long docs/options.txt lists, sorted.
names() { "${OPTAWK[@]}" -v out=names "$TOP/docs/options.txt" | sort; }

@test "docs/options.txt lists exactly the options lib/options.c parses" {
	local parsed listed
	# the long-option table, and the short letters of the getopt string
	parsed=$( {
		sed -n 's/^[[:space:]]*{ "\([a-z0-9-]*\)",.*/--\1/p' "$TOP/lib/options.c"
		sed -n 's/.*getopt_long(argc, argv, "+:\([a-zA-Z:]*\)".*/\1/p' "$TOP/lib/options.c" |
		    tr -d ':' | fold -w1 | sed 's/^/-/'
	} | sort)
	listed=$(names)
	[ -n "$parsed" ] && [ "$(wc -l <<<"$parsed")" -gt 20 ]
	diff <(echo "$parsed") <(echo "$listed")
}

@test "the real binary knows every listed option (control: an unlisted one is unknown)" {
	local o
	for o in $(names); do
		run "$MINIT" "$o" 2>&1
		refute_line_has 'unknown option'
	done
	run -125 "$MINIT" --no-such-option
	assert_line_has 'unknown option'
}

@test "--help: every option on one line, grouped, 80 columns at most, points to minit(8)" {
	run "$MINIT" --help
	assert_status 0
	local o long=0 n
	while IFS= read -r l; do
		[ "${#l}" -le 80 ] || { echo "over 80: $l" >&2; long=1; }
	done <<<"$output"
	[ "$long" = 0 ]
	for g in Identity Capabilities Seccomp Filesystem Init; do
		assert_line_has "^$g:\$"
	done
	# each option starts exactly one line
	for o in $(names); do
		n=$(grep -cE -- "^ +(-[a-zA-Z], )?$o( |,|\[|\$)" <<<"$output" || true)
		[ "$n" -eq 1 ] || { echo "$o: $n lines" >&2; return 1; }
	done
	assert_line_has 'man 8 minit'
	# the exit codes are there too
	assert_line_has '^  125 '
}

@test "minit.8 renders without warnings, and says what --help says for each option" {
	local man=$BATS_TEST_TMPDIR/minit.8 src
	"${OPTAWK[@]}" -v out=man "$TOP/docs/options.txt" > "$man"
	# the build's own copy is this one
	[ ! -e "$TOP/minit.8" ] || cmp "$man" "$TOP/minit.8"
	run groff -ww -man -Tutf8 -z "$man"
	assert_status 0
	[ -z "$output" ]
	run bash -c 'MANWIDTH=80 man --warnings -l "$1" 2>&1 >/dev/null' sh "$man"
	assert_status 0
	[ -z "$output" ]
	# control: the check sees a roff error when there is one
	printf '.foo bar\n' >> "$man"
	run groff -ww -man -Tutf8 -z "$man"
	[ -n "$output" ]
	# every --help text is in the man page (roff escapes taken out)
	src=$("${OPTAWK[@]}" -v out=man "$TOP/docs/options.txt" | sed 's/\\-/-/g; s/\\f[BIR]//g; s/\\e/\\/g')
	"$MINIT" --help | sed -En 's/^ +-[^ ].*  +([^ ].*)$/\1/p' > "$BATS_TEST_TMPDIR/texts"
	[ "$(wc -l < "$BATS_TEST_TMPDIR/texts")" -gt 20 ]
	while IFS= read -r t; do
		grep -qF -- "$t" <<<"$src" || { echo "not in minit.8: $t" >&2; return 1; }
	done < "$BATS_TEST_TMPDIR/texts"
}

@test "README's options table is the one docs/options.txt makes (make readme)" {
	diff <("${OPTAWK[@]}" -v out=readme "$TOP/docs/options.txt") \
	    <(sed -n '/^<!-- generated from docs\/options.txt/,/^<!-- end of generated options -->/p' "$TOP/README.md")
}

@test "the generator refuses a --help line over 80 columns and an unknown line" {
	printf 'group G\noption --x | %s\n' "$(printf 'y%.0s' $(seq 60))" > "$BATS_TEST_TMPDIR/long.txt"
	run "${OPTAWK[@]}" -v out=help "$BATS_TEST_TMPDIR/long.txt"
	[ "$status" -ne 0 ]
	assert_line_has 'over 80 columns'
	printf 'group G\nopton --x | y\n' > "$BATS_TEST_TMPDIR/bad.txt"
	run "${OPTAWK[@]}" -v out=help "$BATS_TEST_TMPDIR/bad.txt"
	[ "$status" -ne 0 ]
	assert_line_has 'unknown line'
	# control: the real file passes
	run "${OPTAWK[@]}" -v out=help "$TOP/docs/options.txt"
	assert_status 0
}

@test "make install and uninstall honour PREFIX and DESTDIR: binary, man page, licences" {
	local d=$BATS_TEST_TMPDIR/dest
	run make -s -C "$TOP" install DESTDIR="$d" PREFIX=/opt/mi
	assert_status 0
	[ "$(stat -c %a "$d/opt/mi/sbin/minit")" = 755 ]
	cmp "$d/opt/mi/sbin/minit" "$MINIT"
	"$d/opt/mi/sbin/minit" --version
	[ "$(stat -c %a "$d/opt/mi/share/man/man8/minit.8")" = 644 ]
	run bash -c 'MANWIDTH=80 man -l "$1" | head -3' sh "$d/opt/mi/share/man/man8/minit.8"
	assert_line_has 'MINIT\(8\)'
	[ -f "$d/opt/mi/share/doc/minit/LICENSE" ]
	[ -f "$d/opt/mi/share/doc/minit/THIRD_PARTY.md" ]
	[ -n "$(ls "$d/opt/mi/share/doc/minit/LICENSES")" ]
	# nothing outside DESTDIR/PREFIX
	[ "$(ls "$d")" = opt ] && [ "$(ls "$d/opt")" = mi ]

	# uninstall takes what install put, and only that (control: a file of
	# someone else's in the same folders stays)
	touch "$d/opt/mi/sbin/other"
	run make -s -C "$TOP" uninstall DESTDIR="$d" PREFIX=/opt/mi
	assert_status 0
	[ "$(cd "$d" && find . -type f)" = ./opt/mi/sbin/other ]
	[ ! -e "$d/opt/mi/share/doc/minit" ]
}
