#!/usr/bin/env bats
# privdrop: --user, --allow-root, --cap, no_new_privs, PID 1 keeps nothing.
# Test IDs (T..) and pitfalls (P..) are listed in docs/security.md.
load lib

ZERO=0000000000000000

setup_file() {
	setup_root
	# setuid-root and file-capability copies of the probe (T18-T20)
	cp "$R/t/probe" "$R/t/suid-probe"
	chown root:root "$R/t/suid-probe"
	chmod 4755 "$R/t/suid-probe"
	cp "$R/t/probe" "$R/t/fcap-probe"
	setcap cap_dac_override,cap_net_raw+ep "$R/t/fcap-probe"
	cp "$R/t/probe" "$R/t/fcap-p-probe"
	setcap cap_net_raw+p "$R/t/fcap-p-probe"
	echo TOPSECRET > "$R/secrets/root-only"
	chmod 0600 "$R/secrets/root-only"
	# alternative account files, bind-mounted over /etc by some tests
	A="$BATS_FILE_TMPDIR/accounts"
	mkdir -p "$A"
	{ cat "$R/etc/passwd"; echo '0day:x:1001:1001::/:/bin/sh'; } > "$A/passwd-0day"
	{ cat "$R/etc/passwd"; echo 'evil:x::1000::/:/bin/sh'; } > "$A/passwd-emptyuid"
	{ cat "$R/etc/passwd"; echo 'evil2:x:4294967296:1000::/:/bin/sh'; } > "$A/passwd-overflow"
	{ cat "$R/etc/passwd"; echo 'app:x:0:0::/:/bin/sh'; } > "$A/passwd-dup"
	# just under and just over the 1 MiB limit, filled with valid entries
	# (read_account_file sizes its buffer by fstat since the perf pass)
	{ cat "$R/etc/passwd"; i=0; while :; do
		printf 'u%07d:x:%d:%d::/:/bin/sh\n' $i $((20000 + i)) $((20000 + i))
		i=$((i + 1)); [ $i -lt 40000 ] || break; done; } > "$A/passwd-big"
	head -c $((1024 * 1024)) "$A/passwd-big" > "$A/passwd-1m"
	# cut at a line end so every line stays well-formed
	sed -i '$d' "$A/passwd-1m"
	head -c $((1024 * 1024 + 1)) "$A/passwd-big" > "$A/passwd-over"
	export A
}

# -x setup that starts minit as uid 1000 (docker run --user 1000,
# runAsNonRoot): chroot first, as root, then drop, as the runtime would.
NONROOT='cd "$R"; exec chroot --userspec=1000:1000 --groups=1000 . /minit "$@"'

# with_passwd FILE: -x setup that puts FILE over the root's /etc/passwd
with_passwd() {
	echo "mount --bind '$A/$1' \"\$R/etc/passwd\""
}

caps_all_zero() {
	for s in CapInh CapPrm CapEff CapBnd CapAmb; do
		assert_line_has "^$s:[[:space:]]+$ZERO\$"
	done
}

@test "T01 T23 --user app: uid, gid, groups, no capability at all, no_new_privs (P01 P10)" {
	run ro_run -- --user app -- /t/probe status
	assert_status 0
	assert_line_has '^Uid:[[:space:]]+1000[[:space:]]+1000[[:space:]]+1000[[:space:]]+1000$'
	assert_line_has '^Gid:[[:space:]]+1000[[:space:]]+1000[[:space:]]+1000[[:space:]]+1000$'
	assert_line_has '^Groups:[[:space:]]+1000 2000[[:space:]]*$'
	caps_all_zero
	assert_line_has '^NoNewPrivs:[[:space:]]+1$'
}

@test "T02 root cannot be regained after --user app (P01 P02)" {
	run ro_run -- --user app -- /t/probe regain
	assert_status 0
	assert_line_has '^setresuid errno=1$'
	assert_line_has '^setgroups errno=1$'
	assert_line_has '^capset errno=1$'
	assert_line_has '^fsuid=1000$'
	refute_line_has ' ok$'
}

