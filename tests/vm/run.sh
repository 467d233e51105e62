#!/bin/sh
# run.sh: boot the aarch64 minit for real and run tests/vm/smoke.sh in it.
# qemu-user cannot run seccomp filters, so this is a whole arm64 machine
# under qemu-system-aarch64 (software emulation): Debian's arm64 kernel
# package, an initramfs with busybox-static for arm64, the aarch64 minit,
# test helpers and check_bpf, and smoke.sh as /init.
#
#   run.sh [--self-test] BUILD    BUILD: the `make ARCH=aarch64` build
#                                 folder (minit, t/, check_bpf,
#                                 check_systable)
# Prints the VM's console; exits 0 only when smoke.sh's closing line says
# "0 failed".  --self-test adds a check that fails, to show that it does.
# The Debian packages come from build-aux/install-deps.sh test (fetch-vm),
# in $MINIT_VM_CACHE (default /var/cache/minit/arm64).
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
fail=
if [ "${1:-}" = --self-test ]; then
	fail=minit.fail
	shift
fi
[ $# -eq 1 ] || { echo "usage: $0 [--self-test] BUILD" >&2; exit 2; }
build=$(cd "$1" && pwd)
cache=${MINIT_VM_CACHE:-/var/cache/minit/arm64}
vm=$build/vm
say() { printf 'vm: %s\n' "$*" >&2; }

kdeb=$(ls "$cache"/linux-image-*-arm64_*_arm64.deb 2>/dev/null | sort -V | tail -1)
bdeb=$(ls "$cache"/busybox-static_*_arm64.deb 2>/dev/null | tail -1)
[ -n "$kdeb" ] && [ -n "$bdeb" ] || {
	say "no arm64 kernel or busybox package in $cache (build-aux/install-deps.sh test)"
	exit 1; }

rm -rf "$vm"
mkdir -p "$vm/deb" "$vm/initrd/vm/root/t" "$vm/initrd/bin"
dpkg-deb -x "$kdeb" "$vm/deb"
dpkg-deb -x "$bdeb" "$vm/deb"
kernel=$(ls "$vm"/deb/boot/vmlinuz-* | head -1)

# the initramfs: busybox and smoke.sh as /init; the app's root in /vm/root
i=$vm/initrd
cp "$vm/deb/bin/busybox" "$i/bin/busybox"
cp "$top/tests/vm/smoke.sh" "$i/init"
cp "$top/build-aux/pins" "$i/vm/pins"
cp "$build/check_bpf" "$build/check_systable" "$build/deps/upstream-syscalls.csv" "$i/vm/"
r=$i/vm/root
mkdir -p "$r/bin" "$r/etc" "$r/proc" "$r/tmp" "$r/dev"
cp "$build/minit" "$r/minit"
cp "$build"/t/* "$r/t/"
python3 "$top/tests/vm/arm32.py" "$r/t/arm32"
printf '%s\n' '{"defaultAction": "SCMP_ACT_ALLOW", "architectures": ["SCMP_ARCH_AARCH64"],
 "syscalls": [{"names": ["unshare"], "action": "SCMP_ACT_ERRNO", "errnoRet": 13}]}' \
	> "$r/t/aarch64.json"
cp "$vm/deb/bin/busybox" "$r/bin/busybox"
for a in sh cat grep sed seq sleep; do ln -s busybox "$r/bin/$a"; done
cat > "$r/etc/passwd" <<'PW'
root:x:0:0::/root:/bin/sh
app:x:1000:1000::/:/bin/sh
PW
cat > "$r/etc/group" <<'GR'
root:x:0:root
app:x:1000:
extra:x:2000:app
GR
chmod 755 "$i/init" "$r/minit" "$r"/t/*
chmod 644 "$r/t/aarch64.json"
python3 "$top/tests/vm/mkcpio.py" "$i" "$vm/initrd.gz"

# -cpu max: pointer authentication, BTI and AArch32 at EL0 (the compat
# check).  panic=-1 and -no-reboot: a crash ends the run instead of hanging.
say "booting $(basename "$kernel") under qemu-system-aarch64"
set +e
timeout 600 qemu-system-aarch64 -M virt -cpu max -m 512 -smp 1 \
	-nographic -nic none -no-reboot -kernel "$kernel" -initrd "$vm/initrd.gz" \
	-append "console=ttyAMA0 panic=-1 quiet $fail" < /dev/null > "$vm/console.log" 2>&1
rc=$?
set -e
tr -d '\r' < "$vm/console.log" | grep -Ev '^\[ *[0-9]+\.[0-9]+\]' | grep -v '^$' || true
[ $rc -eq 0 ] || { say "qemu exited $rc"; exit 1; }
line=$(tr -d '\r' < "$vm/console.log" | grep -E '^vm-smoke: [0-9]+ passed, [0-9]+ failed$' | tail -1)
[ -n "$line" ] || { say "no closing line from smoke.sh"; exit 1; }
case $line in
*" 0 failed") exit 0 ;;
*) exit 1 ;;
esac
