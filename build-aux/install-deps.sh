#!/bin/sh
# Install the Debian 12 packages minit needs, only those that are missing.
#   install-deps.sh build   to build minit
#   install-deps.sh demo    to build minit and run make demo (tests/demo.sh)
#   install-deps.sh test    to build and run the test suite
#   install-deps.sh bench   to run the benchmarks
#   install-deps.sh list SET  print the packages of SET (build, demo, test, bench)
# Each set is what its command uses, beyond Debian's Essential and
# Priority: required packages (in every Debian 12 install); tests/deps.bats
# traces a real make demo and checks the demo set against what it touched.
# As a non-root user it only says what is missing.  Building includes the
# aarch64 cross build (make ARCH=aarch64, make dist): the arm64 architecture
# is added to dpkg for musl-dev:arm64.  Testing also fetches the arm64 VM's
# kernel and busybox packages (tests/vm/run.sh) into $MINIT_VM_CACHE and the
# CycloneDX schema (tests/check_sbom.py) into $MINIT_SCHEMA_CACHE.
set -eu

build="gcc make musl-tools musl-dev gperf dpkg-dev patch autoconf automake libtool
	pkgconf libseccomp-dev libcap-ng-dev binutils file git
	gcc-aarch64-linux-gnu musl-dev:arm64 linux-libc-dev-arm64-cross"
# demo.sh: /bin/busybox for the test root, pkill (procps); file is in $build
demo="$build busybox-static procps util-linux mount"
# catatonit: podman kube play builds its pause image from it
test="$demo bats strace libcap2-bin util-linux bsdutils jq python3
	podman runc uidmap iproute2 procps clang cppcheck clang-tidy valgrind
	catatonit man-db groff-base qemu-system-arm mmdebstrap python3-jsonschema"
bench="$build tini dumb-init catatonit podman runc util-linux xz-utils strace"

# install-deps.sh list build|test|bench: print the set, install nothing
# (build-aux/builder-base.sh puts the build set into the builder image).
if [ "${1:-}" = list ]; then
	shift
	list=1
fi
case "${1:-build}" in
build) want=$build ;;
demo) want=$demo ;;
test) want=$test ;;
bench) want=$bench ;;
*) echo "usage: $0 build|demo|test|bench" >&2; exit 2 ;;
esac

# The arm64 VM's kernel and busybox: downloaded, never installed (they are
# for the VM, tests/vm/run.sh unpacks them).  The kernel is the one Debian's
# linux-image-arm64 depends on today.
vm_cache=${MINIT_VM_CACHE:-/var/cache/minit/arm64}
fetch_vm() {
	ls "$vm_cache"/linux-image-*_arm64.deb "$vm_cache"/busybox-static_*_arm64.deb \
		>/dev/null 2>&1 && return 0
	[ "$(id -u)" = 0 ] || {
		echo "install-deps: no arm64 VM packages in $vm_cache (run as root)" >&2
		exit 1; }
	kernel=$(apt-cache depends linux-image-arm64:arm64 |
		sed -n 's/.*Depends: \(linux-image-[0-9].*-arm64\):arm64$/\1/p' | head -n 1)
	[ -n "$kernel" ] || { echo "install-deps: no arm64 kernel package" >&2; exit 1; }
	echo "install-deps: downloading $kernel:arm64 busybox-static:arm64 to $vm_cache" >&2
	mkdir -p "$vm_cache"
	(cd "$vm_cache" && apt-get download -q=2 "$kernel:arm64" busybox-static:arm64 \
		2>/dev/null)
}

# The CycloneDX JSON schema, for tests/check_sbom.py: it ships in the npm
# package of CycloneDX's own library (res/schema/); fetched, not installed.
schema_cache=${MINIT_SCHEMA_CACHE:-/var/cache/minit/cyclonedx}
CDX_LIB=@cyclonedx/cyclonedx-library@10.3.0
fetch_schema() {
	[ -f "$schema_cache/package/res/schema/bom-1.6.SNAPSHOT.schema.json" ] && return 0
	[ "$(id -u)" = 0 ] || {
		echo "install-deps: no CycloneDX schema in $schema_cache (run as root)" >&2
		exit 1; }
	echo "install-deps: fetching the CycloneDX schema ($CDX_LIB) to $schema_cache" >&2
	mkdir -p "$schema_cache"
	(cd "$schema_cache" && npm pack --silent "$CDX_LIB" >/dev/null &&
	 tar -xzf cyclonedx-cyclonedx-library-*.tgz package/res/schema)
}

if [ -n "${list:-}" ]; then
	echo $want
	exit 0
fi

missing=
for p in $want; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing="$missing $p"
done
if [ -n "$missing" ]; then
	if [ "$(id -u)" != 0 ]; then
		echo "install-deps: missing Debian packages:$missing (run as root to install)" >&2
		exit 1
	fi
	echo "install-deps: installing$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	dpkg --print-foreign-architectures | grep -qx arm64 ||
		dpkg --add-architecture arm64
	apt-get update -qq
	# shellcheck disable=SC2086
	apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
if [ "${1:-build}" = test ]; then
	fetch_vm
	fetch_schema
fi
