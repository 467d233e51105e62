#!/bin/sh
# bench/peers.sh OUT: static musl builds of the peers (tini, dumb-init,
# catatonit) from Debian 12's own source packages, into OUT/peers/, cached.
# This is the fair static-against-static comparison of BENCHMARKS.md item 7:
# Debian ships tini dynamic or glibc-static, catatonit glibc-static and
# dumb-init dynamic, and glibc's start-up costs more than musl's.
#
# The sources come from a private apt sources list and state folder (as in
# build-aux/deps.sh), so the machine's apt configuration is not touched; apt
# checks each file against the signed Sources index, and we check the upstream
# tarballs again against the hashes pinned here.  Each peer is built with the
# flags of its own build system (tini's CMakeLists.txt, dumb-init's Makefile,
# catatonit's configure defaults), compiled directly: they are one C file each.
set -eu

out=$(realpath -m "$1")
work=$out/peers-src
kinc=$out/kinc

TINI_VER=0.19.0
TINI_SHA256=0fd35a7030052acd9f58948d1d900fe1e432ee37103c5561554408bdac6bbf0d
DUMBINIT_VER=1.2.5
DUMBINIT_SHA256=3eda470d8a4a89123f4516d26877a727c0945006c8830b7e3bad717a5f6efc4e
CATATONIT_VER=0.1.7
CATATONIT_SHA256=6ea6cb8c7feeca2cf101e7f794dab6eeb192cde177ecc7714d2939655d3d8997

say() { printf 'bench: %s\n' "$*" >&2; }

mkdir -p "$out/peers" "$work/apt/lists/partial" "$work/apt/cache/archives/partial" \
	"$work/src" "$kinc"
# musl-gcc does not search the kernel headers (linux/, asm/): point at them.
for d in linux asm-generic; do ln -sfn "/usr/include/$d" "$kinc/$d"; done
ln -sfn "/usr/include/$(gcc -print-multiarch)/asm" "$kinc/asm"

fetch() {		# fetch PACKAGE ORIG SHA256
	pkg=$1 orig=$2 sum=$3
	if [ -f "$work/src/$orig" ] && echo "$sum  $work/src/$orig" | sha256sum -c --status; then
		return 0
	fi
	cat > "$work/apt/sources.list" <<SRC
deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian bookworm main
SRC
	set -- -o Dir::Etc::SourceList="$work/apt/sources.list" \
		-o Dir::Etc::SourceParts=/dev/null \
		-o Dir::State::Lists="$work/apt/lists" \
		-o Dir::Cache="$work/apt/cache" -o APT::Sandbox::User=root
	ls "$work/apt/lists" | grep -q Sources || apt-get -qq "$@" update
	# The .dsc or Debian diff can be missing from a mirror while the
	# upstream tarball is there (dumb-init here); we only need the latter.
	(cd "$work/src" && apt-get -qq "$@" source --download-only "$pkg" 2>/dev/null) ||
		say "apt-get source $pkg incomplete; checking the upstream tarball"
	echo "$sum  $work/src/$orig" | sha256sum -c --status || {
		say "$orig: missing or wrong checksum"; exit 1; }
}

unpack() {		# unpack ORIG DIR
	rm -rf "${work:?}/$2"
	tar -C "$work" -xf "$work/src/$1"
}

cc="musl-gcc -static -isystem $kinc"

if [ ! -x "$out/peers/tini-musl" ]; then
	fetch tini "tini_$TINI_VER.orig.tar.gz" "$TINI_SHA256"
	unpack "tini_$TINI_VER.orig.tar.gz" "tini-$TINI_VER"
	d=$work/tini-$TINI_VER
	printf '#define TINI_VERSION "%s"\n#define TINI_GIT ""\n' "$TINI_VER" \
		> "$d/src/tiniConfig.h"
	say "building tini $TINI_VER (musl, static)"
	$cc -std=gnu99 -Wall -Wextra -O2 -fstack-protector --param=ssp-buffer-size=4 \
		-I"$d/src" -Wl,-z,relro -s -o "$out/peers/tini-musl" "$d/src/tini.c"
fi

if [ ! -x "$out/peers/dumb-init-musl" ]; then
	fetch dumb-init "dumb-init_$DUMBINIT_VER.orig.tar.gz" "$DUMBINIT_SHA256"
	unpack "dumb-init_$DUMBINIT_VER.orig.tar.gz" "dumb-init-$DUMBINIT_VER"
	d=$work/dumb-init-$DUMBINIT_VER
	say "building dumb-init $DUMBINIT_VER (musl, static)"
	$cc -std=gnu99 -Wall -O3 -I"$d" -s -o "$out/peers/dumb-init-musl" "$d/dumb-init.c"
fi

if [ ! -x "$out/peers/catatonit-musl" ]; then
	fetch catatonit "catatonit_$CATATONIT_VER.orig.tar.xz" "$CATATONIT_SHA256"
	unpack "catatonit_$CATATONIT_VER.orig.tar.xz" "catatonit-$CATATONIT_VER"
	d=$work/catatonit-$CATATONIT_VER
	sed -e "s/@PACKAGE_NAME@/catatonit/" -e "s/@PACKAGE_VERSION@/$CATATONIT_VER/" \
		-e 's/@PACKAGE_BUGREPORT@//' -e 's/@PACKAGE_URL@//' \
		"$d/config.h.in" > "$d/config.h"
	say "building catatonit $CATATONIT_VER (musl, static)"
	$cc -std=gnu11 -Wall -O2 -I"$d" -s -o "$out/peers/catatonit-musl" "$d/catatonit.c"
fi