@test "T15 bounding set empty up to cap_last_cap, bit 40 included (P07)" {
	run ro_run -- --user app -- /t/probe status
	assert_status 0
	assert_line_has "^CapBnd:[[:space:]]+$ZERO\$"
	[ "$(cat /proc/sys/kernel/cap_last_cap)" -ge 40 ]	# the kernel knows bit 40
}

@test "T21 securebits NOROOT|NOROOT_LOCKED, NO_CAP_AMBIENT_RAISE when nothing is kept, never NO_SETUID_FIXUP (P09)" {
	run ro_run -- --user app -- /t/probe status
	assert_status 0
	assert_line_has '^securebits=0xc3$'
	run ro_run -- --user app --cap NET_BIND_SERVICE -- /t/probe status
	assert_status 0
	assert_line_has '^securebits=0x3$'
}

@test "USER:GROUP: exactly that gid, no other group" {
	run ro_run -- --user app:extra -- /t/probe status
	assert_status 0
	assert_line_has '^Uid:[[:space:]]+1000[[:space:]]+1000[[:space:]]+1000[[:space:]]+1000$'
	assert_line_has '^Gid:[[:space:]]+2000[[:space:]]+2000[[:space:]]+2000[[:space:]]+2000$'
	assert_line_has '^Groups:[[:space:]]+2000[[:space:]]*$'
	run ro_run -- --user app:0 --allow-root -- /t/probe status
	assert_status 0
	assert_line_has '^Gid:[[:space:]]+0[[:space:]]+0[[:space:]]+0[[:space:]]+0$'
	assert_line_has '^Groups:[[:space:]]+0[[:space:]]*$'
}

@test "numeric uid with a passwd entry: the entry's gid and groups, HOME, USER" {
	run ro_run -p 'env -u HOME -u USER -u LOGNAME' -- --user 1000 -- sh -c '/t/probe status; echo "H=$HOME U=$USER L=$LOGNAME"'
	assert_status 0
	assert_line_has '^Gid:[[:space:]]+1000[[:space:]]+1000'
	assert_line_has '^Groups:[[:space:]]+1000 2000[[:space:]]*$'
	assert_line_has '^H=/home/app U=app L=app$'
}

@test "T03 T10 numeric uid without entry: gid = uid, Groups = that gid, never 0 (P03 P05)" {
	run ro_run -p 'env -u HOME -u USER' -- --user 4242 -- sh -c '/t/probe status; echo "H=$HOME U=${USER-unset}"'
	assert_status 0
	assert_line_has '^Uid:[[:space:]]+4242[[:space:]]+4242[[:space:]]+4242[[:space:]]+4242$'
	assert_line_has '^Gid:[[:space:]]+4242[[:space:]]+4242[[:space:]]+4242[[:space:]]+4242$'
	assert_line_has '^Groups:[[:space:]]+4242[[:space:]]*$'
	assert_line_has '^H=/ U=unset$'
}

@test "T04 numeric uid:gid without entries; uid:groupname" {
	run ro_run -- --user 4242:4343 -- /t/probe status
	assert_status 0
	assert_line_has '^Uid:[[:space:]]+4242[[:space:]]+4242'
	assert_line_has '^Gid:[[:space:]]+4343[[:space:]]+4343[[:space:]]+4343[[:space:]]+4343$'
	assert_line_has '^Groups:[[:space:]]+4343[[:space:]]*$'
	run ro_run -- --user 4242:extra -- /t/probe status
	assert_status 0
	assert_line_has '^Gid:[[:space:]]+2000[[:space:]]+2000'
}

@test "T05 sentinel, overflow and sloppy user specs are refused (P02 P04)" {
	for u in 4294967295 -1 4294967296 18446744073709551616 0x3e8 1e3 " 1000" \
	    "1000 " +1000 ":" "1000:" ":1000" "1000:-1" "1000:4294967295" \
	    "1000:4294967296" "app:extra:x" "app:nosuchgroup"; do
		run ro_run -- --user "$u" -- /bin/echo RAN
		[ "$status" -eq 125 ] || { echo "--user '$u': status $status" >&2; false; }
		refute_line_has '^RAN$'
		assert_line_has '^minit: (privdrop: )?--user'
	done
	run ro_run -- --user "" -- /bin/echo RAN
	assert_status 125
	refute_line_has '^RAN$'
}

