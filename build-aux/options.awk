# options.awk: docs/options.txt (the one list of minit's options) into
#   awk -v out=help   -f build-aux/options.awk docs/options.txt  (C header: --help)
#   awk -v out=man    -f build-aux/options.awk docs/options.txt  (minit.8)
#   awk -v out=readme -f build-aux/options.awk docs/options.txt  (README table)
#   awk -v out=names  -f build-aux/options.awk docs/options.txt  (-x and --long, one a line)
# POSIX awk (Debian's mawk is enough).  Fails, naming the line, on a line it
# does not know, and on a --help line over 80 columns.
function fail(msg) {
	printf "docs/options.txt:%d: %s\n", NR, msg > "/dev/stderr"
	failed = 1
	exit 1
}
# "A | B": A into left, B into right; both required.
function split_bar(s,    i) {
	i = index(s, " | ")
	if (i == 0)
		fail("want TEXT | TEXT")
	left = substr(s, 1, i - 1)
	right = substr(s, i + 3)
	if (left == "" || right == "")
		fail("want TEXT | TEXT")
}
function rest(s) {	# the line without its first word
	sub(/^[a-z]+[ \t]*/, "", s)
	return s
}
function add(text, more) {
	return text == "" ? more : text " " more
}
BEGIN {
	if (out != "help" && out != "man" && out != "readme" && out != "names") {
		print "options.awk: out=help|man|readme|names" > "/dev/stderr"
		failed = 1
		exit 2
	}
	nopt = nusage = nabout = nenv = nexit = nsec = 0
	group = ""
}
/^#/ || /^[ \t]*$/ { next }
$1 == "usage" { usage[++nusage] = rest($0); next }
$1 == "about" { about[++nabout] = rest($0); next }
$1 == "group" { group = rest($0); next }
$1 == "option" {
	if (group == "")
		fail("an option before any group")
	split_bar(rest($0))
	nopt++
	osyn[nopt] = left
	ohelp[nopt] = right
	ogroup[nopt] = group
	omore[nopt] = ""
	osee[nopt] = ""
	next
}
$1 == "more" {
	if (nopt == 0)
		fail("more without an option")
	omore[nopt] = add(omore[nopt], rest($0))
	next
}
$1 == "see" {
	if (nopt == 0 || NF < 3)
		fail("want: see PATH TITLE, after an option")
	osee[nopt] = $2
	oseetitle[nopt] = $3
	for (i = 4; i <= NF; i++)
		oseetitle[nopt] = oseetitle[nopt] " " $i
	next
}
$1 == "env" { split_bar(rest($0)); nenv++; ename[nenv] = left; etext[nenv] = right; next }
$1 == "exit" { split_bar(rest($0)); nexit++; xcode[nexit] = left; xtext[nexit] = right; next }
$1 == "section" { nsec++; sname[nsec] = rest($0); stext[nsec] = ""; next }
$1 == "para" {
	if (nsec == 0)
		fail("para before any section")
	# "para" alone: a paragraph break, kept as a NUL-free marker
	stext[nsec] = stext[nsec] (rest($0) == "" ? "\n" : (stext[nsec] == "" || stext[nsec] ~ /\n$/ ? "" : " ") rest($0))
	next
}
{ fail("unknown line: " $1) }

# ---- --help ------------------------------------------------------------------
function c_str(s) {
	gsub(/\\/, "\\\\", s)
	gsub(/"/, "\\\"", s)
	return s
}
function help_line(s) {
	if (length(s) > 80)
		fail("--help line over 80 columns (" length(s) "): " s)
	printf "\"%s\\n\"\n", c_str(s)
}
function help_col(left, text, width,    s) {
	s = left
	while (length(s) < width)
		s = s " "
	if (length(left) >= width)
		s = left " "
	return s text
}
function emit_help(    i, g, s) {
	print "/* Generated from docs/options.txt by build-aux/options.awk: edit that file. */"
	print "static const char usage_text[] ="
	for (i = 1; i <= nusage; i++)
		help_line((i == 1 ? "usage: " : "       ") usage[i])
	help_line("")
	for (i = 1; i <= nabout; i++)
		help_line(about[i])
	help_line("")
	g = ""
	for (i = 1; i <= nopt; i++) {
		if (ogroup[i] != g) {
			g = ogroup[i]
			help_line(g ":")
		}
		s = osyn[i] ~ /^--/ ? "      " osyn[i] : "  " osyn[i]
		help_line(help_col(s, ohelp[i], 29))
	}
	if (nenv > 0)
		help_line("Environment (the command line wins):")
	for (i = 1; i <= nenv; i++)
		help_line(help_col("  " ename[i], etext[i], 29))
	help_line("Exit status:")
	for (i = 1; i <= nexit; i++)
		help_line(help_col("  " xcode[i], xtext[i], 10))
	help_line("")
	help_line("Everything in detail: man 8 minit")
	print ";"
}

