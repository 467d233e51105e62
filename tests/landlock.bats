#!/usr/bin/env bats
# --landlock (landlock.c, docs/landlock.md): the real binary as PID 1 on the
# read-only test root (ro_run), PROGRAM trying the forbidden thing, and each
# time the same probe without --landlock as the control that shows the
# probe can tell the difference.
load lib
bats_require_minimum_version 1.5.0

# An exec tmpfs on /data, writable by everyone, with a copy of the probe:
# what a platform mounts without noexec.
EXEC_DATA='mount -t tmpfs -o exec,nosuid,nodev,mode=1777,size=4m tmpfs "$R/data"; cp "$R/t/probe" "$R/data/p"'

setup_file() {
	setup_root
	mkdir -p "$BATS_FILE_TMPDIR/rw"
	printf '#!/bin/sh\necho script-ok\n' > "$R/t/script"
	chmod 755 "$R/t/script"
	printf 'include default\nkill landlock_create_ruleset landlock_add_rule landlock_restrict_self\n' \
	    > "$R/t/kill-landlock.profile"
	ABI=$("$TBIN/probe" landlock-abi)
	export ABI
}

need_abi() {	# need_abi N: skip below Landlock ABI N
	[ "$ABI" -ge "$1" ] || skip "this kernel's Landlock ABI is $ABI, the test needs $1"
}

@test "landlock: exec from an exec tmpfs is denied; control: it runs without --landlock" {
	need_abi 1
	run ro_run -x "$EXEC_DATA" -- --user app -- /t/probe exec /data/p try getpid
	assert_status 0
	assert_line_has '^getpid ok$'
	run ro_run -x "$EXEC_DATA" -- --user app --landlock -- /t/probe exec /data/p try getpid
	assert_status 1
	assert_line_has '^exec errno=13$'
	# --writable makes it writable, not executable
	run ro_run -x "$EXEC_DATA" -- --user app --landlock --writable /data -- \
	    /bin/sh -c 'cp /t/probe /data/q && chmod 755 /data/q && /t/probe exec /data/q try getpid'
	assert_status 1
	assert_line_has '^exec errno=13$'
}

@test "landlock: exec from the image (absolute, PATH, #! script) still works" {
	need_abi 1
	run ro_run -- --user app --landlock -- /bin/sh -c \
	    '/t/probe exec /t/probe try getpid && echo "$(id -u)" && env true && /t/script'
	assert_status 0
	assert_line_has '^getpid ok$'
	assert_line_has '^1000$'
	assert_line_has '^script-ok$'
}

@test "landlock: memfd exec is denied; control: it runs without --landlock" {
	need_abi 1
	run ro_run -- --user app -- /t/probe memfd-exec /t/probe
	assert_status 0
	assert_line_has '^getpid ok$'
	run ro_run -- --user app --landlock -- /t/probe memfd-exec /t/probe
	# the --require-noexec memfd rule of the seccomp side (seccomp_guard.c)
	assert_status 1
	assert_line_has '^memfd_create errno=1$'
}

@test "landlock: writes outside --writable are denied, inside allowed; control: allowed without" {
	need_abi 1
	run ro_run -x "$EXEC_DATA" -- --user app -- /t/probe write /tmp/x
	assert_status 0
	assert_line_has '^write ok$'
	run ro_run -x "$EXEC_DATA" -- --user app --landlock --writable /data -- /bin/sh -c \
	    '/t/probe write /tmp/x; /t/probe write /data/x; mkdir /data/d && /t/probe write /data/d/y &&
	     mv /data/d/y /data/z && rm /data/z && rmdir /data/d && echo tree-ok;
	     echo x > /dev/null && echo x > /dev/full; cat /dev/zero | head -c 3 | wc -c'
	assert_status 0
	assert_line_has '^write errno=13$'
	assert_line_has '^write ok$'
	assert_line_has '^tree-ok$'
	assert_line_has 'write error: No space left on device'	# /dev/full opened for writing
	assert_line_has '^3$'
	[ "$(grep -c '^write ok$' <<<"$output")" -eq 2 ]
	# a capability does not pass a Landlock denial
	run ro_run -- --user app --cap DAC_OVERRIDE --landlock -- /t/probe write /tmp/x
	assert_line_has '^write errno=13$'
	# a --writable file: that file only
	run ro_run -x "$EXEC_DATA; : > \"\$R/data/log\"; chmod 666 \"\$R/data/log\"" -- \
	    --user app --landlock --writable /data/log -- /bin/sh -c \
	    '/t/probe write /data/log; /t/probe write /data/other'
	assert_line_has '^write ok$'
	assert_line_has '^write errno=13$'
}

