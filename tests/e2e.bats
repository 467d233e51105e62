#!/usr/bin/env bats
# End-to-end: minit as PID 1 of real containers, in Podman with runc.
#
# Nothing is pulled.  The images are built FROM scratch from the tested
# ./minit and the static test helpers:
#   minit image  the final stage of docker/Dockerfile, taken from that file's
#                text, with /out laid out by the same docker/builder.sh;
#   app image    docs/docker.md's "FROM scratch app" shape: COPY --from the
#                minit image, /t/probe, a static busybox, /etc/passwd and
#                /etc/group, ENTRYPOINT ["/minit","--user","app","--"];
#   suid image   the app image plus a setuid and a file-capability minit (T22).
# Every container and image carries the label minit-e2e=<run id> and is
# removed in teardown_file.
#
# Needs root, podman and runc (build-aux/install-deps.sh test installs them);
# skipped with a message otherwise.  crun is not used: it fails on some cgroup
# v1 layouts, and runc is what the tests pin.  Podman's own errors also exit
# 125, so every "refused" check also asserts minit's one-line message.
load lib

E2E_RUN=(--network none --pull never
	--ulimit nofile=20000:20000 --ulimit nproc=4096:4096)
# The read-only root the docs ask for, with a noexec /tmp instead of
# Podman's default exec-able /tmp, /run and /var/tmp.
# shellcheck disable=SC2054  # the commas are mount options
E2E_RO=(--read-only --read-only-tmpfs=false
	--tmpfs /tmp:rw,noexec,nosuid,nodev,size=16m)
# Only minit's own layer: no runtime seccomp filter, no runtime
# no_new_privs, so "Seccomp: 2" and "NoNewPrivs: 1" are minit's doing.
E2E_OWN=(--security-opt seccomp=unconfined)
# The outer layer docs/docker.md recommends: the runtime's seccomp profile,
# no_new_privs, and only the capabilities minit needs to drop privileges.
E2E_OUTER=(--security-opt no-new-privileges --cap-drop ALL
	--cap-add SETUID --cap-add SETGID --cap-add SETPCAP)

# E2E_PODMAN_OPTS: extra global podman options, e.g. "--storage-driver vfs"
# where / is itself an overlay (a container CI runner) and overlay-on-overlay
# fails.
pm() {
	# shellcheck disable=SC2086
	podman --runtime runc ${E2E_PODMAN_OPTS-} "$@"
}

# prun ARGS...: podman run with the fixed flags and the cleanup label.
prun() {
	pm run --label "minit-e2e=$E2E_ID" "${E2E_RUN[@]}" "$@"
}

# bats 1.8 cannot skip from setup_file: it records why, setup skips.
setup_file() {
	export E2E_SKIP=
	if [ "$(id -u)" != 0 ]; then
		E2E_SKIP="e2e: needs root (rootless podman is not what these tests pin)"
		return 0
	fi
	if ! command -v podman >/dev/null || ! command -v runc >/dev/null; then
		E2E_SKIP="e2e: podman or runc not installed (build-aux/install-deps.sh test installs them)"
		return 0
	fi
	# Installed but broken is a failure, not a skip.
	pm info >/dev/null || {
		echo "e2e: podman is installed but 'podman --runtime runc info' fails" >&2
		return 1
	}
	E2E_ID="e2e-$$-$(date +%s)"
	export E2E_ID
	export IMG_MINIT="localhost/minit-$E2E_ID:minit"
	export IMG_APP="localhost/minit-$E2E_ID:app"
	export IMG_SUID="localhost/minit-$E2E_ID:suid"
	export IMG_HELLO="localhost/minit-$E2E_ID:hello"
	build_images
}

setup() {
	if [ -n "$E2E_SKIP" ]; then
		skip "$E2E_SKIP"
	fi
}

teardown_file() {
	[ -n "${E2E_ID:-}" ] || return 0
	# podman kube play's pods carry no label: by name
	pm pod ps -q --filter "name=^minit-$E2E_ID-" | xargs -r podman pod rm -f -t 0 >/dev/null
	pm ps -aq --filter "label=minit-e2e=$E2E_ID" | xargs -r podman rm -f -t 0 >/dev/null
	pm images -q --filter "label=minit-e2e=$E2E_ID" | sort -u |
		xargs -r podman rmi -f >/dev/null
	local left
	left=$(pm ps -aq --filter "label=minit-e2e=$E2E_ID"; pm images -q --filter "label=minit-e2e=$E2E_ID")
	if [ -n "$left" ]; then
		echo "e2e: left behind: $left" >&2
		return 1
	fi
}

pbuild() {		# pbuild TAG CONTEXT [FILE]
	pm build --pull=never --layers=false -q --label "minit-e2e=$E2E_ID" \
	    -t "$1" -f "${3:-$2/Containerfile}" "$2" >/dev/null
}

