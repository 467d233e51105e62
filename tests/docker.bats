#!/usr/bin/env bats
# docker/: the multi-platform image, built for real.  setup_file runs the
# first command of docs/docker.md as written (`make image`): it makes the
# Debian 12 builder base on this machine (build-aux/builder-base.sh:
# mmdebstrap from this machine's apt sources, then `podman import`) and
# `podman build`s docker/Dockerfile for linux/amd64 and linux/arm64, the
# builder cross-compiling on the build platform.  `make dist` builds the
# release files beside it; the images' /minit must be the same bytes.
# Needs root, podman, runc and mmdebstrap (build-aux/install-deps.sh test).
load lib

setup_file() {
	[ "$(id -u)" = 0 ] || skip "needs root (podman, mmdebstrap)"
	command -v podman >/dev/null && command -v mmdebstrap >/dev/null ||
		skip "needs podman and mmdebstrap: build-aux/install-deps.sh test"
	export IMAGE=localhost/minit-arm64-docker-$$ VERSION REV DIST=$BATS_FILE_TMPDIR/dist
	VERSION=$(sed -n 's/^#define MINIT_VERSION "\(.*\)"/\1/p' "$TOP/minit.h")
	# one revision for both builds (-V prints it), whatever HEAD does meanwhile
	REV=$(make -s --no-print-directory -C "$TOP" -f - print-rev <<<'include Makefile
print-rev: ; @echo $(MINIT_REVISION)')
	export MINIT_REVISION=$REV
	# no cached layer: the builder must run (and be seen cross-compiling)
	# on every run, not only on the first
	export BUILDAH_LAYERS=false
	# docs/docker.md's first command, as written, in the top folder
	local cmd
	cmd=$(awk '/^```sh$/ { getline; print; exit }' "$TOP/docs/docker.md")
	echo "# docs/docker.md: $cmd" >&3
	[ "$cmd" = "make image" ] || { echo "first command: '$cmd'" >&3; return 1; }
	(cd "$TOP" && eval "$cmd") > "$BATS_FILE_TMPDIR/image.log" 2>&1 ||
		{ tail -40 "$BATS_FILE_TMPDIR/image.log" >&3; return 1; }
	make -s -C "$TOP" dist DIST="$DIST" > "$BATS_FILE_TMPDIR/dist.log" 2>&1 ||
		{ tail -20 "$BATS_FILE_TMPDIR/dist.log" >&3; return 1; }
}

teardown_file() {
	podman manifest rm "$IMAGE:$VERSION" >/dev/null 2>&1 || true
	podman rmi -f "$IMAGE:$VERSION-amd64" "$IMAGE:$VERSION-arm64" >/dev/null 2>&1 || true
}

# image_file ARCH PATH OUT: a file of the image, without running it
image_file() {
	local c
	c=$(podman create --platform "linux/$1" "$IMAGE:$VERSION-$1")
	podman cp "$c:$2" "$3"
	podman rm "$c" >/dev/null
}

@test "docker: make image builds linux/amd64 and linux/arm64 on a Debian 12 builder made here" {
	for a in amd64 arm64; do
		run podman image inspect --format '{{.Os}}/{{.Architecture}}' "$IMAGE:$VERSION-$a"
		assert_status 0
		[ "$output" = "linux/$a" ]
	done
	run podman manifest inspect "$IMAGE:$VERSION"
	assert_status 0
	assert_line_has '"architecture": "amd64"'
	assert_line_has '"architecture": "arm64"'
	# the builder was cross-compiling on this machine: no emulator ran
	run grep -c 'builder: ok: ' "$BATS_FILE_TMPDIR/image.log"
	[ "$output" = 2 ]
	run podman image inspect --format '{{ index .Config.Labels "minit.packages" }}' localhost/minit-builder
	[ -n "$output" ]
}

@test "docker: each image's /minit is byte-identical to make dist's file of its architecture" {
	image_file amd64 /minit "$BATS_TEST_TMPDIR/amd64"
	image_file arm64 /minit "$BATS_TEST_TMPDIR/arm64"
	cmp "$BATS_TEST_TMPDIR/amd64" "$DIST/minit-$VERSION-linux-amd64"
	cmp "$BATS_TEST_TMPDIR/arm64" "$DIST/minit-$VERSION-linux-arm64"
	run file "$BATS_TEST_TMPDIR/arm64"
	assert_line_has 'ARM aarch64.*static-pie linked'
	# control: the two architectures differ
	! cmp -s "$BATS_TEST_TMPDIR/amd64" "$BATS_TEST_TMPDIR/arm64"
}

@test "docker: the image holds /minit (root, 0755) and its licences, nothing else" {
	local c
	c=$(podman create --platform linux/arm64 "$IMAGE:$VERSION-arm64")
	run sh -c "podman export '$c' | tar -tvf -"
	podman rm "$c" >/dev/null
	assert_status 0
	assert_line_has '^-rwxr-xr-x (root/root|0/0) .* minit$'
	for f in LICENSE THIRD_PARTY.md LGPL-2.1.txt musl-copyright.txt; do
		assert_line_has " usr/share/doc/minit/${f//./\\.}\$"
	done
	run grep -Ev ' (minit|usr/|usr/share/|usr/share/doc/|usr/share/doc/minit/|usr/share/doc/minit/(LICENSE|THIRD_PARTY\.md|LGPL-2\.1\.txt|musl-copyright\.txt)|(dev|etc|proc|sys|run)/.*|dev/|etc/|proc/|sys/|run/)$' <<<"$output"
	assert_status 1
}

@test "docker: OCI labels: source, version, revision, licences" {
	for a in amd64 arm64; do
		run podman image inspect --format '{{json .Config.Labels}}' "$IMAGE:$VERSION-$a"
		assert_status 0
		assert_line_has "\"org.opencontainers.image.version\":\"$VERSION\""
		assert_line_has "\"org.opencontainers.image.revision\":\"$REV\""
		assert_line_has '"org.opencontainers.image.licenses":"MIT AND LGPL-2.1-only AND LGPL-2.1-or-later"'
		assert_line_has '"org.opencontainers.image.source":"[^"]+"'
	done
}

@test "docker: the amd64 image runs: minit -V names x86_64 and the pinned versions" {
	. "$TOP/build-aux/pins"
	run podman run --rm --runtime runc --network none \
	    --ulimit nofile=20000:20000 --ulimit nproc=4096:4096 "$IMAGE:$VERSION-amd64" -V
	assert_status 0
	assert_line_has "^minit $VERSION$"
	assert_line_has "^revision $REV$"
	assert_line_has '^arch x86_64$'
	assert_line_has "^libseccomp $SECCOMP_VER$"
	assert_line_has "^libcap-ng $CAPNG_VER$"
	assert_line_has "^musl $MUSL_VER$"
}

# from_ok LINE STAGES: a FROM line names scratch, an earlier stage, an ARG,
# or an image pinned by digest.
from_ok() {
	local img=${1#FROM }
	img=${img#--platform=* }
	img=${img%% AS *}
	case $img in
	scratch | \$\{*\}) return 0 ;;
	*@sha256:*) [[ $img =~ @sha256:[0-9a-f]{64}$ ]] ;;
	*) [[ " $2 " == *" $img "* ]] ;;
	esac
}

@test "docker: every FROM is scratch, a stage, or pinned by digest; so is every image ARG" {
	local f line stages
	for f in "$TOP"/docker/Dockerfile "$TOP"/docker/examples/*/Dockerfile; do
		stages=
		while read -r line; do
			case $line in
			FROM\ *)
				from_ok "$line" "$stages" || {
					echo "$f: not pinned: $line" >&2; return 1; }
				[[ $line == *" AS "* ]] && stages="$stages ${line##* AS }"
				;;
			ARG\ *IMAGE=*)
				# pinned, or a bare local name (an image made on
				# this machine: no registry, nothing to pin)
				[[ $line =~ @sha256:[0-9a-f]{64}$ ||
				    $line =~ =(localhost/)?[a-z0-9._-]+$ ]] || {
					echo "$f: not pinned: $line" >&2; return 1; }
				;;
			esac
		done < "$f"
	done
	run grep -E '^FROM ' "$TOP/docker/Dockerfile"
	[ "${lines[-1]}" = "FROM scratch AS minit" ]
	# the builder runs on the build platform: cross-compiling, no emulation
	assert_line_has '^FROM --platform=\$BUILDPLATFORM \$\{BUILDER_IMAGE\} AS builder$'
}