@test "landlock: reads of the image and ordinary work (fork, exec, pipes, threads, sockets) are unaffected" {
	need_abi 1
	run ro_run -- --user app --landlock -- /bin/sh -c \
	    '/t/probe read /etc/passwd | head -n 1; echo through-a-pipe | cat; /t/probe threads;
	     /t/probe try fork socket-inet; /t/probe bind 18080; ls /t | grep -c probe;
	     /t/probe listen-abstract minit-ll-inner 3 & sleep 0.5; /t/probe connect-abstract minit-ll-inner'
	assert_status 0
	assert_line_has '^root:x:0:0:'
	assert_line_has '^through-a-pipe$'
	assert_line_has '^threads ok$'
	assert_line_has '^fork ok$'
	assert_line_has '^socket-inet ok$'
	assert_line_has '^bind 18080 ok$'
	assert_line_has '^connect-abstract ok$'	# inside the domain: allowed
}

# A process of the same uid outside the domain, started before minit, and
# PID 1 itself: the signal scope (ABI 6) stops both.
SIBLING='setpriv --reuid=1000 --regid=1000 --clear-groups "$R/t/probe" sleep 20 & echo $! > "$R/tmp/sibling"'

@test "landlock: signals to PID 1 and to a process outside the domain are denied; control: allowed without" {
	need_abi 6
	run ro_run -x "$SIBLING" -- --user app -- /bin/sh -c \
	    '/t/probe kill "$(cat /tmp/sibling)" 0; /t/probe kill 1 0; /t/probe try fork'
	assert_line_has '^kill [0-9]+ ok errno=0$'
	run ro_run -x "$SIBLING" -- --user app --landlock -- /bin/sh -c \
	    '/t/probe kill "$(cat /tmp/sibling)" 0; /t/probe kill 1 0;
	     /t/probe sleep 5 & /t/probe kill $! 15 && wait'
	assert_line_has '^kill 1 failed errno=1$'
	# two denied (the sibling, PID 1); one allowed: its own child, inside
	[ "$(grep -c '^kill [0-9]* failed errno=1$' <<<"$output")" -eq 2 ]
	[ "$(grep -c '^kill [0-9]* ok errno=0$' <<<"$output")" -eq 1 ]
}

@test "landlock: abstract unix socket connects outside the domain are denied; control: allowed without" {
	need_abi 6
	local name=minit-ll-$$ pid
	"$TBIN/probe" listen-abstract "$name" 20 > "$BATS_TEST_TMPDIR/listener" &
	pid=$!
	for _ in $(seq 50); do grep -q listening "$BATS_TEST_TMPDIR/listener" && break; sleep 0.1; done
	run ro_run -- --user app -- /t/probe connect-abstract "$name"
	assert_line_has '^connect-abstract ok$'
	run ro_run -- --user app --landlock -- /t/probe connect-abstract "$name"
	kill "$pid"
	assert_status 1
	assert_line_has '^connect-abstract errno=1$'
}

