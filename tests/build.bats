#!/usr/bin/env bats
# The release binary: static, small, hardened (README "Build").
load lib

@test "minit is a static x86_64 binary: no interpreter, no shared library" {
	run file "$MINIT"
	assert_line_has 'ELF 64-bit LSB .*x86-64'
	assert_line_has 'static(-pie)? linked|statically linked'
	assert_line_has 'stripped'
	run readelf -lW "$MINIT"
	refute_line_has 'INTERP'
	run readelf -dW "$MINIT"
	refute_line_has '\(NEEDED\)'
}

# The budget is 256 KiB (README "Size").  It holds because build-aux/deps.sh
# builds libseccomp for the x86 family only (its syscall table for all 18
# architectures alone was ~100 KiB; tests/unit/check_systable.c holds the cut
# table to upstream's) and both libraries with a section per function, which
# the link's --gc-sections trims.
@test "the stripped binary is under 256 KiB" {
	size=$(stat -c %s "$MINIT")
	echo "minit: $size bytes, budget $((256 * 1024))" >&2
	[ "$size" -lt $((256 * 1024)) ]
}

@test "the link keeps only what is used: --gc-sections, libseccomp x86 family only" {
	[ -f "$TOP/build/deps/lib/libseccomp.a" ] || skip "built from DEPS=pkg-config"
	run readelf -sW "$TOP/build/minit.unstripped"
	assert_line_has ' seccomp_load$'
	# never called by minit: gone with their sections
	refute_line_has ' seccomp_export_pfc$'
	refute_line_has ' seccomp_notify_receive$'
	# the other architectures' definitions are not in the library at all
	refute_line_has ' arch_def_aarch64$'
	run nm "$TOP/build/deps/lib/libseccomp.a"
	assert_line_has ' arch_def_x86_64$'
	refute_line_has 'arch_def_(arm|aarch64|mips|ppc|s390|riscv|sh|parisc|m68k|loongarch)'
}

@test "hardening: PIE, full RELRO (BIND_NOW), non-executable stack, stack protector" {
	run readelf -hW "$MINIT"
	assert_line_has 'Type:[[:space:]]+DYN'		# position independent
	run readelf -lW "$MINIT"
	assert_line_has 'GNU_RELRO'
	assert_line_has 'GNU_STACK[[:space:]].* RW  '	# RW, not RWE
	run readelf -dW "$MINIT"
	assert_line_has '\(FLAGS\).*BIND_NOW'
	assert_line_has '\(FLAGS_1\).*NOW'
	run readelf -sW "$TOP/build/minit.unstripped"
	assert_line_has '__stack_chk_fail'
}

@test "it links the pinned libseccomp 2.6.0 and libcap-ng 0.8.5" {
	[ -f "$TOP/build/deps/lib/libseccomp.a" ] || skip "built from DEPS=pkg-config"
	grep -q '2.6.0' "$TOP/build/deps/lib/pkgconfig/libseccomp.pc"
	grep -q '0.8.5' "$TOP/build/deps/lib/pkgconfig/libcap-ng.pc"
	run readelf -sW "$TOP/build/minit.unstripped"
	assert_line_has ' seccomp_init$'
	assert_line_has ' capng_name_to_capability$'
}

# README "Build" lists the binary's hardening, one claim a line ("- ...;"):
# each must be one this file checks (issue 14 item 16, P48).
readme_claims() {
	sed -n '/^The release binary has/,/^Not claimed/p' "$TOP/README.md" |
	    grep -oE '^- [^:;(]+' | sed 's/^- //; s/ *$//'
}

@test "P48: every hardening claim in README's Build section is one this file checks" {
	run readme_claims
	# control: the claims are found
	assert_line_has '^`-fstack-protector-strong`$'
	while read -r claim; do
		case "$claim" in
		'`-fstack-protector-strong`'|'`-fstack-clash-protection`'|PIE|'full RELRO'|'a non-executable stack') ;;
		*) echo "README claims $claim, which no test checks" >&2; return 1 ;;
		esac
	done <<<"$output"
	# the paragraph as a whole makes no other compiler-flag claim
	run sed -n '/^The release binary has/,/^Not claimed/p' "$TOP/README.md"
	refute_line_has 'fcf-protection'
}

@test "P48: -fstack-clash-protection is real: large frames are probed page by page" {
	command -v objdump >/dev/null || { echo "objdump missing (binutils)" >&2; return 1; }
	# control: the probe (orq $0x0,(%rsp) after each page) tells the flag
	# apart on a function with a 20 KB frame
	printf 'void g(volatile char *);\nvoid f(void) { volatile char b[20000]; g(b); }\n' \
	    > "$BATS_TEST_TMPDIR/f.c"
	gcc -O2 -fstack-clash-protection -c -o "$BATS_TEST_TMPDIR/on.o" "$BATS_TEST_TMPDIR/f.c"
	gcc -O2 -fno-stack-clash-protection -c -o "$BATS_TEST_TMPDIR/off.o" "$BATS_TEST_TMPDIR/f.c"
	[ "$(objdump -d "$BATS_TEST_TMPDIR/on.o" | grep -c 'orq *\$0x0,(%rsp)')" -gt 0 ]
	[ "$(objdump -d "$BATS_TEST_TMPDIR/off.o" | grep -c 'orq *\$0x0,(%rsp)')" -eq 0 ]
	# minit has such frames (the audit's JSON buffers): they are probed
	n=$(objdump -d "$TOP/build/minit.unstripped" | grep -c 'orq *\$0x0,(%rsp)')
	echo "stack probes in minit: $n" >&2
	[ "$n" -gt 0 ]
}

# Why CET is not claimed: a static musl binary cannot have it.  The property
# is only set when every object of the link has it; musl's start files and
# libc.a do not (ld -z cet-report=warning names them), and Linux enables a
# user shadow stack only when the C library asks (glibc does at start-up,
# musl does not); it has no user-space IBT at all.  If this ever changes
# (a marked musl), this test fails and README may claim it, with a check.
@test "P48: the binary has no CET (IBT/SHSTK) property, as README says" {
	run readelf -nW "$TOP/build/minit.unstripped"
	refute_line_has 'x86 feature: .*(IBT|SHSTK)'
	# control: readelf shows the property where it exists (minit's own
	# objects are built with -fcf-protection)
	run readelf -nW "$TOP/build/rel/log.o"
	assert_line_has 'x86 feature: IBT, SHSTK'
}
