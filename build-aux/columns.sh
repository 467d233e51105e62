#!/bin/sh
# columns.sh FILE...: the lines wider than 80 columns (tabs 8 wide), for
# make lint.  Two kinds of line may be wider (kernel style): one that holds a
# string literal (a message stays whole, so grep finds it), and code whose
# trailing comment (or NOLINT) alone passes the edge: the code fits.
# Exit 1 when any other line is wider.
awk '
function width(s,    i, c, col) {
	col = 0
	for (i = 1; i <= length(s); i++) {
		c = substr(s, i, 1)
		if (c == "\t")
			col += 8 - col % 8
		else
			col++
	}
	return col
}
{
	line = $0
	if (width(line) <= 80 || index(line, "\"") > 0)
		next
	code = line
	sub(/[ \t]*\/\*.*$/, "", code)
	if (code ~ /[^ \t]/ && code !~ /^[ \t]*\*/ && width(code) <= 80)
		next
	printf "%s:%d: %d columns\n", FILENAME, FNR, width(line)
	bad = 1
}
END { exit bad }' "$@"
