#!/bin/busybox sh
# smoke.sh: /init of the arm64 VM (tests/vm/run.sh builds the initramfs and
# boots it under qemu-system-aarch64).  It runs the aarch64 minit as PID 1
# of a PID namespace on a read-only root, as tests/ro_run does on the host,
# prints "ok N - what" or "not ok N - what" per check and a closing
# "vm-smoke: N passed, N failed" line, then powers the VM off.  run.sh fails
# unless that line is there with 0 failed.  Every check that shows a
# hardening also runs a control that shows the probe can tell.
# Layout (run.sh): /vm/root the app's root (/minit, /t/probe, /t/arm32,
# busybox, /etc/passwd), /vm/check_bpf, /vm/check_systable with
# /vm/upstream-syscalls.csv, /vm/pins.
/bin/busybox mkdir -p /proc /sys /dev /tmp /usr/bin /usr/sbin /sbin
/bin/busybox --install -s
export PATH=/bin:/sbin:/usr/bin:/usr/sbin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mount -t tmpfs tmpfs /tmp

n=0 passed=0 failed=0
check() {		# check WHAT COMMAND...: passes when COMMAND exits 0
	what=$1
	shift
	n=$((n + 1))
	if out=$("$@" 2>&1); then
		passed=$((passed + 1))
		echo "ok $n - $what"
	else
		failed=$((failed + 1))
		echo "not ok $n - $what"
	fi
	printf '%s\n' "$out" | sed -n '1,12s/^/#   /p'
}
has() { printf '%s\n' "$out" | grep -Eq -- "$1"; }	# after run
run() { out=$("$@" 2>&1); status=$?; printf '%s\n' "$out"; }

# The app's root: a copy on a tmpfs, remounted read-only, with a noexec
# /tmp and a /dev.  R2 is the same tree left writable.
R=/vm/ro R2=/vm/rw
for r in $R $R2; do
	mkdir -p $r
	mount -t tmpfs -o mode=755 tmpfs $r
	cp -a /vm/root/. $r/
	mount -t tmpfs -o nosuid,nodev,noexec,mode=1777 tmpfs $r/tmp
	mount -t devtmpfs -o nosuid,noexec devtmpfs $r/dev
done
mount -o remount,ro $R

# pid1 ROOT ARGS...: minit as PID 1 of a new PID and mount namespace
pid1() {
	root=$1
	shift
	unshare -m -p -f sh -c 'mount -t proc -o nosuid,nodev,noexec proc "$0/proc" &&
		cd "$0" && exec chroot . /minit "$@"' "$root" "$@"
}
P="--user app"
# plain ROOT COMMAND...: the same namespaces and root without minit (controls)
plain() {
	root=$1
	shift
	unshare -m -p -f sh -c 'mount -t proc -o nosuid,nodev,noexec proc "$0/proc" &&
		cd "$0" && exec chroot . "$@"' "$root" "$@"
}

t_version() {
	v=$($R/minit -V) || return 1
	printf '%s\n' "$v"
	. /vm/pins
	printf '%s\n' "$v" | grep -qx "arch aarch64" &&
	printf '%s\n' "$v" | grep -qx "musl $MUSL_VER" &&
	printf '%s\n' "$v" | grep -qx "libseccomp $SECCOMP_VER" &&
	printf '%s\n' "$v" | grep -qx "libcap-ng $CAPNG_VER"
}
check "minit -V: aarch64, the pinned musl, libseccomp and libcap-ng" t_version

t_oci() {
	# an OCI/Docker JSON profile for this architecture (run.sh wrote it):
	# imported, and its denial holds (control: the same for x86_64 only is
	# refused)
	sed 's/SCMP_ARCH_AARCH64/SCMP_ARCH_X86_64/' $R/t/aarch64.json > /tmp/x86_64.json
	run $R/minit --seccomp-print /tmp/x86_64.json
	[ $status = 125 ] || { echo "control: an x86_64-only profile was taken"; return 1; }
	run $R/minit --seccomp-print $R/t/aarch64.json
	[ $status = 0 ] && has '^unshare +errno' || return 1
	run pid1 $R $P --seccomp /t/aarch64.json -- /t/probe try unshare-ns
	has '^unshare-ns errno=13$'
}

# run.sh --self-test: one check that fails, then the closing line; the rest
# is skipped, the run must fail on that one
if grep -q minit.fail /proc/cmdline; then
	check "a check that fails (run.sh --self-test)" false
	echo "vm-smoke: $passed passed, $failed failed"
	poweroff -f
fi

t_exit() {
	run pid1 $R $P -- /t/probe exit 0; [ $status = 0 ] || return 1
	run pid1 $R $P -- /t/probe exit 7; [ $status = 7 ] || return 1
	run pid1 $R $P -- /t/probe kill-self 15; [ $status = 143 ]
}
check "exit codes: 0 and 7 pass through, killed by SIGTERM is 143" t_exit

t_tree() {
	run pid1 $R $P -- /t/probe status
	[ $status = 0 ] && has '^pid=[0-9]+ ppid=1 '
}
check "minit is PID 1 on the read-only root, the app its child" t_tree

t_ids() {
	run pid1 $R $P -- /t/probe status
	has '^Uid:[[:space:]]+1000[[:space:]]+1000[[:space:]]+1000[[:space:]]+1000$' &&
	has '^Gid:[[:space:]]+1000[[:space:]]+1000[[:space:]]+1000[[:space:]]+1000$' &&
	has '^Groups:[[:space:]]+1000 2000[[:space:]]*$'
}
check "uid, gid and groups: app (1000), its groups app and extra (1000 2000)" t_ids