# ---- man page ----------------------------------------------------------------
function roff(s) {
	gsub(/\\/, "\\e", s)
	gsub(/-/, "\\-", s)
	if (s ~ /^[.']/)
		s = "\\&" s
	return s
}
# "-u, --user USER[:GROUP]": the option words bold, the rest italic.
function roff_syn(s,    n, w, i, r, t) {
	n = split(s, w, " ")
	r = ""
	for (i = 1; i <= n; i++) {
		t = w[i]
		if (t ~ /^-/) {
			if (t ~ /,$/)
				t = "\\fB" roff(substr(t, 1, length(t) - 1)) "\\fR,"
			else
				t = "\\fB" roff(t) "\\fR"
		} else {
			t = "\\fI" roff(t) "\\fR"
		}
		r = r (i > 1 ? " " : "") t
	}
	return r
}
# "MINIT_GRACE SECONDS": the name bold, its value italic.
function roff_env(s,    i) {
	i = index(s, " ")
	if (i == 0)
		return "\\fB" roff(s) "\\fR"
	return "\\fB" roff(substr(s, 1, i - 1)) "\\fR \\fI" roff(substr(s, i + 1)) "\\fR"
}
function sentence(s) {
	return s ~ /[.!?]$/ ? s : s "."
}
function man_text(s,    n, p, i) {
	n = split(s, p, "\n")
	for (i = 1; i <= n; i++) {
		if (i > 1)
			print ".PP"
		if (p[i] != "")
			print roff(p[i])
	}
}
function emit_man(    i, g, t) {
	print ".\\\" Generated from docs/options.txt by build-aux/options.awk: edit that file."
	print ".TH MINIT 8 \"\" \"minit\" \"System Administration\""
	print ".SH NAME"
	print "minit \\- a hardened PID 1 for containers"
	print ".SH SYNOPSIS"
	print ".nf"
	for (i = 1; i <= nusage; i++)
		print roff(usage[i])
	print ".fi"
	print ".SH DESCRIPTION"
	t = ""
	for (i = 1; i <= nabout; i++)
		t = add(t, about[i])
	print roff(t)
	print ".SH OPTIONS"
	g = ""
	for (i = 1; i <= nopt; i++) {
		if (ogroup[i] != g) {
			g = ogroup[i]
			print ".SS " roff(g)
		}
		print ".TP"
		print roff_syn(osyn[i])
		t = sentence(ohelp[i])
		if (omore[i] != "")
			t = add(t, sentence(omore[i]))
		if (osee[i] != "")
			t = add(t, "See " osee[i] " in the source tree.")
		print roff(t)
	}
	print ".SH \"EXIT STATUS\""
	for (i = 1; i <= nexit; i++) {
		print ".TP"
		print ".B " roff(xcode[i])
		print roff(sentence(xtext[i]))
	}
	for (i = 1; i <= nsec; i++) {
		print ".SH " roff(sname[i])
		man_text(stext[i])
		if (sname[i] == "ENVIRONMENT")
			for (t = 1; t <= nenv; t++) {
				print ".TP"
				print roff_env(ename[t])
				print roff(sentence(etext[t]))
			}
	}
	print ".SH \"SEE ALSO\""
	print ".BR tini (1),"
	print ".BR dumb\\-init (1),"
	print ".BR seccomp (2),"
	print ".BR capabilities (7),"
	print ".BR prctl (2)"
}

# ---- README table ------------------------------------------------------------
function md(s) {
	gsub(/\|/, "\\|", s)
	return s
}
function emit_readme(    i, g, t) {
	print "<!-- generated from docs/options.txt by `make readme`: edit that file, not this table -->"
	print "```"
	for (i = 1; i <= nusage; i++)
		print usage[i]
	print "```"
	print ""
	print "| Option | Meaning |"
	print "|---|---|"
	g = ""
	for (i = 1; i <= nopt; i++) {
		if (ogroup[i] != g) {
			g = ogroup[i]
			print "| **" md(g) "** | |"
		}
		t = sentence(ohelp[i])
		if (omore[i] != "")
			t = add(t, sentence(omore[i]))
		if (osee[i] != "")
			t = add(t, "See [" oseetitle[i] "](" osee[i] ").")
		print "| `" md(osyn[i]) "` | " md(t) " |"
	}
	if (nenv > 0) {
		print ""
		print "| Environment (the command line wins) | Meaning |"
		print "|---|---|"
	}
	for (i = 1; i <= nenv; i++)
		print "| `" md(ename[i]) "` | " md(sentence(etext[i])) " |"
	print "<!-- end of generated options -->"
}

function emit_names(    i, n, w, j, t) {
	for (i = 1; i <= nopt; i++) {
		n = split(osyn[i], w, " ")
		for (j = 1; j <= n; j++) {
			t = w[j]
			sub(/,$/, "", t)
			sub(/\[?=.*$/, "", t)	# --landlock[=best-effort]
			if (t ~ /^-/)
				print t
		}
	}
}

END {
	if (failed)
		exit 1
	if (out == "help")
		emit_help()
	else if (out == "man")
		emit_man()
	else if (out == "readme")
		emit_readme()
	else
		emit_names()
	if (failed)
		exit 1
}
