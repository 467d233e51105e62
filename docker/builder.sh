#!/bin/sh
# builder.sh: the one build recipe of docker/Dockerfile's builder stage, for
# every target platform (docs/docker.md).  The builder runs on the build
# machine's platform and cross-compiles (no emulation): it is the same
# `make release` that `make dist` runs, so the image's /minit is
# byte-identical to the release file of that architecture (tests/docker.bats
# compares them).
#
#   builder.sh packages           install the build packages (Debian 12)
#   builder.sh build [ARCH]       make release for ARCH: Docker's TARGETARCH
#                                 (amd64, arm64) or x86_64, aarch64; default
#                                 this machine's
#   builder.sh install DIR [ARCH] lay out the final image's tree in DIR:
#                                 DIR/minit and DIR/usr/share/doc/minit/<licences>
#                                 ($MINIT, default build/dist/ARCH/minit, is
#                                 the binary to install)
set -eu

say() { printf 'builder: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

# Docker's platform names and the compilers' (make ARCH=)
arch_of() {
	case ${1:-$(uname -m)} in
	amd64 | x86_64) echo x86_64 ;;
	arm64 | aarch64) echo aarch64 ;;
	*) die "unknown architecture '$1': want amd64 or arm64" ;;
	esac
}

packages() {
	[ -f /etc/debian_version ] || die "the builder is Debian 12 (docs/docker.md)"
	build-aux/install-deps.sh build
}

build() {
	a=$(arch_of "${1:-}")
	make -s release ARCH="$a"
	m=build/dist/$a/minit
	# The binary must run in an empty FROM-scratch image: no interpreter.
	if readelf -l "$m" | grep -q INTERP; then
		die "$m has a program interpreter: not static"
	fi
	say "ok: $a, $(wc -c < "$m") bytes, sha256 $(sha256sum "$m" | cut -d' ' -f1)"
}

# The final stage is `COPY --from=builder /out/ /`: everything the image holds
# is decided here, so the test's image holds exactly the same tree.
install_tree() {
	dir=$1
	m=${MINIT:-build/dist/$(arch_of "${2:-}")/minit}
	mkdir -p "$dir/usr/share/doc/minit"
	install -m 0755 "$m" "$dir/minit"
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
build) build "${2:-}" ;;
install) [ $# -ge 2 ] || die "usage: $0 install DIR [ARCH]"; install_tree "$2" "${3:-}" ;;
*) echo "usage: $0 packages|build [ARCH]|install DIR [ARCH]" >&2; exit 2 ;;
esac
