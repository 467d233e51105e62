#!/usr/bin/env bats
# docker/: the builder recipe and the Dockerfile's shape.  No Alpine image can
# be pulled here, so this runs docker/builder.sh's Alpine path on Debian, with
# what the Alpine builder stage has:
#   cc          a compiler whose default libc is musl, linking static-pie, that
#               sees the kernel headers (Alpine: build-base + linux-headers);
#               here gcc with a musl static-pie specs file;
#   pkg-config  finds static libseccomp and libcap-ng (Alpine:
#               libseccomp-static, libcap-ng-static); here the prebuilt
#               $DEPS (build/deps, or DEPS=... given to make).
# The make invocation itself is builder.sh's, unchanged.
load lib

setup_file() {
	local deps=${DEPS:-build/deps} t=$BATS_FILE_TMPDIR
	case $deps in /*) ;; *) deps=$TOP/$deps ;; esac
	if [ ! -f "$deps/lib/libseccomp.a" ] || [ ! -f "$deps/lib/libcap-ng.a" ]; then
		echo "docker.bats: no static libraries in $deps (run make first)" >&2
		return 1
	fi
	export DEPS_DIR=$deps
	mkdir -p "$t/bin" "$t/pc"
	# Debian's musl-gcc links dynamically; the same two seds as the Makefile's
	# specs rule turn it into Alpine gcc's static-pie default.
	sed -e 's#%{!shared: \(/usr/lib/[^ ]*\)/Scrt1.o}#\1/rcrt1.o#' \
	    -e 's#^-dynamic-linker .* -nostdlib .*#-nostdlib -static -pie --no-dynamic-linker -z text#' \
	    /usr/lib/x86_64-linux-musl/musl-gcc.specs > "$t/musl.specs"
	printf '#!/bin/sh\nexec gcc -specs %s -isystem %s "$@"\n' \
	    "$t/musl.specs" "$deps/kernel-include" > "$t/bin/cc"
	chmod +x "$t/bin/cc"
	# The .pc files Alpine's -dev packages ship, pointing at $DEPS.
	for lib in libseccomp:seccomp:2.6.0 libcap-ng:cap-ng:0.8.5; do
		IFS=: read -r name l ver <<<"$lib"
		cat > "$t/pc/$name.pc" <<EOF
prefix=$deps
libdir=\${prefix}/lib
includedir=\${prefix}/include
Name: $name
Description: static $name for the builder test
Version: $ver
Cflags: -I\${includedir}
Libs: -L\${libdir} -l$l
EOF
	done
}

# builder_in DIR: copy the tree as `COPY . .` does, leaving out what
# .dockerignore names (each pattern anchored at the top, as Docker reads it),
# then run the builder stage's two commands.
builder_in() {
	local d=$1
	mkdir -p "$d"
	(cd "$TOP" && tar --anchored --wildcards \
	    --exclude-from=<(sed -n 's#^\([^#].*\)#./\1#p' .dockerignore) -cf - .) |
		tar -C "$d" -xf -
	(cd "$d" && PATH="$BATS_FILE_TMPDIR/bin:$PATH" \
	    PKG_CONFIG_PATH="$BATS_FILE_TMPDIR/pc" PKG_CONFIG_LIBDIR="$BATS_FILE_TMPDIR/pc" \
	    BUILDER_FLAVOUR=alpine LC_ALL=C TZ=UTC SOURCE_DATE_EPOCH=0 \
	    sh docker/builder.sh build && sh docker/builder.sh install "$d/out")
}

@test "docker: the builder recipe builds a static-pie minit from static libraries" {
	run builder_in "$BATS_TEST_TMPDIR/a"
	assert_status 0
	assert_line_has '^builder: libseccomp 2\.6\.0, libcap-ng 0\.8\.5$'
	assert_line_has '^builder: ok: [0-9]+ bytes'
	local m=$BATS_TEST_TMPDIR/a/out/minit
	run file "$m"
	assert_line_has 'static-pie linked'
	assert_line_has 'stripped'
	run readelf -lW "$m"
	refute_line_has 'INTERP'
	assert_line_has 'GNU_RELRO'
	assert_line_has 'GNU_STACK +0x0+ 0x0+ 0x0+ 0x0+ 0x0+ RW '
	run readelf -dW "$m"
	refute_line_has 'NEEDED'
	assert_line_has 'BIND_NOW|FLAGS.*NOW'
	# The image tree holds the binary, executable by all, writable by root
	# only (P24), and nothing else but licences.
	[ "$(stat -c %a "$m")" = 755 ]
	run sh -c "cd '$BATS_TEST_TMPDIR/a/out' && find . -type f | sort"
	assert_line_has '^\./minit$'
	for f in LICENSE THIRD_PARTY.md LGPL-2.1.txt musl-copyright.txt; do
		assert_line_has "^\./usr/share/doc/minit/${f//./\\.}\$"
	done
	run grep -Ev '^\./(minit|usr/share/doc/minit/(LICENSE|THIRD_PARTY\.md|LGPL-2\.1\.txt|musl-copyright\.txt))$' <<<"$output"
	assert_status 1
}

@test "docker: the recipe's minit is byte-identical to make's release ./minit" {
	run builder_in "$BATS_TEST_TMPDIR/a"
	assert_status 0
	# The binary the image ships is the binary the other tests test.
	run cmp "$BATS_TEST_TMPDIR/a/out/minit" "$MINIT"
	assert_status 0
}

@test "docker: the recipe's minit runs as PID 1 on a read-only root" {
	run builder_in "$BATS_TEST_TMPDIR/a"
	assert_status 0
	export R=$BATS_TEST_TMPDIR/root
	MINIT=$BATS_TEST_TMPDIR/a/out/minit mkroot "$R"
	run ro_run -- --user app -- /t/probe status
	assert_status 0
	assert_line_has '^pid=[0-9]+ ppid=1 '
	run "$BATS_TEST_TMPDIR/a/out/minit" --version
	assert_status 0
}

@test "docker: the recipe is reproducible: two folders, the same bytes" {
	run builder_in "$BATS_TEST_TMPDIR/a"
	assert_status 0
	run builder_in "$BATS_TEST_TMPDIR/other-folder"
	assert_status 0
	cmp "$BATS_TEST_TMPDIR/a/out/minit" "$BATS_TEST_TMPDIR/other-folder/out/minit"
}

@test "docker: the recipe refuses libraries older than the pinned versions" {
	local d=$BATS_TEST_TMPDIR/old
	mkdir -p "$d/pc"
	cp "$BATS_FILE_TMPDIR"/pc/*.pc "$d/pc/"
	sed -i 's/^Version: .*/Version: 2.5.4/' "$d/pc/libseccomp.pc"
	run env PKG_CONFIG_PATH="$d/pc" PKG_CONFIG_LIBDIR="$d/pc" BUILDER_FLAVOUR=alpine \
	    PATH="$BATS_FILE_TMPDIR/bin:$PATH" sh -c "cd '$TOP' && sh docker/builder.sh build"
	assert_status 1
	assert_line_has '^builder: libseccomp 2\.5\.4 is older than 2\.6\.0$'
}

# from_ok LINE STAGES: a FROM line names scratch, an earlier stage, an ARG,
# or an image pinned by digest.
from_ok() {
	local img=${1#FROM }
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
				# pinned, or a bare local name (the minit image
				# built from this tree: no registry, nothing to pin)
				[[ $line =~ @sha256:[0-9a-f]{64}$ ||
				    $line =~ =[a-z0-9._-]+$ ]] || {
					echo "$f: not pinned: $line" >&2; return 1; }
				;;
			esac
		done < "$f"
	done
	run grep -E '^FROM ' "$TOP/docker/Dockerfile"
	[ "${lines[-1]}" = "FROM scratch AS minit" ]
}