@test "landlock: --allow-bind and --allow-connect limit TCP to their ports; control: any port without" {
	need_abi 4
	run ro_run -- --user app -- /bin/sh -c '/t/probe bind 18081; /t/probe connect 19'
	assert_line_has '^bind 18081 ok$'
	assert_line_has '^connect 19 errno=111$'
	run ro_run -- --user app --landlock --allow-bind 18080 --allow-connect 9 -- /bin/sh -c \
	    '/t/probe bind 18080; /t/probe bind 18081; /t/probe connect 9; /t/probe connect 19'
	assert_line_has '^bind 18080 ok$'
	assert_line_has '^bind 18081 errno=13$'
	assert_line_has '^connect 9 errno=111$'	# allowed: refused by nobody listening
	assert_line_has '^connect 19 errno=13$'
}

@test "landlock: bad --writable, --landlock and port values are refused with 125 and one line" {
	local args
	while IFS='|' read -r args want; do
		# shellcheck disable=SC2086
		run ro_run -- --user app $args -- /bin/echo RAN
		assert_status 125
		refute_line_has '^RAN$'
		assert_line_has "^minit: $want"
		[ "$(grep -c '^minit:' <<<"$output")" -eq 1 ] || { echo "$args: $output"; false; }
	done <<'EOF'
--landlock --writable /nonexistent|landlock: --writable /nonexistent: No such file or directory$
--landlock --writable /etc|landlock: --writable /etc: on a read-only mount$
--landlock --writable /dev/null|landlock: --writable /dev/null: not a directory or a regular file$
--landlock --writable /root-only/sub|landlock: --writable /root-only/sub: Permission denied$
--landlock --writable tmp|--writable: 'tmp': want an absolute path$
--writable /tmp|--writable, --allow-bind and --allow-connect go with --landlock$
--allow-bind 80|--writable, --allow-bind and --allow-connect go with --landlock$
--landlock=yes|--landlock=yes: want --landlock or --landlock=best-effort$
--landlock --allow-bind 0|--allow-bind: '0': want a TCP port, 1-65535$
--landlock --allow-connect 65536|--allow-connect: '65536': want a TCP port, 1-65535$
--landlock --allow-connect 4x|--allow-connect: '4x': want a TCP port, 1-65535$
EOF
}

@test "landlock: a read-only mount whose file system is writable elsewhere is not the image: refused" {
	need_abi 1
	# /data: a writable bind of the file system the test root is on
	run ro_run -x "mount --bind '$BATS_FILE_TMPDIR/rw' \"\$R/data\"" -- \
	    --user app --landlock -- /bin/echo RAN
	assert_status 125
	refute_line_has '^RAN$'
	assert_line_has '^minit: landlock: PROGRAM /bin/busybox is not on a read-only mount of the image'
	[ "$(grep -c '^minit:' <<<"$output")" -eq 1 ]
}

@test "landlock: a writable / has no image: refused; an interpreter still reads and runs a script (a documented limit)" {
	need_abi 1
	run ro_run -w -- --user app --allow-writable-root --landlock -- /bin/echo RAN
	assert_status 125
	refute_line_has '^RAN$'
	assert_line_has '^minit: landlock: PROGRAM /bin/busybox is not on a read-only mount of the image'
	run ro_run -- --user app --landlock --writable /tmp -- /bin/sh -c \
	    'printf "echo via-sh\n" > /tmp/s && sh /tmp/s'
	assert_status 0
	assert_line_has '^via-sh$'
}

