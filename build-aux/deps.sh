#!/bin/sh
# Build static, musl-linked libseccomp and libcap-ng from Debian's source
# packages into $1 (a prefix with include/ and lib/).  Run once; the Makefile
# caches the result.  The versions and checksums are pinned in
# build-aux/pins: Debian 12's libseccomp 2.5.4 and libcap-ng 0.8.3 have known
# traps (docs/security.md, "Library versions"), so we take Debian 13's.
#
#   deps.sh PREFIX [WORKDIR]          for $ARCH (x86_64, the default, or
#                                     aarch64), with $MUSL_CC, a compiler for
#                                     that architecture's musl
#   deps.sh --host PREFIX [WORKDIR]   libseccomp for the build machine's
#                                     musl-gcc, with $ARCH as its native
#                                     ABI: a cross build's build-aux/bpfgen
#                                     runs here and must build the target's
#                                     filters
#
# The tarballs are fetched with apt-get from a private sources list and state
# folder, so the machine's apt configuration is left untouched.  apt checks each
# file against the signed Sources index; we check the upstream tarballs again
# against the hashes pinned in build-aux/pins.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
host=
if [ "${1:-}" = --host ]; then
	host=1
	shift
fi
prefix=$(realpath -m "$1")
work=$(realpath -m "${2:-$prefix/../deps-src}")
arch=${ARCH:-x86_64}
musl_cc=${MUSL_CC:-musl-gcc}
kinc=$prefix/kernel-include

# shellcheck source=pins
. "$here/pins"

say() { printf 'deps: %s\n' "$*" >&2; }

# The libraries' own makes run with their own -j: not as children of an outer
# make's jobserver, which they cannot reach from here.
unset MAKEFLAGS MFLAGS MAKELEVEL

mkdir -p "$work/apt/lists/partial" "$work/apt/cache/archives/partial" \
	"$work/src" "$prefix/lib" "$prefix/include" "$kinc"

# musl-gcc does not search the kernel headers (linux/, asm/): point at them.
# A cross build takes all three from Debian's linux-libc-dev-ARCH-cross.
case $host$arch in
1* | x86_64)
	for d in linux asm-generic; do ln -sfn "/usr/include/$d" "$kinc/$d"; done
	ln -sfn "/usr/include/$(gcc -print-multiarch)/asm" "$kinc/asm"
	debarch=amd64 ;;
aarch64)
	for d in linux asm-generic asm; do
		ln -sfn "/usr/aarch64-linux-gnu/include/$d" "$kinc/$d"
	done
	debarch=arm64 ;;
*)
	say "ARCH=$arch: want x86_64 or aarch64"; exit 1 ;;
esac

# musl is Debian's, not rebuilt: the pinned version or nothing.
if [ -z "$host" ]; then
	musl=$(dpkg-query -W -f='${Version}' "musl-dev:$debarch" 2>/dev/null) || musl=none
	[ "$musl" = "$MUSL_DEB" ] || {
		say "musl-dev:$debarch is $musl, build-aux/pins wants $MUSL_DEB"; exit 1; }
fi

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
# -ffile-prefix-map: the build folder stays out of the objects (reproducible
# wherever it is built).  aarch64: return addresses signed and checked
# (PAC), as for minit's own code (Makefile, ARCH_HARDEN_aarch64).
cflags="-Os -ffunction-sections -fdata-sections -fno-asynchronous-unwind-tables \
	-fno-unwind-tables -fPIE -fstack-protector-strong -isystem $kinc \
	-ffile-prefix-map=$work=."
if [ "$arch" = aarch64 ]; then
	cflags="$cflags -mbranch-protection=pac-ret -fomit-frame-pointer"
fi

# libseccomp for one architecture family only (build-aux/libseccomp-NAME.patch
# says why): the patch, then the syscall table cut to the name and that
# family's columns FIELDS (cut -f), whose header must be WANT, so that a table
# with other columns fails here instead of building a table whose numbers are
# in the wrong place.  The unmodified table is kept for
# tests/unit/check_systable.c, which holds the cut table to it.
cut_table() {		# cut_table SRCDIR NAME FIELDS WANT
	csv=$1/src/syscalls.csv
	[ "$(head -n 1 "$csv" | cut -d, -f"$3")" = "$4" ] || {
		say "$csv: columns $3 are not $4"; exit 1; }
	patch -d "$1" -p1 -s --no-backup-if-mismatch < "$here/libseccomp-$2.patch"
	cp "$csv" "$prefix/upstream-syscalls.csv"
	{ echo "# minit: cut to the $2 columns (build-aux/deps.sh)"
	  cut -d, -f"1,$3" "$csv"; } > "$csv.cut"
	mv "$csv.cut" "$csv"
	rm -f "$1/src/syscalls.perf" "$1/src/syscalls.perf.c"
}