build_images() {
	local ctx=$BATS_FILE_TMPDIR/ctx n
	mkdir -p "$ctx/minit" "$ctx/app"

	# minit image: docker/Dockerfile's final stage, verbatim but for the
	# source of the one COPY (the builder stage's /out/ here is a folder of
	# the context, laid out by the same builder.sh).
	(cd "$TOP" && MINIT="$MINIT" docker/builder.sh install "$ctx/minit/out")
	awk '/^FROM scratch AS minit$/ { p = 1 } p' "$TOP/docker/Dockerfile" |
		sed 's#^COPY --from=builder /out/ /$#COPY out/ /#' > "$ctx/minit/Containerfile"
	n=$(grep -c '^COPY' "$ctx/minit/Containerfile")
	if [ "$n" != 1 ] || ! grep -q '^COPY out/ /$' "$ctx/minit/Containerfile"; then
		echo "e2e: docker/Dockerfile's final stage changed shape:" >&2
		cat "$ctx/minit/Containerfile" >&2
		return 1
	fi
	pbuild "$IMG_MINIT" "$ctx/minit"

	# app image: what a user writes (docs/docker.md, example 1).
	mkroot "$ctx/app/root"
	rm "$ctx/app/root/minit"
	cat > "$ctx/app/Containerfile" <<EOF
FROM scratch
COPY --from=$IMG_MINIT /minit /minit
COPY root/ /
ENTRYPOINT ["/minit", "--user", "app", "--"]
CMD ["/t/probe", "status"]
EOF
	pbuild "$IMG_APP" "$ctx/app"

	# T22: minit installed setuid root, or with a file capability.  COPY
	# keeps the security.capability xattr; --chmod sets the setuid bit that
	# a plain COPY drops.  suid-probe checks the precondition.
	mkdir -p "$ctx/suid"
	cp "$MINIT" "$ctx/suid/minit-fcap"
	setcap cap_setuid+ep "$ctx/suid/minit-fcap"
	cp "$TBIN/probe" "$ctx/suid/fcap-probe"
	setcap cap_setuid+ep "$ctx/suid/fcap-probe"
	cat > "$ctx/suid/Containerfile" <<EOF
FROM $IMG_APP
COPY --from=$IMG_MINIT --chmod=4755 /minit /minit-suid
COPY --chmod=4755 --from=$IMG_APP /t/probe /t/suid-probe
COPY minit-fcap fcap-probe /t/
EOF
	pbuild "$IMG_SUID" "$ctx/suid"

	# docker/examples/scratch: its final stage verbatim, but for the
	# sources of its two COPYs; hello.c built static with the release
	# build's musl specs (the example builds it on Alpine).
	mkdir -p "$ctx/hello"
	gcc -specs "$TOP/build/musl-static-pie.specs" -std=c11 -O2 -Wall -Wextra \
	    -Werror -fPIE -o "$ctx/hello/hello" "$TOP/docker/examples/scratch/hello.c"
	awk '/^FROM scratch$/ { p = 1 } p' "$TOP/docker/examples/scratch/Dockerfile" |
		sed -e "s#^COPY --from=minit /minit /minit\$#COPY --from=$IMG_MINIT /minit /minit#" \
		    -e 's#^COPY --from=build /hello /hello$#COPY hello /hello#' \
		> "$ctx/hello/Containerfile"
	if grep -q -- '--from=build' "$ctx/hello/Containerfile" ||
	    ! grep -q "^COPY --from=$IMG_MINIT " "$ctx/hello/Containerfile"; then
		echo "e2e: docker/examples/scratch changed shape" >&2
		return 1
	fi
	pbuild "$IMG_HELLO" "$ctx/hello"
}

# prun_rc ARGS...: prun, then its status as a line "rc=N" (bats warns on a
# bare 127, and run -127 would hide the output of a failure).
prun_rc() {
	local rc=0
	prun "$@" 2>&1 || rc=$?
	echo "rc=$rc"
}

# wait_log CONTAINER REGEX: up to 10 s for a line of its log.
wait_log() {
	local _
	for _ in $(seq 100); do
		pm logs "$1" 2>&1 | grep -Eq -- "$2" && return 0
		sleep 0.1
	done
	echo "no /$2/ in the log of $1:" >&2
	pm logs "$1" >&2
	return 1
}

# host_pid CONTAINER: minit's pid on the host.
host_pid() {
	pm inspect --format '{{.State.Pid}}' "$1"
}

# Assert a /proc status text in $output: the app's uid 1000 and nothing else.
assert_dropped() {
	local c
	assert_line_has '^Uid:[[:space:]]+1000[[:space:]]+1000[[:space:]]+1000[[:space:]]+1000$'
	assert_line_has '^Gid:[[:space:]]+1000[[:space:]]+1000[[:space:]]+1000[[:space:]]+1000$'
	for c in CapInh CapPrm CapEff CapBnd CapAmb; do
		assert_line_has "^$c:[[:space:]]+0000000000000000$"
	done
	assert_line_has '^NoNewPrivs:[[:space:]]+1$'
}

