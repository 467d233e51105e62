#!/usr/bin/env bats
# The read-only root check and the writable-mount listing (rootfs.c; P31,
# T55-T57).  ro_run gives a read-only bind of the test root with /proc,
# /tmp and /dev mounted (the last two noexec tmpfs).
load lib

setup_file() {
	setup_root
	mkdir -p "$R/my data" "$BATS_FILE_TMPDIR/rw"
	# A forged mountinfo in the image, visible only when /proc is not
	# mounted over it: minit must not trust it.
	mkdir -p "$R/proc/self"
	printf '1 0 8:1 / / ro - ext4 /dev/x ro\n' > "$R/proc/self/mountinfo"
}

@test "T55 P31: a writable / is refused with exit 125 and says how to fix it" {
	run ro_run -w -- -- /bin/echo RAN
	assert_status 125
	refute_line_has '^RAN$'
	assert_line_has '^minit: rootfs: / is writable: '
	assert_line_has 'docker run --read-only'
	assert_line_has 'readOnlyRootFilesystem: true'
	assert_line_has 'pass --allow-writable-root'
	[ "$(grep -c '^minit:' <<<"$output")" -eq 1 ]
}

@test "T55: --allow-writable-root turns the refusal into one warning line" {
	run ro_run -w -- --allow-writable-root -- /bin/echo RAN
	assert_status 0
	assert_line_has '^RAN$'
	assert_line_has '^minit: rootfs: warning: / is writable \(--allow-writable-root\)'
	[ "$(grep -c '^minit:' <<<"$output")" -eq 1 ]
}

@test "T56 P31: a read-only bind of a writable superblock passes, silently" {
	run ro_run -- -- /bin/echo RAN
	assert_status 0
	assert_line_has '^RAN$'
	refute_line_has '^minit:'
}

@test "T56 P31: -v lists a writable submount under the read-only root" {
	run ro_run -x "mount --bind '$BATS_FILE_TMPDIR/rw' \"\$R/usr\"" -- -v -- /bin/echo RAN
	assert_status 0
	assert_line_has '^RAN$'
	assert_line_has '^minit: rootfs: / is read-only$'
	assert_line_has '^minit: rootfs: writable mount /usr \([a-z0-9]+, exec'
	assert_line_has '^minit: rootfs: writable mount /tmp \(tmpfs, noexec'
}

@test "T57 P31: a writable tmpfs without noexec is reported with -v and runs" {
	run ro_run -x 'mount -t tmpfs tmpfs "$R/data"' -- -v -- /bin/echo RAN
	assert_status 0
	assert_line_has '^RAN$'
	assert_line_has '^minit: rootfs: writable mount /data \(tmpfs, exec\)$'
}

@test "T57: why it matters: without --require-noexec a binary copied to /data runs" {
	run ro_run -x 'mount -t tmpfs tmpfs "$R/data"' -- --allow-root --seccomp off \
	    -- /bin/sh -c 'cp /bin/busybox /data/echo && /data/echo COPIED-AND-RAN'
	assert_status 0
	assert_line_has '^COPIED-AND-RAN$'
}

@test "T57 P31: --require-noexec refuses a writable mount that allows exec" {
	run ro_run -x 'mount -t tmpfs tmpfs "$R/data"' -- --require-noexec -- /bin/echo RAN
	assert_status 125
	refute_line_has '^RAN$'
	assert_line_has '^minit: rootfs: --require-noexec: /data \(tmpfs\) is writable by uid [0-9]+ and allows exec: mount it noexec$'
}

@test "T57: --require-noexec accepts noexec tmpfs mounts and device-node binds" {
	run ro_run -x 'mount -t tmpfs -o noexec tmpfs "$R/data"' -- --require-noexec -- /bin/echo RAN
	assert_status 0
	assert_line_has '^RAN$'
	refute_line_has '^minit:'
}

@test "P31: a mount point with a space is unescaped from mountinfo (\\040)" {
	run ro_run -x 'mount -t tmpfs tmpfs "$R/my data"' -- -v -- /bin/echo RAN
	assert_status 0
	assert_line_has '^minit: rootfs: writable mount /my data \(tmpfs, exec\)$'
}

@test "P31: PROGRAM on a writable mount is refused (it could replace itself)" {
	run ro_run -x 'mount -t tmpfs tmpfs "$R/data"; cp "$R/t/probe" "$R/data/probe"' \
	    -- -- /data/probe status
	assert_status 125
	refute_line_has '^Uid:'
	assert_line_has '^minit: rootfs: PROGRAM /data/probe is on a writable mount: '
}

@test "P31: PROGRAM found through PATH on a writable mount is refused too" {
	run ro_run -x 'mount -t tmpfs tmpfs "$R/data"; cp "$R/t/probe" "$R/data/probe"' \
	    -p 'env PATH=/data:/bin:/usr/sbin:/usr/bin:/sbin' -- -- probe status
	assert_status 125
	assert_line_has '^minit: rootfs: PROGRAM /data/probe is on a writable mount'
}

@test "P31: a symlink to PROGRAM on a writable mount is refused (the link can change)" {
	run ro_run -x 'mount -t tmpfs tmpfs "$R/data"; ln -s /t/probe "$R/data/link"' \
	    -- -- /data/link status
	assert_status 125
	assert_line_has '^minit: rootfs: PROGRAM /data/link is on a writable mount'
}

@test "P31: --allow-writable-root lets PROGRAM on a writable mount run, with a warning" {
	run ro_run -x 'mount -t tmpfs tmpfs "$R/data"; cp "$R/t/probe" "$R/data/probe"' \
	    -- --allow-writable-root -- /data/probe status
	assert_status 0
	assert_line_has '^Uid:'
	assert_line_has '^minit: rootfs: warning: PROGRAM /data/probe is on a writable mount \(--allow-writable-root\)$'
}

@test "/proc not mounted: a warning, statvfs alone, and the app runs" {
	run ro_run -n -- -- /bin/echo RAN
	assert_status 0
	assert_line_has '^RAN$'
	assert_line_has '^minit: rootfs: warning: /proc is not mounted: / checked with statvfs only'
}

@test "/proc not mounted: statvfs still refuses a writable / (no forged mountinfo trusted)" {
	run ro_run -n -w -- -- /bin/echo RAN
	assert_status 125
	refute_line_has '^RAN$'
	assert_line_has '^minit: rootfs: / is writable: '
}

@test "/proc not mounted: --require-noexec refuses, it cannot list the mounts" {
	run ro_run -n -x 'mount -t tmpfs tmpfs "$R/data"' -- --require-noexec -- /bin/echo RAN
	assert_status 125
	refute_line_has '^RAN$'
	assert_line_has '^minit: rootfs: --require-noexec: /proc is not mounted'
}

@test "a PROGRAM that does not exist is left to the exec path (127)" {
	run -127 ro_run -- -- /nonexistent
	assert_status 127
	refute_line_has 'rootfs'
}
