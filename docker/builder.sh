#!/bin/sh
# builder.sh: the one build recipe of docker/Dockerfile's builder stage.  The
# Dockerfile runs it, and tests/docker.bats runs the very same script (same
# make invocation, same flags) on Debian against prebuilt static libraries,
# since no Alpine image can be pulled there.
#
#   builder.sh packages       install the build packages (Alpine or Debian)
#   builder.sh build          build ./minit, the stripped static-pie release binary
#   builder.sh install DIR    lay out the final image's tree in DIR:
#                             DIR/minit and DIR/usr/share/doc/minit/<licences>
#                             ($MINIT, default ./minit, is the binary to install)
#
# On Alpine, $CC (default cc) is a native musl compiler that sees the kernel
# headers (linux-headers) and pkg-config finds libseccomp-static and
# libcap-ng-static: `make MUSL=system DEPS=pkg-config`.  On Debian, the default
# `make` builds the static libraries from Debian's pinned sources itself.
set -eu

# The oldest library versions minit accepts (docs/security.md, "Library versions"):
# older ones have known traps, so a builder that offers them fails here
# instead of producing a weaker binary.
SECCOMP_MIN=2.6.0
CAPNG_MIN=0.8.5

say() { printf 'builder: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

flavour() {
	if [ -f /etc/alpine-release ] || [ "${BUILDER_FLAVOUR:-}" = alpine ]; then
		echo alpine
	elif [ -f /etc/debian_version ]; then
		echo debian
	else
		die "unknown builder image: want Alpine or Debian"
	fi
}

# The make invocation, shared by the Alpine builder and its test.  Nothing
# here may depend on the machine but $CC and pkg-config's search path.
# -ffile-prefix-map keeps the build folder out of the binary: the same
# sources give the same bytes wherever they are built.
make_alpine() {
	make -s MUSL=system DEPS=pkg-config PIE=1 CC="${CC:-cc}" \
	    EXTRA_CFLAGS="-ffile-prefix-map=$PWD=." minit
}

make_debian() {
	make -s PIE=1 EXTRA_CFLAGS="-ffile-prefix-map=$PWD=." minit
}

check_versions() {
	pkg-config --atleast-version="$SECCOMP_MIN" libseccomp ||
		die "libseccomp $(pkg-config --modversion libseccomp 2>/dev/null || echo missing) is older than $SECCOMP_MIN"
	pkg-config --atleast-version="$CAPNG_MIN" libcap-ng ||
		die "libcap-ng $(pkg-config --modversion libcap-ng 2>/dev/null || echo missing) is older than $CAPNG_MIN"
	say "libseccomp $(pkg-config --modversion libseccomp), libcap-ng $(pkg-config --modversion libcap-ng)"
}

packages() {
	case $(flavour) in
	alpine)
		# Security fixes of the pinned base first (the issue asks for it);
		# the versions that matter are checked by check_versions.
		apk upgrade --no-cache
		apk add --no-cache build-base linux-headers pkgconf \
		    libseccomp-dev libseccomp-static libcap-ng-dev libcap-ng-static
		;;
	debian)
		build-aux/install-deps.sh build
		;;
	esac
}

build() {
	case $(flavour) in
	alpine) check_versions; make_alpine ;;
	debian) make_debian ;;
	esac
	# The binary must run in an empty FROM-scratch image: no interpreter.
	if readelf -l minit | grep -q INTERP; then
		die "minit has a program interpreter: not static"
	fi
	./minit --version >/dev/null || die "minit --version failed"
	say "ok: $(wc -c < minit) bytes, sha256 $(sha256sum minit | cut -d' ' -f1)"
}

# The final stage is `COPY --from=builder /out/ /`: everything the image holds
# is decided here, so the test's image holds exactly the same tree.
install_tree() {
	dir=$1
	mkdir -p "$dir/usr/share/doc/minit"
	install -m 0755 "${MINIT:-minit}" "$dir/minit"
	# minit's licence, what the binary links, and those components'
	# licence texts (the LGPL asks for its text to come with the binary,
	# musl's MIT licence for its notice)
	for f in LICENSE THIRD_PARTY.md LICENSES/LGPL-2.1.txt \
	    LICENSES/musl-copyright.txt; do
		if [ -f "$f" ]; then
			install -m 0644 "$f" "$dir/usr/share/doc/minit/${f#LICENSES/}"
		else
			die "$f missing from the source tree: the image needs it"
		fi
	done
}

case "${1:-}" in
packages) packages ;;
build) build ;;
install) [ $# -eq 2 ] || die "usage: $0 install DIR"; install_tree "$2" ;;
*) echo "usage: $0 packages|build|install DIR" >&2; exit 2 ;;
esac