@test "e2e: the minit image holds /minit and its licences, nothing else" {
	local d=$BATS_TEST_TMPDIR/save
	mkdir -p "$d"
	pm save -q --format docker-archive -o "$d/img.tar" "$IMG_MINIT"
	tar -C "$d" -xf "$d/img.tar"
	run sh -c "find '$d' -name '*.tar' ! -path '$d/img.tar' | while read -r l; do tar -tf \"\$l\"; done | sed 's#^\./##; s#/\$##' | sort -u"
	assert_status 0
	assert_line_has '^minit$'
	assert_line_has '^usr/share/doc/minit/LGPL-2\.1\.txt$'
	assert_line_has '^usr/share/doc/minit/musl-copyright\.txt$'
	refute_line_has '^(bin|etc|lib|usr/bin|usr/lib|sbin)/'
	run grep -Ev '^(minit|usr|usr/share|usr/share/doc|usr/share/doc/minit|usr/share/doc/minit/(LICENSE|THIRD_PARTY\.md|LGPL-2\.1\.txt|musl-copyright\.txt))$' <<<"$output"
	assert_status 1	# no other path
}

@test "e2e: docker/examples/scratch runs as 65534:65534 and stops on SIGTERM" {
	local c=minit-$E2E_ID-hello
	prun -d --name "$c" "${E2E_RO[@]}" "${E2E_OUTER[@]}" "$IMG_HELLO" >/dev/null
	wait_log "$c" '^hello from pid [0-9]+, uid 65534, gid 65534$'
	pm stop -t 30 "$c" >/dev/null
	run pm logs "$c"
	assert_line_has '^signal 15: bye$'
	run pm inspect --format '{{.State.ExitCode}}' "$c"
	[ "$output" = 0 ]
}

@test "e2e: exit codes pass through podman (T51)" {
	run prun --rm "${E2E_RO[@]}" "$IMG_APP" /bin/sh -c 'exit 7'
	assert_status 7
	run prun --rm "${E2E_RO[@]}" "$IMG_APP" /bin/sh -c 'kill -TERM $$'
	assert_status 143
	run prun_rc --rm "${E2E_RO[@]}" "$IMG_APP" nonexistent
	assert_line_has '^rc=127$'
	assert_line_has '^minit: exec nonexistent: '
}

@test "e2e: a missing PROGRAM given by path exits 127, not 125 (T29 P29)" {
	run prun_rc --rm "${E2E_RO[@]}" "$IMG_APP" /nonexistent
	assert_line_has '^rc=127$'
	assert_line_has '^minit: .*/nonexistent: No such file or directory'
}

@test "e2e: app runs as the named user with no capabilities (T01 T15 T23)" {
	run prun --rm "${E2E_RO[@]}" "${E2E_OWN[@]}" "$IMG_APP"
	assert_status 0
	assert_dropped
	assert_line_has '^Groups:[[:space:]]+1000 2000 ?$'
	assert_line_has '^Seccomp:[[:space:]]+2$'
}

@test "e2e: Seccomp 2 for app and PID 1, PID 1 holds nothing (P25 T24)" {
	local c=minit-$E2E_ID-pid1 pid app
	prun -d --name "$c" "${E2E_RO[@]}" "${E2E_OWN[@]}" "$IMG_APP" \
	    /t/probe wait-signal 60 >/dev/null
	wait_log "$c" '^ready$'
	pid=$(host_pid "$c")
	app=$(cat "/proc/$pid/task/$pid/children")
	run cat "/proc/$pid/status"
	assert_dropped
	assert_line_has '^Seccomp:[[:space:]]+2$'
	assert_line_has '^Threads:[[:space:]]+1$'
	run cat "/proc/${app%% *}/status"
	assert_dropped
	assert_line_has '^Seccomp:[[:space:]]+2$'
	pm stop -t 5 "$c" >/dev/null
}

@test "e2e: the app cannot ptrace PID 1 although they share a uid (T43 P25)" {
	# --seccomp off, so only PID 1's non-dumpable state is measured
	run prun --rm "${E2E_RO[@]}" --entrypoint /minit "$IMG_APP" \
	    --user app --seccomp off -- /t/probe ptrace 1
	assert_status 1
	assert_line_has '^ptrace failed errno=1$'
}

@test "e2e: podman stop delivers SIGTERM to the app, exit well before the timeout (T45)" {
	local c=minit-$E2E_ID-stop t0 t1
	prun -d --name "$c" "${E2E_RO[@]}" "$IMG_APP" /t/probe wait-signal 60 >/dev/null
	wait_log "$c" '^ready$'
	t0=$(date +%s%N)
	pm stop -t 30 "$c" >/dev/null
	t1=$(date +%s%N)
	run pm inspect --format '{{.State.ExitCode}}' "$c"
	assert_status 0
	[ "$output" = 0 ]	# probe exits 0 on SIGTERM: the app's own code
	run pm logs "$c"
	assert_line_has '^got 15 code 0$'	# SI_USER from PID 1
	echo "stop took $(( (t1 - t0) / 1000000 )) ms" >&2
	[ $(( (t1 - t0) / 1000000 )) -lt 5000 ]
}