@test "landlock: without Landlock (ENOSYS), --landlock refuses with 125; best-effort runs and says so" {
	run ro_run -p "$TBIN/nolandlock" -- --user app --landlock -- /bin/echo RAN
	assert_status 125
	refute_line_has '^RAN$'
	assert_line_has '^minit: landlock: the kernel has no Landlock: refusing to run PROGRAM'
	[ "$(grep -c '^minit:' <<<"$output")" -eq 1 ]
	run ro_run -p "$TBIN/nolandlock" -- --user app --landlock=best-effort --writable /tmp -- \
	    /bin/sh -c 'echo RAN; /t/probe write /tmp/x'
	assert_status 0
	assert_line_has '^RAN$'
	assert_line_has '^write ok$'	# no ruleset: nothing stopped it
	assert_line_has '^minit: landlock: warning: the kernel has no Landlock: --landlock=best-effort: PROGRAM runs without a Landlock ruleset$'
	run ro_run -p "$TBIN/nolandlock" -- --user app --landlock=best-effort --audit -- /t/probe exit 0
	assert_status 0
	assert_line_has '^info  landlock.abi +no Landlock here: Function not implemented$'
	assert_line_has '^info  landlock.ruleset +not in force: --landlock=best-effort, and no Landlock here$'
	assert_line_has '^info  landlock.policy +best-effort: '
}

@test "landlock: --audit reports the ABI, the ruleset in force and the policy; control: not in force without" {
	need_abi 1
	run ro_run -- --user app --audit -- /t/probe exit 0
	assert_status 0
	assert_line_has "^info  landlock.abi +ABI $ABI "
	assert_line_has '^info  landlock.ruleset +not asked for \(--landlock\); opening /proc/self/comm \(its own\) for writing: allowed$'
	assert_line_has '^info  landlock.policy +off$'
	run ro_run -- --user app --landlock --writable /tmp --audit -- /t/probe exit 0
	assert_status 0
	assert_line_has '^pass  landlock.ruleset +in force: opening /proc/self/comm \(its own\) for writing: Permission denied$'
	assert_line_has '^info  landlock.policy +strict: exec on read-only mounts only; write /tmp,/dev/null,'
	run ro_run -- --user app --landlock --writable /tmp --allow-connect 443 \
	    --audit --json -- /t/probe exit 0
	assert_status 0
	python3 -c '
import json, sys
c = json.loads(sys.argv[1])["checks"]
assert c["landlock.abi"]["value"]["abi"] == int(sys.argv[2]), c["landlock.abi"]
assert c["landlock.ruleset"] == {"status": "pass", "value": True, "reason": c["landlock.ruleset"]["reason"]}
p = c["landlock.policy"]["value"]
assert p["mode"] == "strict" and p["writable"] == ["/tmp"], p
assert "execute" in p["handled"] and "write_file" in p["handled"], p
assert p["bind_tcp"] is None and p["connect_tcp"] == [443], p
' "$output" "$ABI"
}

@test "landlock: enforced before the seccomp filter, so a profile that kills the Landlock calls neither stops it nor kills the audit" {
	need_abi 1
	run ro_run -- --user app --landlock --seccomp /t/kill-landlock.profile -- /t/probe write /tmp/x
	assert_status 1
	assert_line_has '^write errno=13$'
	run ro_run -- --user app --landlock --seccomp /t/kill-landlock.profile --audit -- /t/probe exit 0
	assert_status 0
	assert_line_has '^info  landlock.abi +unknown: the query died'
	assert_line_has '^pass  landlock.ruleset +in force: '
}

@test "landlock: the terminal on fds 0-2 can be opened again for writing, other devices cannot; control: /dev/urandom without" {
	need_abi 1
	command -v script >/dev/null || skip "script(1) not installed"
	run ro_run -- --user app -- /t/probe write /dev/urandom
	assert_line_has '^write ok$'
	# script(1) gives a pseudo-terminal; PROGRAM's user owns it here
	run script -qec "chown 1000 \"\$(tty)\" && ro_run -- --user app --landlock -- /bin/sh -c \
	    '/t/probe write /proc/self/fd/1; /t/probe write /dev/urandom'" /dev/null
	assert_line_has '^write ok'
	assert_line_has '^write errno=13'
}

@test "landlock: -v says the ABI, the number of rules and the time it took" {
	need_abi 1
	run ro_run -- --user app --landlock -v -- /t/probe exit 0
	assert_status 0
	assert_line_has "^minit: landlock: ABI $ABI, [0-9]+ rules, built and enforced in [0-9]+ us$"
}
