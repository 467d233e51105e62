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

# The budget is 256 KiB.  libseccomp 2.6.0's syscall table, one row per
# syscall with a column for each of its 18 architectures, is ~100 KiB by
# itself and cannot be left out of a static link; README "Size" says more.
# So: everything else must fit in 256 KiB, and the whole stays under a hard
# ceiling that catches regressions.
@test "the stripped binary: all but libseccomp's syscall table under 256 KiB; whole under 352 KiB" {
	size=$(stat -c %s "$MINIT")
	table=0
	lib=$TOP/build/deps/lib/libseccomp.a
	if [ -f "$lib" ]; then
		table=$(size -A "$lib" 2>/dev/null | awk '
			/^libseccomp_la-syscalls.perf.o/ { on = 1; next }
			/^libseccomp_la-/ { on = 0 }
			on && $1 ~ /^\.(text|rodata|data)/ { t += $2 }
			END { print t + 0 }')
	fi
	echo "minit: $size bytes; libseccomp syscall table: $table bytes" >&2
	[ "$table" -gt 0 ] || [ ! -f "$lib" ]
	[ "$((size - table))" -lt $((256 * 1024)) ]
	[ "$size" -lt $((352 * 1024)) ]
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
