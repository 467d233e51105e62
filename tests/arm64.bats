#!/usr/bin/env bats
# The aarch64 build (make ARCH=aarch64, built by `make test`'s
# cross-test-build) and its run on a real arm64 kernel: tests/vm/run.sh boots
# it under qemu-system-aarch64 and runs tests/vm/smoke.sh as /init
# (docs/arm64.md).  qemu-user cannot run seccomp filters, hence a whole VM.
load lib

A=$TOP/build/aarch64

setup_file() {
	[ -x "$TOP/build/aarch64/minit" ] ||
		skip "no build/aarch64/minit: make cross-test-build"
}

@test "arm64: minit is a static-pie aarch64 binary: no interpreter, no shared library" {
	run file "$A/minit"
	assert_line_has 'ELF 64-bit LSB .*ARM aarch64'
	assert_line_has 'static-pie linked'
	assert_line_has 'stripped'
	run readelf -lW "$A/minit"
	refute_line_has 'INTERP'
	assert_line_has 'GNU_STACK[[:space:]].* RW  '	# RW, not RWE
	run readelf -dW "$A/minit"
	refute_line_has '\(NEEDED\)'
	assert_line_has '\(FLAGS_1\).*PIE'
}

@test "arm64: the stripped binary is under 256 KiB" {
	size=$(stat -c %s "$A/minit")
	echo "aarch64 minit: $size bytes, budget $((256 * 1024))" >&2
	[ "$size" -lt $((256 * 1024)) ]
}

@test "arm64: libseccomp is built for the aarch64 ABI only" {
	run nm "$A/deps/lib/libseccomp.a"
	assert_line_has ' arch_def_aarch64$'
	refute_line_has 'arch_def_(x86|x86_64|x32|arm|mips|ppc|s390|riscv|sh|parisc|m68k|loongarch)'
}

# README "Build": on aarch64 minit's code and both libraries return through
# pointer authentication (paciasp/autiasp).  No BTI: the kernel enforces it
# only for a binary whose every object is marked, and Debian's musl libc.a
# carries no marking, so the link has no GNU property note.  The day musl is
# marked, the libc objects show it here and the claim can grow.
@test "arm64: PAC return-address signing in minit and the libraries; no BTI (musl unmarked)" {
	dis=$(aarch64-linux-gnu-objdump -d "$A/minit.unstripped")
	for f in main seccomp_init capng_name_to_capability; do
		body=$(awk "/^[0-9a-f]+ <$f>:/{p=1;next} p&&/^$/{exit} p" <<<"$dis")
		[ -n "$body" ] || { echo "no function $f" >&2; return 1; }
		grep -Eq '\spaciasp$' <<<"$(head -1 <<<"$body")" ||
			{ echo "$f does not start with paciasp" >&2; return 1; }
	done
	# control: a musl function is not signed
	body=$(awk '/^[0-9a-f]+ <printf_core>:/{p=1;next} p&&/^$/{exit} p' <<<"$dis")
	[ -n "$body" ]
	if grep -q paciasp <<<"$body"; then echo "printf_core is signed?" >&2; return 1; fi
	run aarch64-linux-gnu-readelf -n "$A/minit"
	refute_line_has 'AArch64 feature: .*BTI'
	run aarch64-linux-gnu-readelf -n "$A/rel/init.o"
	assert_line_has 'AArch64 feature: PAC$'
	# musl's objects carry no marking at all: BTI could not be enforced
	run aarch64-linux-gnu-readelf -n /usr/lib/aarch64-linux-musl/libc.a
	refute_line_has 'AArch64 feature'
}

@test "arm64: no GNU_RELRO segment (nothing applies it in a musl static-pie; 64 KiB page padding)" {
	run readelf -lW "$A/minit"
	refute_line_has 'GNU_RELRO'
	assert_line_has 'LOAD .* 0x10000$'	# still aligned for 64 KiB-page kernels
}

@test "arm64: the VM smoke suite passes on a real arm64 kernel" {
	run "$TOP/tests/vm/run.sh" "$A"
	printf '%s\n' "$output" | grep -Ev '^#' >&2
	assert_status 0
	assert_line_has '^vm-smoke: [0-9]+ passed, 0 failed$'
	refute_line_has '^not ok'
}

@test "arm64: a check that fails inside the VM fails the run" {
	run "$TOP/tests/vm/run.sh" --self-test "$A"
	[ "$status" -ne 0 ]
	assert_line_has '^not ok [0-9]+ - a check that fails'
	assert_line_has '^vm-smoke: [0-9]+ passed, [1-9][0-9]* failed$'
}

# libcap-ng's sscanf kept all of musl's scanf (12 KiB on x86_64, 18 KiB on
# aarch64) in the link: caps.c no longer calls its users, and
# build-aux/libcap-ng-noscanf.patch removes it from libcap-ng itself
@test "arm64: no scanf in either architecture's link" {
	run aarch64-linux-gnu-nm "$A/minit.unstripped"
	assert_line_has ' capng_name_to_capability$'	# control: libcap-ng is in
	refute_line_has ' (vfscanf|__floatscan|sscanf)$'
	run nm "$A/deps/lib/libcap-ng.a"
	refute_line_has ' U (__isoc99_)?sscanf$'
	[ -f "$TOP/build/minit.unstripped" ] || skip "no x86_64 build"
	run nm "$TOP/build/minit.unstripped"
	refute_line_has ' (vfscanf|__floatscan|sscanf)$'
}