@test "e2e: podman stop of an app that dies from SIGTERM exits 143" {
	local c=minit-$E2E_ID-stop143 t0 t1
	prun -d --name "$c" "${E2E_RO[@]}" "$IMG_APP" /t/probe sleep 60 >/dev/null
	sleep 0.5
	t0=$(date +%s%N)
	pm stop -t 30 "$c" >/dev/null
	t1=$(date +%s%N)
	run pm inspect --format '{{.State.ExitCode}}' "$c"
	[ "$output" = 143 ]
	[ $(( (t1 - t0) / 1000000 )) -lt 5000 ]
}

@test "e2e: podman kill -s HUP and the other signals reach the app (T46)" {
	local c=minit-$E2E_ID-sig s n=0 want=
	prun -d --name "$c" "${E2E_RO[@]}" "$IMG_APP" /t/probe wait-signal 60 >/dev/null
	wait_log "$c" '^ready$'
	for s in HUP INT QUIT USR1 USR2 WINCH CONT ALRM PIPE; do
		pm kill -s "$s" "$c" >/dev/null
		n=$(kill -l "$s")
		wait_log "$c" "^got $n "
		want="$want $n"
	done
	run pm inspect --format '{{.State.Running}}' "$c"
	[ "$output" = true ]
	run sh -c "podman logs '$c' | sed -n 's/^got \\([0-9]*\\) .*/\\1/p' | tr '\\n' ' '"
	[ "$output" = "${want# } " ]
	pm stop -t 10 "$c" >/dev/null
	run pm inspect --format '{{.State.ExitCode}}' "$c"
	[ "$output" = 0 ]
}

@test "e2e: zombies are reaped inside the container (T50)" {
	run prun --rm "${E2E_RO[@]}" "$IMG_APP" /bin/sh -c \
	    '/t/probe orphans 50 && sleep 1 && /t/probe pids'
	assert_status 0
	assert_line_has '^spawned 50 orphans$'
	assert_line_has '^processes=[0-9]+ zombies=0$'
}

@test "e2e: without --read-only the same image is refused with 125 (T55)" {
	run prun --rm "$IMG_APP" /bin/echo RAN
	assert_status 125
	assert_line_has '^minit: .*--read-only'
	refute_line_has '^RAN$'
}

@test "e2e: --audit passes in the hardened run" {
	run prun --rm "${E2E_RO[@]}" "${E2E_OUTER[@]}" --entrypoint /minit "$IMG_APP" \
	    --audit --user app -- /t/probe status
	assert_status 0
}

@test "e2e: the recommended outer layer and minit together (docs/docker.md)" {
	run prun --rm "${E2E_RO[@]}" "${E2E_OUTER[@]}" "$IMG_APP"
	assert_status 0
	assert_dropped
	assert_line_has '^Seccomp:[[:space:]]+2$'
	# runtime filter + minit's own
	assert_line_has '^Seccomp_filters:[[:space:]]+([2-9]|[1-9][0-9]+)$'
}

@test "e2e: --require-noexec passes with a noexec /tmp, refuses podman's default tmpfs (P31)" {
	run prun --rm "${E2E_RO[@]}" --entrypoint /minit "$IMG_APP" \
	    --require-noexec --user app -- /bin/echo RAN
	assert_status 0
	assert_line_has '^RAN$'
	# plain --read-only: podman adds /tmp, /run and /var/tmp without noexec
	run prun --rm --read-only --entrypoint /minit "$IMG_APP" \
	    --require-noexec --user app -- /bin/echo RAN
	assert_status 125
	assert_line_has '^minit: rootfs: .*(/tmp|/run|/var/tmp)'
	refute_line_has '^RAN$'
}

@test "e2e: --landlock: no exec from podman's exec /tmp, writes only beneath --writable; control: both without" {
	local app='cp /t/probe /tmp/p && /t/probe exec /tmp/p try getpid; /t/probe write /var/tmp/x; /t/probe write /tmp/y'
	# plain --read-only: podman's /tmp and /var/tmp are tmpfs without noexec
	run prun --rm --read-only --entrypoint /minit "$IMG_APP" --user app -- /bin/sh -c "$app"
	assert_line_has '^getpid ok$'
	[ "$(grep -c '^write ok$' <<<"$output")" -eq 2 ]
	run prun --rm --read-only --entrypoint /minit "$IMG_APP" \
	    --landlock --writable /tmp --user app -- /bin/sh -c "$app"
	assert_line_has '^exec errno=13$'
	assert_line_has '^write errno=13$'	# /var/tmp
	assert_line_has '^write ok$'		# /tmp
	refute_line_has '^getpid ok$'
}

@test "e2e: --landlock --audit passes under the recommended outer layer (the runtime's seccomp profile)" {
	run prun --rm "${E2E_RO[@]}" "${E2E_OUTER[@]}" --entrypoint /minit "$IMG_APP" \
	    --audit --landlock --writable /tmp --user app -- /t/probe status
	assert_status 0
	assert_line_has '^pass  landlock.ruleset +in force: '
}

