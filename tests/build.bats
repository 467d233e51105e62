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