@test "unknown user: one line, exit 125" {
	run ro_run -- --user nosuch -- /bin/echo RAN
	assert_status 125
	refute_line_has '^RAN$'
	assert_line_has "^minit: privdrop: --user nosuch: unknown user \(not in /etc/passwd\)$"
	[ "${#lines[@]}" -eq 1 ]
}

@test "T06 digit-leading name: unknown refused, an entry runs as its uid, never 0 (P04)" {
	run ro_run -- --user 0day -- /bin/echo RAN
	assert_status 125
	refute_line_has '^RAN$'
	run ro_run -x "$(with_passwd passwd-0day)" -- --user 0day -- /t/probe status
	assert_status 0
	assert_line_has '^Uid:[[:space:]]+1001[[:space:]]+1001[[:space:]]+1001[[:space:]]+1001$'
}

@test "T07 malformed passwd (empty uid, 2^32) is refused with its line, not read as uid 0 (P04)" {
	run ro_run -x "$(with_passwd passwd-emptyuid)" -- --user evil -- /bin/echo RAN
	assert_status 125
	refute_line_has '^RAN$'
	assert_line_has '^minit: privdrop: /etc/passwd: line 4: malformed entry'
	run ro_run -x "$(with_passwd passwd-overflow)" -- --user evil2 -- /bin/echo RAN
	assert_status 125
	refute_line_has '^RAN$'
	# the whole file is refused, even for a well-formed name
	run ro_run -x "$(with_passwd passwd-overflow)" -- --user app -- /bin/echo RAN
	assert_status 125
	refute_line_has '^RAN$'
}

@test "a name with two passwd entries is refused" {
	run ro_run -x "$(with_passwd passwd-dup)" -- --user app -- /bin/echo RAN
	assert_status 125
	refute_line_has '^RAN$'
	assert_line_has 'matches two entries of /etc/passwd'
}

@test "FROM scratch: no /etc/passwd, numeric --user still works, a name is unknown" {
	run ro_run -x 'mount --bind /dev/null "$R/etc/passwd"; mount -t tmpfs tmpfs "$R/etc"' -- --user 4242 -- /t/probe status
	assert_status 0
	assert_line_has '^Uid:[[:space:]]+4242'
	assert_line_has '^Gid:[[:space:]]+4242'
	run ro_run -x 'mount -t tmpfs tmpfs "$R/etc"' -- --user app -- /bin/echo RAN
	assert_status 125
	refute_line_has '^RAN$'
}

@test "root without --allow-root is refused, with the flag to add" {
	for spec in "" "--user root" "--user 0" "--user 0:0" "--user app:0x"; do
		# shellcheck disable=SC2086
		run ro_run -- $spec -- /bin/echo RAN
		assert_status 125
		refute_line_has '^RAN$'
	done
	run ro_run -- -- /bin/echo RAN
	assert_line_has '^minit: privdrop: PROGRAM would run as root \(uid 0\): add --user USER, or --allow-root to allow it$'
}

@test "T08 root with --allow-root: uid 0, its groups, no capability, NNP; exec as root regains nothing (P09 P10)" {
	run ro_run -- --user root --allow-root -- /t/probe status
	assert_status 0
	assert_line_has '^Uid:[[:space:]]+0[[:space:]]+0[[:space:]]+0[[:space:]]+0$'
	assert_line_has '^Groups:[[:space:]]+0 6 10[[:space:]]*$'
	caps_all_zero
	assert_line_has '^NoNewPrivs:[[:space:]]+1$'
	run ro_run -- --allow-root -- /bin/busybox sh -c '/t/probe status'
	assert_status 0
	assert_line_has '^Uid:[[:space:]]+0[[:space:]]+0'
	caps_all_zero
}

@test "T09 root's supplementary groups do not leak (P05)" {
	run ro_run -p 'setpriv --groups 0,6,10 --' -- --user 4242:4242 -- /t/probe status
	assert_status 0
	assert_line_has '^Groups:[[:space:]]+4242[[:space:]]*$'
	run ro_run -p 'setpriv --groups 0,6,10 --' -- --user app -- /t/probe status
	assert_status 0
	assert_line_has '^Groups:[[:space:]]+1000 2000[[:space:]]*$'
}