# A root-only 0400 env file, bind-mounted read-only as Kubernetes mounts a
# Secret.  (podman 4.3's --secret fails with --read-only under runc: it
# cannot create the mount point below /run/secrets.)
secret_file() {
	local f=$BATS_TEST_TMPDIR/app.env
	printf '# e2e secret\nSECRET_TOKEN=tok-%s\n' "$E2E_ID" > "$f"
	chown 0:0 "$f"
	chmod 0400 "$f"
	echo "$f"
}

@test "e2e: a root-only env file reaches the app's environment, unreadable by the app (T59 P33)" {
	local f
	f=$(secret_file)
	run prun --rm "${E2E_RO[@]}" "${E2E_OUTER[@]}" -v "$f:/secrets/app.env:ro" \
	    --entrypoint /minit "$IMG_APP" --user app --env-file /secrets/app.env -- \
	    /bin/sh -c '/t/probe env SECRET_TOKEN; /t/probe read /secrets/app.env; id -u'
	assert_status 0
	assert_line_has "^SECRET_TOKEN=tok-$E2E_ID\$"
	assert_line_has '^read errno=13$'
	assert_line_has '^1000$'
}

@test "e2e: the secret is not visible through PID 1 (T60 P34)" {
	local f c=minit-$E2E_ID-t60
	f=$(secret_file)
	prun -d --name "$c" "${E2E_RO[@]}" -v "$f:/secrets/app.env:ro" \
	    --entrypoint /minit "$IMG_APP" --user app --env-file /secrets/app.env -- \
	    /t/probe wait-signal 60 >/dev/null
	wait_log "$c" '^ready$'
	# as the app's uid (podman exec bypasses minit: P39)
	run pm exec --user 1000:1000 "$c" /t/probe read /proc/1/environ
	assert_line_has '^read errno=13$'
	# as root: minit's own environment and command line hold no secret
	run pm exec "$c" /bin/sh -c 'tr "\0" "\n" </proc/1/environ; tr "\0" " " </proc/1/cmdline'
	assert_status 0
	refute_line_has "tok-$E2E_ID"
	assert_line_has '--env-file /secrets/app.env'
	pm stop -t 5 "$c" >/dev/null
}

@test "e2e: missing CAP_SETGID refuses (T12)" {
	run prun --rm "${E2E_RO[@]}" --cap-drop SETGID "$IMG_APP" /bin/echo RAN
	assert_status 125
	assert_line_has '^minit: '
	refute_line_has '^RAN$'
}

@test "e2e: missing CAP_SETUID refuses (T13)" {
	run prun --rm "${E2E_RO[@]}" --cap-drop SETUID "$IMG_APP" /bin/echo RAN
	assert_status 125
	assert_line_has '^minit: '
	refute_line_has '^RAN$'
}

@test "e2e: runtime-provided inheritable and ambient caps are cleared (T14 P06)" {
	# Precondition: podman hands a non-root user ambient capabilities.
	run prun --rm "${E2E_RO[@]}" --user 1000:1000 --cap-add NET_BIND_SERVICE \
	    --entrypoint /t/probe "$IMG_APP" status
	assert_status 0
	assert_line_has '^CapAmb:[[:space:]]+0000000000000400$'
	assert_line_has '^CapInh:[[:space:]]+0000000000000400$'
	# minit started as that same user: the app gets none of them.  Without
	# CAP_SETPCAP nobody can shrink the bounding set; no_new_privs keeps it
	# unusable.  Started non-root that is the normal case: quiet, and said
	# under -v (a root start says it always, T16).
	run prun --rm "${E2E_RO[@]}" --user 1000:1000 --cap-add NET_BIND_SERVICE "$IMG_APP"
	assert_status 0
	for c in CapInh CapPrm CapEff CapAmb; do
		assert_line_has "^$c:[[:space:]]+0000000000000000$"
	done
	assert_line_has '^Uid:[[:space:]]+1000[[:space:]]+1000[[:space:]]+1000[[:space:]]+1000$'
	assert_line_has '^NoNewPrivs:[[:space:]]+1$'
	refute_line_has '^minit:'
	run prun --rm "${E2E_RO[@]}" --user 1000:1000 --cap-add NET_BIND_SERVICE \
	    --entrypoint /minit "$IMG_APP" -v --user app -- /t/probe status
	assert_status 0
	assert_line_has "^CapAmb:[[:space:]]+0000000000000000$"
	assert_line_has '^minit: privdrop: no CAP_SETPCAP: bounding set left as it is'
}

