#!/bin/sh
# Install the Debian 12 packages minit needs, only those that are missing.
#   install-deps.sh build   to build minit
#   install-deps.sh demo    to build minit and run make demo (tests/demo.sh)
#   install-deps.sh test    to build and run the test suite
#   install-deps.sh bench   to run the benchmarks
# Each set is what its command uses, beyond Debian's Essential and
# Priority: required packages (in every Debian 12 install); tests/deps.bats
# traces a real make demo and checks the demo set against what it touched.
# As a non-root user it only says what is missing.
set -eu

build="gcc make musl-tools musl-dev gperf dpkg-dev patch autoconf automake libtool
	pkgconf libseccomp-dev libcap-ng-dev binutils file"
# demo.sh: /bin/busybox for the test root, pkill (procps); file is in $build
demo="$build busybox-static procps util-linux mount"
# catatonit: podman kube play builds its pause image from it
test="$demo bats strace libcap2-bin util-linux bsdutils jq python3
	podman runc uidmap iproute2 procps clang cppcheck clang-tidy valgrind
	catatonit man-db groff-base"
bench="$build tini dumb-init catatonit podman runc util-linux xz-utils strace"

case "${1:-build}" in
build) want=$build ;;
demo) want=$demo ;;
test) want=$test ;;
bench) want=$bench ;;
*) echo "usage: $0 build|demo|test|bench" >&2; exit 2 ;;
esac

missing=
for p in $want; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ]; then
	echo "install-deps: missing Debian packages:$missing (run as root to install)" >&2
	exit 1
fi
echo "install-deps: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >/dev/null