@test "T11 setgroups denied in a user namespace: refused, says why (P05 P38 P40)" {
	export UNSHARE_EXTRA='--user --map-root-user'
	run ro_run -- --user 0:0 --allow-root -- /bin/echo RAN
	assert_status 125
	refute_line_has '^RAN$'
	assert_line_has 'setgroups: denied in this user namespace'
	run ro_run -- --user app -- /bin/echo RAN
	assert_status 125
	refute_line_has '^RAN$'
}

@test "T14 inheritable and ambient capabilities handed over by the runtime are cleared (P06)" {
	pre='setpriv --inh-caps +net_bind_service,+chown --ambient-caps +net_bind_service,+chown --'
	# precondition: the runtime stand-in really hands them over
	run $pre grep -E '^Cap(Inh|Amb)' /proc/self/status
	assert_line_has '^CapAmb:[[:space:]]+0000000000000401$'
	run ro_run -p "$pre" -- --user app -- /t/probe status
	assert_status 0
	caps_all_zero
	run ro_run -p "$pre" -- --allow-root -- /t/probe status
	assert_status 0
	caps_all_zero
}

@test "T17 --cap NET_BIND_SERVICE: in P, E, I, ambient and bounding; binds port 80, chown still fails (P08)" {
	export UNSHARE_EXTRA=--net	# a private port 80, unprivileged_port_start 1024
	for name in NET_BIND_SERVICE cap_net_bind_service Cap_Net_Bind_Service; do
		run ro_run -- --user app --cap "$name" -- /t/probe status
		assert_status 0
		for s in CapInh CapPrm CapEff CapBnd CapAmb; do
			assert_line_has "^$s:[[:space:]]+0000000000000400\$"
		done
	done
	run ro_run -- --user app --cap NET_BIND_SERVICE -- sh -c '/t/probe bind 80; chown 0 /tmp; echo chown=$?'
	assert_status 0
	assert_line_has '^bind 80 ok$'
	assert_line_has '^chown=1$'
	run ro_run -- --user app -- /t/probe bind 80
	assert_status 1
	assert_line_has '^bind 80 errno=13$'
}

@test "--cap: several, repeatable; an unknown name is refused" {
	run ro_run -- --user app --cap chown,KILL --cap net_raw -- /t/probe status
	assert_status 0
	# CHOWN 0, KILL 5, NET_RAW 13
	assert_line_has '^CapAmb:[[:space:]]+0000000000002021$'
	assert_line_has '^CapBnd:[[:space:]]+0000000000002021$'
	run ro_run -- --user app --cap NET_BIND_SERVIC -- /bin/echo RAN
	assert_status 125
	refute_line_has '^RAN$'
	assert_line_has "unknown capability"
}

@test "T18 ambient caps do not carry into a file-capability binary (P08)" {
	run ro_run -- --user app --cap NET_BIND_SERVICE -- /t/probe exec /t/fcap-p-probe status
	# execve may also be refused with EPERM; either way nothing is gained
	if [ "$status" -eq 0 ]; then
		assert_line_has "^CapAmb:[[:space:]]+$ZERO\$"
		assert_line_has "^CapPrm:[[:space:]]+$ZERO\$"
	else
		assert_line_has '^exec errno=1$'
	fi
}

@test "T19 a setuid-root binary in the image gains nothing (P10)" {
	[ "$(stat -c %a "$R/t/suid-probe")" = 4755 ]
	run ro_run -- --user app -- /t/suid-probe status
	assert_status 0
	assert_line_has '^Uid:[[:space:]]+1000[[:space:]]+1000[[:space:]]+1000[[:space:]]+1000$'
	caps_all_zero
}

@test "T20 a file-capability binary cannot read a root-only file (P10 P07)" {
	getcap "$R/t/fcap-probe" | grep -q cap_dac_override
	run ro_run -- --user app -- /t/probe exec /t/fcap-probe read /secrets/root-only
	refute_line_has TOPSECRET
	[ "$status" -ne 0 ]
	assert_line_has '(exec|read) errno=(1|13)$'
}