@test "e2e: minit installed setuid root refuses (T22 P41)" {
	# Precondition: the setuid bit works in this image (not nosuid, no NNP).
	run prun --rm "${E2E_RO[@]}" --user 1000:1000 --entrypoint /t/suid-probe "$IMG_SUID" status
	assert_line_has '^Uid:[[:space:]]+1000[[:space:]]+0[[:space:]]+0[[:space:]]+0$'
	run prun --rm "${E2E_RO[@]}" --user 1000:1000 --entrypoint /minit-suid "$IMG_SUID" \
	    -- /bin/echo RAN
	assert_status 125
	assert_line_has '^minit: '
	refute_line_has '^RAN$'
}

@test "e2e: minit installed with file capabilities refuses (T22 P41)" {
	# Precondition: the file capability works in this image.
	run prun --rm "${E2E_RO[@]}" --user 1000:1000 --entrypoint /t/fcap-probe "$IMG_SUID" status
	assert_line_has '^CapEff:[[:space:]]+0000000000000080$'
	run prun --rm "${E2E_RO[@]}" --user 1000:1000 --entrypoint /t/minit-fcap "$IMG_SUID" \
	    -- /bin/echo RAN
	assert_status 125
	assert_line_has '^minit: '
	refute_line_has '^RAN$'
}

@test "e2e: an outer seccomp profile that denies seccomp makes minit refuse (T36 P39)" {
	local p=$BATS_TEST_TMPDIR/deny-seccomp.json
	# prctl(PR_SET_SECCOMP = 22) and seccomp(2) fail with EPERM.
	cat > "$p" <<'EOF'
{
	"defaultAction": "SCMP_ACT_ALLOW",
	"syscalls": [
		{ "names": ["seccomp"], "action": "SCMP_ACT_ERRNO", "errnoRet": 1 },
		{ "names": ["prctl"], "action": "SCMP_ACT_ERRNO", "errnoRet": 1,
		  "args": [ { "index": 0, "value": 22, "op": "SCMP_CMP_EQ" } ] }
	]
}
EOF
	# Precondition: the profile loads and the app runs under it.
	run prun --rm "${E2E_RO[@]}" --security-opt "seccomp=$p" \
	    --entrypoint /bin/echo "$IMG_APP" RAN
	assert_status 0
	assert_line_has '^RAN$'
	run prun --rm "${E2E_RO[@]}" --security-opt "seccomp=$p" "$IMG_APP" /bin/echo RAN
	assert_status 125
	assert_line_has '^minit: '
	refute_line_has '^RAN$'
}

# --- started non-root: Kubernetes "restricted", OpenShift, docker run --user
# (issue 15)

# kube_yaml FILE NAME SECRETDIR ARGS: docker/examples/kubernetes/FILE as this
# machine can play it, in $BATS_TEST_TMPDIR/NAME.yaml.  Every
# securityContext field is kept as written.  Changed: the image (the local
# app image), args (the probes), the pod name, no ports (--network none),
# and the Secret volume: podman 4.3.1's kube play panics on a secret volume
# (nil pointer in kube.VolumeFromSecret), so it becomes a hostPath folder
# SECRETDIR that the test fills with the kubelet's own layout, ownership
# and mode (kube_secret).  Each change is checked to have happened once.
kube_yaml() {
	local f=$TOP/docker/examples/kubernetes/$1 out=$BATS_TEST_TMPDIR/$2.yaml
	awk 'f; /^---$/ { f = 1 }' "$f" | sed \
	    -e "s#^\( *image: \)registry\.example/hello-python@sha256:0*\$#\1$IMG_APP#" \
	    -e "s#^\( *args: \)\[\"python3\", \"/srv/app.py\"\]\$#\1$4#" \
	    -e 's#^\( *\)secret:$#\1hostPath:#' \
	    -e "s#^\( *\)secretName: hello-python-[a-z]*\$#\1path: $3#" \
	    -e 's#^\( *\)defaultMode: 0[0-7]*$#\1type: Directory#' \
	    -e '/^ *ports:$/d' -e '/^ *- containerPort: 8080$/d' \
	    -e "s#^\(  name: \)hello-python\$#\1$2#" > "$out"
	if [ "$(grep -c "image: $IMG_APP\$" "$out")" != 1 ] ||
	    [ "$(grep -c '^ *hostPath:$' "$out")" != 1 ] ||
	    [ "$(grep -c "^ *path: $3\$" "$out")" != 1 ] ||
	    [ "$(grep -c '^ *type: Directory$' "$out")" != 1 ] ||
	    [ "$(grep -c "^  name: $2\$" "$out")" != 1 ] ||
	    ! grep -q '^ *args: \["/bin/sh"' "$out" ||
	    grep -Eq 'kind: Secret|image: registry|secretName|defaultMode|containerPort' "$out"; then
		echo "e2e: docker/examples/kubernetes/$1 changed shape:" >&2
		cat "$out" >&2
		return 1
	fi
	echo "$out"
}

