#!/bin/sh
# format-check.sh FILE...: what clang-format (.clang-format) would change in
# FILE, up to how blanks are laid out.  The tree is written in the kernel
# style by hand: a tab between a declaration's type and its name, members
# and trailing comments aligned with tabs, wrap points chosen for the
# reader.  clang-format 14 cannot say those, and applying it would rewrite
# some 1200 lines for nothing.  This checks the rest: the tokens, their
# order (includes sorted), and where a space goes or does not ("if (",
# "f(x)", "a, b", "*p"), once every run of blanks and newlines is one
# space and those just inside parentheses are gone.  build-aux/columns.sh
# checks the width.  Exit 1 on a difference, shown as the tokens that
# differ (< the file, > clang-format).
status=0
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
norm() {
	tr -s ' \t\n' '   ' | sed -e 's/( /(/g' -e 's/ )/)/g' | tr ' ' '\n'
}
for f in "$@"; do
	if ! clang-format --style=file "$f" > "$tmp/out"; then
		echo "$f: clang-format failed"
		status=1
		continue
	fi
	norm < "$f" > "$tmp/a"
	norm < "$tmp/out" > "$tmp/b"
	if ! diff "$tmp/a" "$tmp/b" > "$tmp/d"; then
		echo "$f: not as clang-format has it:"
		head -20 "$tmp/d"
		status=1
	fi
done
exit $status