@test "PID 1 after the fork: the app's uid, gid and groups, zero capability sets, NNP, not dumpable" {
	run ro_run -- --user app -- /t/probe read /proc/1/status
	assert_status 0
	assert_line_has '^Uid:[[:space:]]+1000[[:space:]]+1000[[:space:]]+1000[[:space:]]+1000$'
	assert_line_has '^Gid:[[:space:]]+1000[[:space:]]+1000[[:space:]]+1000[[:space:]]+1000$'
	assert_line_has '^Groups:[[:space:]]+1000 2000[[:space:]]*$'
	caps_all_zero
	assert_line_has '^NoNewPrivs:[[:space:]]+1$'
	# not dumpable: its /proc files belong to root, not to uid 1000
	run ro_run -- --user app -- stat -c '%u' /proc/1/environ
	assert_status 0
	assert_line_has '^0$'
}

@test "PID 1 without --user as root (--allow-root): keeps uid 0, drops every capability" {
	run ro_run -- --allow-root -- /t/probe read /proc/1/status
	assert_status 0
	assert_line_has '^Uid:[[:space:]]+0[[:space:]]+0[[:space:]]+0[[:space:]]+0$'
	caps_all_zero
	assert_line_has '^NoNewPrivs:[[:space:]]+1$'
}

@test "T43 the app cannot ptrace PID 1 or read its environ and fds (P25)" {
	run ro_run -- --user app -- sh -c '/t/probe ptrace 1; /t/probe read /proc/1/environ; ls /proc/1/fd >/dev/null 2>&1; echo ls=$?'
	assert_line_has '^ptrace failed errno=1$'
	assert_line_has '^read errno=13$'
	assert_line_has '^ls=1$'
}

@test "T44 the app cannot kill or stop PID 1 (P25 P26)" {
	run ro_run -- --user app -- sh -c 'kill -KILL 1; kill -STOP 1; sleep 0.3; echo alive'
	assert_status 0
	assert_line_has '^alive$'
}

@test "PID 1 still forwards, reaps and grace-kills after its drop" {
	# the app (same uid) signals PID 1, which forwards TERM back to it
	run ro_run -- --user app -- sh -c 'kill -TERM 1; sleep 5; echo not-forwarded'
	assert_status 143
	refute_line_has not-forwarded
	run ro_run -- --user app -- sh -c '/t/probe orphans 50; sleep 0.5; /t/probe pids'
	assert_status 0
	assert_line_has 'zombies=0$'
	# the grace period ends the orphan: waiting for it would take 100 s,
	# and timeout's 124 would show that (no tight wall-clock assertion)
	run timeout 60 ro_run -- --user app --grace 2 -- sh -c 'sleep 100 & exit 3'
	assert_status 3
}

@test "not PID 1 (subreaper) after the drop: an orphan in another session is still found and killed" {
	# setsid: only /proc/self/task/N/children finds it, not the process group
	run timeout 60 unshare --pid --fork --mount-proc sh -c \
	    '"$MINIT" --allow-writable-root --user 4242 --grace 1 -- /bin/sh -c "setsid sleep 100 & sleep 0.2; exit 3"; echo rc=$?; ps -eo pid,comm | grep -c "sleep" || true'
	assert_status 0	# not 124: minit did not wait out the orphan's 100 s
	assert_line_has '^rc=3$'
	assert_line_has '^0$'
}

@test "T16 started as root without CAP_SETPCAP: runs as app with NNP, says so, never silent (P07 P40)" {
	run ro_run -p 'setpriv --bounding-set -setpcap --' -- --user app -- /t/probe status
	assert_status 0
	assert_line_has '^minit: privdrop: no CAP_SETPCAP: bounding set left as it is'
	assert_line_has '^NoNewPrivs:[[:space:]]+1$'
	for s in CapInh CapPrm CapEff CapAmb; do
		assert_line_has "^$s:[[:space:]]+$ZERO\$"
	done
	run ro_run -p 'setpriv --bounding-set -setpcap --' -- --allow-root -- /bin/echo RAN
	assert_status 125
	refute_line_has '^RAN$'
	assert_line_has 'without CAP_SETPCAP .* PROGRAM runs as root: refused'
}