# kube_secret DIR UID:GID MODE KEY=VALUE...: the Secret volume as the kubelet
# writes it: the files in ..TIMESTAMP/, ..data pointing there, one link
# per key; files owned UID:GID (root and fsGroup) with MODE.
kube_secret() {
	local d=$1 own=$2 mode=$3 ts=..2026_12_04_17_00_00.123456789 kv
	shift 3
	mkdir -p "$d/$ts"
	for kv in "$@"; do
		printf '%s\n' "${kv#*=}" > "$d/$ts/${kv%%=*}"
		ln -s "..data/${kv%%=*}" "$d/${kv%%=*}"
	done
	ln -s "$ts" "$d/..data"
	chown -R "$own" "$d/$ts"
	chmod "$mode" "$d/$ts"/*
	chmod 0755 "$d" "$d/$ts"
}

# kube_play YAML: podman kube play, with podman's per-container ulimits
# lowered to what this machine allows (E2E_RUN's; kube play has no flag
# for them, containers.conf does).
kube_play() {
	local conf=$BATS_TEST_TMPDIR/containers.conf
	printf '[containers]\ndefault_ulimits = ["nofile=20000:20000", "nproc=4096:4096"]\n' > "$conf"
	CONTAINERS_CONF=$conf pm kube play --network none "$1" >/dev/null
}

# What the app prints from inside, in sections: its secret, the secret
# file read by the app itself, its own status, PID 1's status.
KUBE_PROBE='["/bin/sh", "-c", "echo TOKEN=[$APP_TOKEN]; echo == file; /t/probe read $SECRET_FILE; echo; echo == app; /t/probe status; echo == pid1; /t/probe read /proc/1/status; echo == end; exec /t/probe wait-signal 120"]'

# section NAME: the lines of $output between "== NAME" and the next "=="
section() {
	awk -v s="== $1" '$0 == s { p = 1; next } /^== / { p = 0 } p' <<<"$output"
}

# assert_ids_nocaps UID GID: $output (one status) has those ids in every
# slot, no capability in any set, no_new_privs and a seccomp filter.
assert_ids_nocaps() {
	local c
	assert_line_has "^Uid:[[:space:]]+$1[[:space:]]+$1[[:space:]]+$1[[:space:]]+$1\$"
	assert_line_has "^Gid:[[:space:]]+$2[[:space:]]+$2[[:space:]]+$2[[:space:]]+$2\$"
	for c in CapInh CapPrm CapEff CapBnd CapAmb; do
		assert_line_has "^$c:[[:space:]]+0000000000000000\$"
	done
	assert_line_has '^NoNewPrivs:[[:space:]]+1$'
	assert_line_has '^Seccomp:[[:space:]]+2$'
}

@test "e2e: docker/examples/kubernetes/deployment.yaml (restricted) with podman kube play: uid 10001, no caps, NNP, seccomp, the secret" {
	local sec=$BATS_TEST_TMPDIR/secret name=minit-$E2E_ID-restricted y all
	# fsGroup 10001, defaultMode 0440: root:10001 0440, as the kubelet
	kube_secret "$sec" 0:10001 0440 "APP_TOKEN=tok-$E2E_ID"
	y=$(kube_yaml deployment.yaml "$name" "$sec" "${KUBE_PROBE//\$SECRET_FILE//run/secrets/app/APP_TOKEN}")
	kube_play "$y"
	wait_log "$name-pod-0-app" '^ready$'
	run pm logs "$name-pod-0-app"
	all=$output
	assert_line_has "^TOKEN=\[tok-$E2E_ID\]\$"
	# the runtime's outer layer, as podman applied the securityContext
	run pm inspect --format '{{.HostConfig.ReadonlyRootfs}} {{.Config.User}} {{.HostConfig.SecurityOpt}}' "$name-pod-0-app"
	assert_line_has '^true 10001:10001 .*no-new-privileges'
	output=$(output=$all section app)
	assert_ids_nocaps 10001 10001
	assert_line_has '^Seccomp_filters:[[:space:]]+([2-9]|[1-9][0-9]+)$'	# RuntimeDefault + minit's
	output=$(output=$all section pid1)
	assert_ids_nocaps 10001 10001
	assert_line_has '^Name:[[:space:]]+minit$'
	# restricted: minit and the app share the uid, so the app can read
	# the file too (deployment-root.yaml is the variant where it cannot)
	output=$(output=$all section file)
	assert_line_has "^tok-$E2E_ID\$"
	pm pod rm -f -t 5 "$name-pod-0" >/dev/null
}

@test "e2e: docker/examples/kubernetes/deployment-root.yaml with podman kube play: dropped to app, the 0400 secret unreadable by the app" {
	local sec=$BATS_TEST_TMPDIR/secret name=minit-$E2E_ID-root y all
	kube_secret "$sec" 0:0 0400 "app.env=APP_TOKEN=tok-$E2E_ID"
	y=$(kube_yaml deployment-root.yaml "$name" "$sec" "${KUBE_PROBE//\$SECRET_FILE//run/secrets/app/app.env}")
	kube_play "$y"
	wait_log "$name-pod-0-app" '^ready$'
	run pm logs "$name-pod-0-app"
	all=$output
	assert_line_has "^TOKEN=\[tok-$E2E_ID\]\$"
	output=$(output=$all section app)
	assert_ids_nocaps 1000 1000	# the test image's app
	output=$(output=$all section pid1)
	assert_ids_nocaps 1000 1000
	output=$(output=$all section file)
	assert_line_has '^read errno=13$'
	pm pod rm -f -t 5 "$name-pod-0" >/dev/null
}

@test "e2e: OpenShift-style podman run --user 1000680000:0: the image's --user app is satisfied, hardened, quiet" {
	local c=minit-$E2E_ID-openshift pid app
	# restricted-v2 SCC: every capability dropped, no_new_privs
	prun -d --name "$c" "${E2E_RO[@]}" --user 1000680000:0 --cap-drop ALL \
	    --security-opt no-new-privileges "$IMG_APP" /t/probe wait-signal 60 >/dev/null
	wait_log "$c" '^ready$'
	run pm logs "$c"
	refute_line_has '^minit:'
	pid=$(host_pid "$c")
	app=$(cat "/proc/$pid/task/$pid/children")
	run cat "/proc/$pid/status"
	assert_ids_nocaps 1000680000 0
	run cat "/proc/${app%% *}/status"
	assert_ids_nocaps 1000680000 0
	pm stop -t 5 "$c" >/dev/null
	run prun --rm "${E2E_RO[@]}" --user 1000680000:0 --cap-drop ALL --entrypoint /minit \
	    "$IMG_APP" --audit --user app -- /t/probe status
	assert_status 0
	assert_line_has '^info  identity.runtime_user +uid chosen by the runtime: 1000680000 \(image asked for app\)$'
	# control: --exact-user refuses the same start, one line, 125
	run prun --rm "${E2E_RO[@]}" --user 1000680000:0 --cap-drop ALL --entrypoint /minit \
	    "$IMG_APP" --exact-user --user app -- /bin/echo RAN
	assert_status 125
	refute_line_has '^RAN$'
	[ "${#lines[@]}" -eq 1 ]
	assert_line_has '^minit: privdrop: --exact-user: --user app is uid 1000, but minit was started as uid 1000680000'
}

@test "e2e: docker run --user by name and by number: the runtime's ids, HOME from passwd or /" {
	local c
	# by name: podman resolves app in the image's /etc/passwd
	run prun --rm "${E2E_RO[@]}" --user app "$IMG_APP" /bin/sh -c 'echo "U=$(id -u):$(id -g) H=$HOME"; /t/probe status'
	assert_status 0
	assert_line_has '^U=1000:1000 H=/home/app$'
	assert_line_has '^NoNewPrivs:[[:space:]]+1$'
	assert_line_has '^Seccomp:[[:space:]]+2$'
	for c in CapInh CapPrm CapEff CapAmb; do
		assert_line_has "^$c:[[:space:]]+0000000000000000\$"
	done
	refute_line_has '^minit:'
	# by number, no passwd entry: podman gives gid 0 and HOME=/
	run prun --rm "${E2E_RO[@]}" --user 4321 "$IMG_APP" /bin/sh -c 'echo "U=$(id -u):$(id -g) H=$HOME"; /t/probe status'
	assert_status 0
	assert_line_has '^U=4321:0 H=/$'
	assert_line_has '^NoNewPrivs:[[:space:]]+1$'
	assert_line_has '^Seccomp:[[:space:]]+2$'
	refute_line_has '^minit:'
}

@test "e2e: non-root start, --cap-add NET_BIND_SERVICE: --cap keeps it for the app (ambient); refused when not granted" {
	run prun --rm "${E2E_RO[@]}" --user 1000:1000 --cap-drop ALL --cap-add NET_BIND_SERVICE \
	    --entrypoint /minit "$IMG_APP" --user app --cap NET_BIND_SERVICE -- \
	    /bin/sh -c '/t/probe bind 80; /t/probe status'
	assert_status 0
	assert_line_has '^bind 80 ok$'
	assert_line_has '^CapAmb:[[:space:]]+0000000000000400$'
	assert_line_has '^CapEff:[[:space:]]+0000000000000400$'
	assert_line_has '^NoNewPrivs:[[:space:]]+1$'
	# control: granted but not kept, the app cannot bind port 80
	run prun --rm "${E2E_RO[@]}" --user 1000:1000 --cap-drop ALL --cap-add NET_BIND_SERVICE \
	    --entrypoint /minit "$IMG_APP" --user app -- /t/probe bind 80
	assert_status 1
	assert_line_has '^bind 80 errno=13$'
	# not granted: one line, 125
	run prun --rm "${E2E_RO[@]}" --user 1000:1000 --cap-drop ALL \
	    --entrypoint /minit "$IMG_APP" --user app --cap NET_BIND_SERVICE -- /bin/echo RAN
	assert_status 125
	refute_line_has '^RAN$'
	[ "${#lines[@]}" -eq 1 ]
	assert_line_has '^minit: privdrop: --cap net_bind_service: minit does not hold it, so PROGRAM cannot keep it'
}
