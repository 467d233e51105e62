#!/usr/bin/env bats
# Release files (README "Releases"): make dist, the SBOM, the pins, and
# reproducibility.  setup_file clones the committed HEAD twice, into folders
# of different names and depths, and runs `make dist` in each: two clean
# builds, SOURCE_DATE_EPOCH from the last commit.
load lib

SCHEMA=${MINIT_SCHEMA_CACHE:-/var/cache/minit/cyclonedx}/package/res/schema

setup_file() {
	export D1=$BATS_FILE_TMPDIR/a/minit D2=$BATS_FILE_TMPDIR/bb/c/minit-copy
	export VERSION REV
	local head
	head=$(git -C "$TOP" rev-parse HEAD)
	REV=${head:0:12}
	VERSION=$(git -C "$TOP" show "$head:minit.h" |
	    sed -n 's/^#define MINIT_VERSION "\(.*\)"/\1/p')
	for d in "$D1" "$D2"; do
		mkdir -p "$(dirname "$d")"
		git clone -q --no-hardlinks "$TOP" "$d"
		git -C "$d" checkout -q "$head"
		make -C "$d" -s dist > "$d.log" 2>&1 || { tail -30 "$d.log" >&3; return 1; }
	done
}

@test "make dist: minit-VERSION-linux-amd64 and -arm64, checked by sha256sum -c SHA256SUMS" {
	cd "$D1/build/dist"
	run sha256sum -c SHA256SUMS
	assert_status 0
	assert_line_has "^minit-$VERSION-linux-amd64: OK$"
	assert_line_has "^minit-$VERSION-linux-arm64: OK$"
	assert_line_has "^minit-$VERSION.cdx.json: OK$"
	run file "minit-$VERSION-linux-amd64" "minit-$VERSION-linux-arm64"
	assert_line_has "amd64: ELF 64-bit LSB .*x86-64.*static-pie linked"
	assert_line_has "arm64: ELF 64-bit LSB .*ARM aarch64.*static-pie linked"
	# control: a changed byte is caught
	cp -r "$D1/build/dist" "$BATS_TEST_TMPDIR/d"
	printf 'x' >> "$BATS_TEST_TMPDIR/d/minit-$VERSION-linux-arm64"
	run sh -c "cd '$BATS_TEST_TMPDIR/d' && sha256sum -c SHA256SUMS"
	[ "$status" -ne 0 ]
	assert_line_has "arm64: FAILED"
}

@test "SBOM: valid CycloneDX 1.6 (JSON schema); minit, musl, libseccomp, libcap-ng with pinned versions, licences, tarball sums" {
	[ -f "$SCHEMA/bom-1.6.SNAPSHOT.schema.json" ] ||
		skip "no CycloneDX schema: build-aux/install-deps.sh test"
	cd "$D1/build/dist"
	run "$TOP/tests/check_sbom.py" "$SCHEMA" "$TOP/build-aux/pins" \
	    "minit-$VERSION.cdx.json" "minit-$VERSION-linux-amd64" "minit-$VERSION-linux-arm64"
	assert_status 0
	assert_line_has '^sbom: ok$'
	run jq -r '.metadata.component.properties[] | select(.name == "minit:revision") | .value' \
	    "minit-$VERSION.cdx.json"
	[ "$output" = "$REV" ]
	# controls: the checker rejects a broken document and a wrong pin
	jq '.bomFormat = "SPDX"' "minit-$VERSION.cdx.json" > "$BATS_TEST_TMPDIR/bad.json"
	run "$TOP/tests/check_sbom.py" "$SCHEMA" "$TOP/build-aux/pins" "$BATS_TEST_TMPDIR/bad.json"
	assert_status 1
	assert_line_has '^schema: bomFormat'
	sed 's/^CAPNG_VER=.*/CAPNG_VER=0.8.4/' "$TOP/build-aux/pins" > "$BATS_TEST_TMPDIR/pins"
	run "$TOP/tests/check_sbom.py" "$SCHEMA" "$BATS_TEST_TMPDIR/pins" "minit-$VERSION.cdx.json"
	assert_status 1
	assert_line_has '^libcap-ng: version 0.8.5, pinned 0.8.4$'
}

@test "reproducible: two clean builds in different folders give byte-identical release files" {
	run diff "$D1/build/dist/SHA256SUMS" "$D2/build/dist/SHA256SUMS"
	assert_status 0
	for f in "minit-$VERSION-linux-amd64" "minit-$VERSION-linux-arm64" "minit-$VERSION.cdx.json"; do
		cmp "$D1/build/dist/$f" "$D2/build/dist/$f"
	done
	# the folder names are in neither binary
	for d in "$D1" "$D2"; do
		if grep -c "$BATS_FILE_TMPDIR" "$d/build/dist/minit-$VERSION-linux-"*; then
			echo "a build path is in a binary" >&2
			return 1
		fi
	done
}

@test "build-aux/pins is the one place: -V, THIRD_PARTY.md and the build scripts agree with it" {
	. "$TOP/build-aux/pins"
	run "$D1/build/dist/minit-$VERSION-linux-amd64" -V
	assert_status 0
	assert_line_has "^minit $VERSION$"
	assert_line_has "^revision $REV$"
	assert_line_has '^arch x86_64$'
	assert_line_has "^musl $MUSL_VER$"
	assert_line_has "^libseccomp $SECCOMP_VER$"
	assert_line_has "^libcap-ng $CAPNG_VER$"
	run cat "$TOP/THIRD_PARTY.md"
	assert_line_has "^\| musl libc \| $MUSL_VER .*\| $MUSL_LICENSE \|"
	assert_line_has "^\| libseccomp \| $SECCOMP_VER .*$SECCOMP_DEB.*\| $SECCOMP_LICENSE \|"
	assert_line_has "^\| libcap-ng \| $CAPNG_VER .*$CAPNG_DEB.*\| $CAPNG_LICENSE \|"
	# no second copy of a version or checksum in the build scripts
	for v in "$SECCOMP_SHA256" "$CAPNG_SHA256" "$MUSL_SHA256" "$SECCOMP_DEB" "$CAPNG_DEB"; do
		run grep -rlF -- "$v" "$TOP/build-aux" "$TOP/Makefile" "$TOP/docker"
		[ "$output" = "$TOP/build-aux/pins" ] || { echo "$v also in: $output" >&2; return 1; }
	done
}

@test "README says how to check a download and rebuild it" {
	run cat "$TOP/README.md"
	assert_line_has 'sha256sum -c SHA256SUMS'
	assert_line_has 'make dist'
	assert_line_has 'SOURCE_DATE_EPOCH'
}