@test "T12 T13 started without CAP_SETGID or CAP_SETUID: refused (P01 P40)" {
	for c in setgid setuid; do
		run ro_run -p "setpriv --bounding-set -$c --" -- --user app -- /bin/echo RAN
		assert_status 125
		refute_line_has '^RAN$'
		assert_line_has 'lacks CAP_SETUID or CAP_SETGID'
	done
}

@test "T22 a setuid minit is refused (P41)" {
	run ro_run -x "$NONROOT" -- --user app -- /bin/echo RAN
	assert_status 0		# baseline: the plain binary runs as 1000
	assert_line_has '^RAN$'
	cp "$MINIT" "$BATS_FILE_TMPDIR/minit-suid"
	chmod 4755 "$BATS_FILE_TMPDIR/minit-suid"
	run ro_run -x "mount --bind '$BATS_FILE_TMPDIR/minit-suid' \"\$R/minit\"; $NONROOT" \
	    -- --user app -- /bin/echo RAN
	assert_status 125
	refute_line_has '^RAN$'
	assert_line_has 'installed setuid, setgid or with file capabilities: refused'
}

@test "T22 a file-capability minit is refused (P41)" {
	cp "$MINIT" "$BATS_FILE_TMPDIR/minit-fcap"
	setcap cap_setuid+ep "$BATS_FILE_TMPDIR/minit-fcap"
	run ro_run -x "mount --bind '$BATS_FILE_TMPDIR/minit-fcap' \"\$R/minit\"; $NONROOT" \
	    -- --user app -- /bin/echo RAN
	assert_status 125
	refute_line_has '^RAN$'
	assert_line_has 'installed setuid, setgid or with file capabilities: refused'
}

@test "P37 T67 started as non-root: no --user needed; nothing kept; NNP" {
	run ro_run -x "$NONROOT" -- -- /t/probe status
	assert_status 0
	assert_line_has '^Uid:[[:space:]]+1000[[:space:]]+1000[[:space:]]+1000[[:space:]]+1000$'
	for s in CapInh CapPrm CapEff CapAmb; do
		assert_line_has "^$s:[[:space:]]+$ZERO\$"
	done
	assert_line_has '^NoNewPrivs:[[:space:]]+1$'
	# the bounding set nobody may shrink is the normal case here: said
	# only under -v (a root start without CAP_SETPCAP says it always, T16)
	refute_line_has '^minit:'
	run ro_run -x "$NONROOT" -- -v -- /bin/true
	assert_status 0
	assert_line_has '^minit: privdrop: no CAP_SETPCAP: bounding set left as it is'
	run ro_run -x "$NONROOT" -- -- /t/probe read /proc/1/status
	assert_status 0
	assert_line_has '^Uid:[[:space:]]+1000[[:space:]]+1000[[:space:]]+1000[[:space:]]+1000$'
	assert_line_has "^CapPrm:[[:space:]]+$ZERO\$"
	assert_line_has '^NoNewPrivs:[[:space:]]+1$'
}

@test "P37 started as non-root: --user is satisfied by the runtime's uid; --exact-user refuses another; --cap not held is refused" {
	run ro_run -x "$NONROOT" -- --user app -- sh -c 'id -u; echo "U=$USER"'
	assert_status 0
	assert_line_has '^1000$'
	assert_line_has '^U=app$'
	run ro_run -x "$NONROOT" -- --user 1000 --exact-user -- /bin/echo RAN
	assert_status 0
	assert_line_has '^RAN$'
	# another user: the runtime's uid wins, HOME/USER are that uid's
	run ro_run -x "$NONROOT" -- --user nobody -- sh -c 'id -u; echo "U=$USER"'
	assert_status 0
	assert_line_has '^1000$'
	assert_line_has '^U=app$'
	refute_line_has '^minit:'
	run ro_run -x "$NONROOT" -- --user nobody --exact-user -- /bin/echo RAN
	assert_status 125
	refute_line_has '^RAN$'
	[ "${#lines[@]}" -eq 1 ]
	assert_line_has '^minit: privdrop: --exact-user: --user nobody is uid 65534, but minit was started as uid 1000$'
	run ro_run -x "$NONROOT" -- --user app:extra --exact-user -- /bin/echo RAN
	assert_status 125
	refute_line_has '^RAN$'
	assert_line_has 'is gid 2000, but minit was started as gid 1000$'
	run ro_run -x "$NONROOT" -- --cap NET_BIND_SERVICE -- /bin/echo RAN
	assert_status 125
	refute_line_has '^RAN$'
	[ "${#lines[@]}" -eq 1 ]
	assert_line_has '^minit: privdrop: --cap net_bind_service: minit does not hold it, so PROGRAM cannot keep it'
}