t_caps() {
	# control: the probe sees root's capabilities and no filter
	run plain $R /t/probe status
	has '^CapEff:[[:space:]]+0*[1-9a-f]' && has '^Seccomp:[[:space:]]+0$' &&
	has '^NoNewPrivs:[[:space:]]+0$' || { echo "control failed"; return 1; }
	run pid1 $R $P -- /t/probe status
	for c in CapInh CapPrm CapEff CapBnd CapAmb; do
		has "^$c:[[:space:]]+0000000000000000$" || return 1
	done
	has '^NoNewPrivs:[[:space:]]+1$' && has '^Seccomp:[[:space:]]+2$'
}
check "the app: every capability set 0, NoNewPrivs 1, Seccomp 2 (control: root has them)" t_caps

t_pid1() {
	run pid1 $R $P -- sh -c 'grep -E "^(Uid|CapEff|CapPrm|NoNewPrivs|Seccomp):" /proc/1/status'
	has '^Seccomp:[[:space:]]+2$' && has '^NoNewPrivs:[[:space:]]+1$' &&
	has '^CapEff:[[:space:]]+0000000000000000$' &&
	has '^CapPrm:[[:space:]]+0000000000000000$'
}
check "PID 1 itself: Seccomp 2, NoNewPrivs 1, no capability" t_pid1

t_deny() {
	# unshare-ns: in a chroot even root gets EPERM for a user namespace
	for call in unshare-ns mount bpf; do
		run plain $R /t/probe try $call		# control
		has "^$call errno=1$" && { echo "control: $call EPERM without minit"; return 1; }
		run pid1 $R $P -- /t/probe try $call
		has "^$call errno=1$" || return 1
	done
	# ptrace: the app seizes its own child (same uid, dumpable, a
	# descendant: allowed by the kernel); control: --seccomp off
	t='/t/probe sleep 2 & exec /t/probe ptrace $!'
	run pid1 $R $P --seccomp off -- sh -c "$t"
	has '^ptrace ok errno=0$' || { echo "control: ptrace refused without the filter"; return 1; }
	run pid1 $R $P -- sh -c "$t"
	has '^ptrace failed errno=1$'
}
check "default profile: unshare, mount, ptrace, bpf get EPERM (control: not without minit)" t_deny

t_compat() {
	run plain $R /t/arm32
	if [ $status != 42 ]; then
		echo "control: arm32 exits $status, not 42: no compat ABI here"
		[ ! -e /proc/sys/abi ] || return 1
		return 0
	fi
	run pid1 $R $P -- /t/arm32
	[ $status = 159 ]	# 128 + SIGSYS
}
check "the 32-bit arm ABI is killed (SIGSYS, 159; control: it runs, exit 42)" t_compat

t_reap() {
	run pid1 $R $P -- sh -c '
		/t/probe orphans 300 || exit 1
		for i in $(seq 50); do
			z=$(/t/probe pids | sed "s/.*zombies=//")
			[ "$z" = 0 ] && break
			sleep 0.1
		done
		/t/probe pids'
	[ $status = 0 ] && has '^spawned 300 orphans$' && has ' zombies=0$'
}
check "300 orphans are reaped" t_reap

t_signals() {
	pid1 $R $P -- /t/probe wait-signal > /tmp/sig.out 2>&1 &
	u=$!
	m=
	for i in $(seq 100); do
		# minit as PID 1: the first process named minit (its child is
		# the probe by the time it says ready)
		for d in /proc/[0-9]*; do
			[ "$(cat $d/comm 2>/dev/null)" = minit ] && m=${d#/proc/} && break
		done
		[ -n "$m" ] && grep -q '^ready' /tmp/sig.out && break
		sleep 0.1
	done
	[ -n "$m" ] || return 1
	kill -USR1 $m
	kill -HUP $m
	sleep 0.5
	kill -TERM $m
	wait $u
	status=$?
	cat /tmp/sig.out
	[ $status = 0 ] && grep -q '^got 10 code 0$' /tmp/sig.out &&
	grep -q '^got 1 code 0$' /tmp/sig.out && grep -q '^got 15 code 0$' /tmp/sig.out
}
check "USR1, HUP and TERM sent to PID 1 reach the app; it exits 0" t_signals

t_rootfs() {
	run pid1 $R2 $P -- /t/probe exit 0
	[ $status = 125 ] && has '^minit: .*writable' || return 1
	run pid1 $R $P -- /t/probe exit 0	# control
	[ $status = 0 ]
}
check "a writable root is refused with 125 (control: the read-only one runs)" t_rootfs

t_bpf() {
	run /vm/check_bpf
	[ $status = 0 ] && has ' 0 failed'
}
check "the builtin filters generated on the build machine equal the target libseccomp's" t_bpf

t_systable() {
	run /vm/check_systable /vm/upstream-syscalls.csv
	[ $status = 0 ] && has 'aarch64 column 9$' && has ' 0 failed'
}
check "the aarch64-only libseccomp answers every aarch64 syscall as upstream's table" t_systable

t_print() {
	run $R/minit --seccomp-print default
	[ $status = 0 ] && ! has 'iopl|ioperm|modify_ldt|arch_prctl|x32|i386' &&
	has '^non-aarch64-abi +kill .*arm'
}
check "--seccomp-print: the aarch64 profile, no x86-only call, arm compat killed" t_print
check "an OCI JSON profile for SCMP_ARCH_AARCH64 is imported and enforced (control: x86_64's refused)" t_oci

echo "vm-smoke: $passed passed, $failed failed"
sync
poweroff -f
