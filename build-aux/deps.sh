#!/bin/sh
# Build static, musl-linked libseccomp and libcap-ng from Debian's source
# packages into $1 (a prefix with include/ and lib/).  Run once; the Makefile
# caches the result.  The versions are pinned (see THIRD_PARTY.md): Debian 12's
# libseccomp 2.5.4 and libcap-ng 0.8.3 have known traps (docs/security.md,
# "Library versions"), so we take Debian 13's 2.6.0 and 0.8.5.
#
# The tarballs are fetched with apt-get from a private sources list and state
# folder, so the machine's apt configuration is left untouched.  apt checks each
# file against the signed Sources index; we check the upstream tarballs again
# against the hashes pinned below.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
prefix=$(realpath -m "$1")
work=$(realpath -m "${2:-$prefix/../deps-src}")
musl_cc=${MUSL_CC:-musl-gcc}
kinc=$prefix/kernel-include

SECCOMP_VER=2.6.0
SECCOMP_DEB=2.6.0-2
SECCOMP_SHA256=83b6085232d1588c379dc9b9cae47bb37407cf262e6e74993c61ba72d2a784dc
CAPNG_VER=0.8.5
CAPNG_DEB=0.8.5-4
CAPNG_SHA256=e4be07fdd234f10b866433f224d183626003c65634ed0552b02e654a380244c2

say() { printf 'deps: %s\n' "$*" >&2; }

# The libraries' own makes run with their own -j: not as children of an outer
# make's jobserver, which they cannot reach from here.
unset MAKEFLAGS MFLAGS MAKELEVEL

mkdir -p "$work/apt/lists/partial" "$work/apt/cache/archives/partial" \
	"$work/src" "$prefix/lib" "$prefix/include" "$kinc"

# musl-gcc does not search the kernel headers (linux/, asm/): point at them.
for d in linux asm-generic; do ln -sfn "/usr/include/$d" "$kinc/$d"; done
ln -sfn "/usr/include/$(gcc -print-multiarch)/asm" "$kinc/asm"

fetch() {		# fetch PACKAGE DEBVERSION ORIG SHA256
	if [ -f "$work/src/$3" ] && echo "$4  $work/src/$3" | sha256sum -c --status; then
		return 0
	fi
	cat > "$work/apt/sources.list" <<SRC
deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie main
SRC
	set -- "$@" -o Dir::Etc::SourceList="$work/apt/sources.list" \
		-o Dir::Etc::SourceParts=/dev/null \
		-o Dir::State::Lists="$work/apt/lists" \
		-o Dir::Cache="$work/apt/cache" -o APT::Sandbox::User=root
	pkg=$1 ver=$2 orig=$3 sum=$4
	shift 4
	[ -n "$(ls "$work/apt/lists" 2>/dev/null | grep Sources)" ] ||
		apt-get -qq "$@" update
	# The .dsc or Debian diff of a pinned version can be missing from a
	# mirror while its upstream tarball is there; we only need the latter.
	(cd "$work/src" && apt-get -qq "$@" source --download-only "$pkg=$ver") ||
		say "apt-get source $pkg=$ver incomplete; checking the upstream tarball"
	echo "$sum  $work/src/$orig" | sha256sum -c --status || {
		say "$orig: missing or wrong checksum"; exit 1; }
}

# Built for size: -Os, and a section per function and object so that the
# link's --gc-sections keeps only what minit calls (libseccomp's PFC export,
# most of its API; libcap-ng's file-capability code).  Neither library is on a
# hot path: libcap-ng runs once per start, libseccomp only for a --seccomp FILE.
# No unwind tables, as for minit's own objects (Makefile, NOUNWIND).
cflags="-Os -ffunction-sections -fdata-sections -fno-asynchronous-unwind-tables \
	-fno-unwind-tables -fPIE -fstack-protector-strong -isystem $kinc"

# libseccomp for the x86 family only (build-aux/libseccomp-x86.patch says why):
# the patch, then the syscall table cut to the name and the x86, x86_64 and x32
# columns.  The header is checked first, so that a table with other columns
# fails here instead of building a table whose numbers are in the wrong place.
x86_only() {		# x86_only SRCDIR
	csv=$1/src/syscalls.csv
	want='x86,x86_kver,x86_64,x86_64_kver,x32,x32_kver'
	[ "$(head -n 1 "$csv" | cut -d, -f2-7)" = "$want" ] || {
		say "$csv: columns 2-7 are not $want"; exit 1; }
	patch -d "$1" -p1 -s --no-backup-if-mismatch < "$here/libseccomp-x86.patch"
	# kept for tests/unit/check_systable.c, which holds the cut table to it
	cp "$csv" "$prefix/upstream-syscalls.csv"
	{ echo "# minit: cut to the x86 family's columns (build-aux/deps.sh)"
	  cut -d, -f1-7 "$csv"; } > "$csv.x86"
	mv "$csv.x86" "$csv"
	rm -f "$1/src/syscalls.perf" "$1/src/syscalls.perf.c"
}

if [ ! -f "$prefix/lib/libseccomp.a" ]; then
	fetch libseccomp "$SECCOMP_DEB" "libseccomp_$SECCOMP_VER.orig.tar.gz" "$SECCOMP_SHA256"
	rm -rf "$work/libseccomp-$SECCOMP_VER"
	tar -C "$work" -xzf "$work/src/libseccomp_$SECCOMP_VER.orig.tar.gz"
	x86_only "$work/libseccomp-$SECCOMP_VER"
	say "building libseccomp $SECCOMP_VER (x86 family only)"
	(cd "$work/libseccomp-$SECCOMP_VER" &&
	 CC="$musl_cc" CFLAGS="$cflags" ./configure -q --prefix="$prefix" \
		--enable-static --disable-shared --disable-python >/dev/null &&
	 make -s -j"$(nproc)" -C src >/dev/null 2>&1 &&
	 make -s -C src install >/dev/null && make -s -C include install >/dev/null &&
	 make -s install-pkgconfDATA >/dev/null)
fi

if [ ! -f "$prefix/lib/libcap-ng.a" ]; then
	fetch libcap-ng "$CAPNG_DEB" "libcap-ng_$CAPNG_VER.orig.tar.gz" "$CAPNG_SHA256"
	rm -rf "$work/libcap-ng-$CAPNG_VER"
	tar -C "$work" -xzf "$work/src/libcap-ng_$CAPNG_VER.orig.tar.gz"
	say "building libcap-ng $CAPNG_VER"
	(cd "$work/libcap-ng-$CAPNG_VER" && ./autogen.sh >/dev/null 2>&1 &&
	 CC="$musl_cc" CFLAGS="$cflags" ./configure -q --prefix="$prefix" \
		--enable-static --disable-shared --without-python3 >/dev/null 2>&1 &&
	 make -s -j"$(nproc)" -C src >/dev/null 2>&1 &&
	 make -s -C src install >/dev/null)
fi
say "ok: $prefix"