@test "T54 exec failure as the target user: 126, nothing runs (P29)" {
	run ro_run -- --user app -- /root-only/prog
	assert_status 126
	assert_line_has '^minit: exec /root-only/prog: Permission denied$'
	refute_line_has '^prog$'
}

@test "--no-init: the drop happens before exec in place" {
	run ro_run -- --no-init --user app -- /t/probe status
	assert_status 0
	assert_line_has '^Uid:[[:space:]]+1000[[:space:]]+1000[[:space:]]+1000[[:space:]]+1000$'
	caps_all_zero
	assert_line_has '^NoNewPrivs:[[:space:]]+1$'
}

@test "P04: /etc/passwd of up to 1 MiB is read whole, a larger one is refused" {
	run ro_run -x "$(with_passwd passwd-1m)" -- --user app -- /bin/echo RAN
	assert_status 0
	assert_line_has '^RAN$'
	run ro_run -x "$(with_passwd passwd-over)" -- --user app -- /bin/echo RAN
	assert_status 125
	refute_line_has '^RAN$'
	assert_line_has '^minit: privdrop: /etc/passwd: larger than 1048576 bytes$'
}

# --- gid 0 (issue 14 item 13) ------------------------------------------------

@test "P44: --user app:root and --user 1000:0 are refused (125): root's group" {
	for u in app:root 1000:0 app:0 4242:0; do
		run ro_run -- --user "$u" -- /t/probe status
		assert_status 125
		refute_line_has '^Gid:'
		assert_line_has "^minit: privdrop: --user $u: gid 0 is root's group: name another group, or --allow-root$"
	done
	# control: the same users with another group run, and the probe sees
	# the gid it is given
	run ro_run -- --user app:extra -- /t/probe status
	assert_status 0
	assert_line_has '^Gid:[[:space:]]+2000[[:space:]]+2000[[:space:]]+2000[[:space:]]+2000$'
	# with --allow-root the operator takes the risk: gid 0 for real
	run ro_run -- --user app:root --allow-root -- /t/probe status
	assert_status 0
	assert_line_has '^Gid:[[:space:]]+0[[:space:]]+0[[:space:]]+0[[:space:]]+0$'
}

@test "P44: root's group as a supplementary group from /etc/group is refused too" {
	printf 'root:x:0:root,app\napp:x:1000:\n' > "$BATS_TEST_TMPDIR/group"
	run ro_run -x "mount --bind '$BATS_TEST_TMPDIR/group' \"\$R/etc/group\"" \
	    -- --user app -- /t/probe status
	assert_status 125
	assert_line_has "^minit: privdrop: --user app: gid 0 is root's group: "
	# control: the image's usual /etc/group gives app no group 0
	run ro_run -- --user app -- /t/probe status
	assert_status 0
	assert_line_has '^Groups:[[:space:]]+1000 2000[[:space:]]*$'
}

@test "P44: a non-root start whose gid is already 0 (OpenShift) runs; --audit reports the gid" {
	run ro_run -x 'cd "$R"; exec chroot --userspec=1000:0 --groups=0 . /minit "$@"' \
	    -- -- /t/probe status
	assert_status 0
	assert_line_has '^Uid:[[:space:]]+1000[[:space:]]'
	assert_line_has '^Gid:[[:space:]]+0[[:space:]]+0[[:space:]]+0[[:space:]]+0$'
	run ro_run -x 'cd "$R"; exec chroot --userspec=1000:0 --groups=0 . /minit "$@"' \
	    -- --audit -- /t/probe status
	assert_line_has '^(fail|info) +identity\.gid +.*gid 0'
}