# configure's view of the target: native, or a cross build
if [ -n "$host" ]; then
	musl_cc="musl-gcc"	# the build machine's musl, like the target's
	cross=
elif [ "$arch" = "$(uname -m)" ]; then
	cross=
else
	cross="--host=$arch-linux-musl --build=$(uname -m)-linux-gnu"
fi

if [ -n "$host" ] && [ ! -f "$prefix/lib/libseccomp.a" ]; then
	fetch libseccomp "$SECCOMP_DEB" "libseccomp_$SECCOMP_VER.orig.tar.gz" "$SECCOMP_SHA256"
	rm -rf "$work/libseccomp-$SECCOMP_VER"
	tar -C "$work" -xzf "$work/src/libseccomp_$SECCOMP_VER.orig.tar.gz"
	# Its native ABI is the target's: minit's filters are native-only, and
	# libseccomp reads a rule's syscall number as a native one (translating
	# it by name for any other ABI, which fails for calls newer than its
	# table).  So the generator's filters are the ones the target's own
	# libseccomp builds; check_bpf verifies that on the target.
	sed -i "s|^#if __i386__\$|#if 1 /* minit: deps.sh --host */\\
const struct arch_def *arch_def_native = \\&arch_def_$arch;\\
#elif __i386__|" "$work/libseccomp-$SECCOMP_VER/src/arch.c"
	grep -q "arch_def_native = &arch_def_$arch;\$" \
		"$work/libseccomp-$SECCOMP_VER/src/arch.c" || {
		say "src/arch.c: cannot set the native ABI to $arch"; exit 1; }
	say "building libseccomp $SECCOMP_VER for the build machine, $arch as native ABI"
	(cd "$work/libseccomp-$SECCOMP_VER" &&
	 CC="$musl_cc" CFLAGS="-O2 -isystem $kinc" ./configure -q --prefix="$prefix" \
		--enable-static --disable-shared --disable-python >/dev/null &&
	 make -s -j"$(nproc)" -C src >/dev/null 2>&1 &&
	 make -s -C src install >/dev/null && make -s -C include install >/dev/null)
	say "ok: $prefix"
	exit 0
fi
[ -z "$host" ] || { say "ok: $prefix"; exit 0; }

if [ ! -f "$prefix/lib/libseccomp.a" ]; then
	fetch libseccomp "$SECCOMP_DEB" "libseccomp_$SECCOMP_VER.orig.tar.gz" "$SECCOMP_SHA256"
	rm -rf "$work/libseccomp-$SECCOMP_VER"
	tar -C "$work" -xzf "$work/src/libseccomp_$SECCOMP_VER.orig.tar.gz"
	case $arch in
	x86_64) cut_table "$work/libseccomp-$SECCOMP_VER" x86 2-7 \
		'x86,x86_kver,x86_64,x86_64_kver,x32,x32_kver'; only="x86 family" ;;
	aarch64) cut_table "$work/libseccomp-$SECCOMP_VER" aarch64 10-11 \
		'aarch64,aarch64_kver'; only="aarch64" ;;
	esac
	say "building libseccomp $SECCOMP_VER ($only only)"
	# shellcheck disable=SC2086
	(cd "$work/libseccomp-$SECCOMP_VER" &&
	 CC="$musl_cc" CFLAGS="$cflags" ./configure -q $cross --prefix="$prefix" \
		--enable-static --disable-shared --disable-python >/dev/null &&
	 make -s -j"$(nproc)" -C src >/dev/null 2>&1 &&
	 make -s -C src install >/dev/null && make -s -C include install >/dev/null &&
	 make -s install-pkgconfDATA >/dev/null)
fi

if [ ! -f "$prefix/lib/libcap-ng.a" ]; then
	fetch libcap-ng "$CAPNG_DEB" "libcap-ng_$CAPNG_VER.orig.tar.gz" "$CAPNG_SHA256"
	rm -rf "$work/libcap-ng-$CAPNG_VER"
	tar -C "$work" -xzf "$work/src/libcap-ng_$CAPNG_VER.orig.tar.gz"
	# build-aux/libcap-ng-noscanf.patch says why
	patch -d "$work/libcap-ng-$CAPNG_VER" -p1 -s --no-backup-if-mismatch \
		< "$here/libcap-ng-noscanf.patch"
	say "building libcap-ng $CAPNG_VER (without sscanf)"
	# shellcheck disable=SC2086
	(cd "$work/libcap-ng-$CAPNG_VER" && ./autogen.sh >/dev/null 2>&1 &&
	 CC="$musl_cc" CFLAGS="$cflags" ./configure -q $cross --prefix="$prefix" \
		--enable-static --disable-shared --without-python3 >/dev/null 2>&1 &&
	 make -s -j"$(nproc)" -C src >/dev/null 2>&1 &&
	 make -s -C src install >/dev/null)
fi
say "ok: $prefix"
