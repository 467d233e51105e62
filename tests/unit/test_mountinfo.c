/* Unit tests for mountinfo.c: the /proc/self/mountinfo parser behind the
 * read-only root check and the writable-mount audit (P31, T55-T57). */
#include <string.h>

#include "harness.h"
#include "mountinfo.h"

static int
parse1(const char *text, struct mountinfo_entry *e, char *buf, size_t size)
{
	char *cur = buf;

	snprintf(buf, size, "%s", text);
	return mountinfo_next(&cur, e);
}

static void
test_fields(void)
{
	struct mountinfo_entry e;
	char buf[512];

	/* the proc(5) example, optional field included */
	CHECK(parse1("36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue",
	    &e, buf, sizeof(buf)) == 1);
	CHECK(e.id == 36 && e.parent == 35 && e.major == 98 && e.minor == 0);
	CHECK_STR(e.root, "/mnt1");
	CHECK_STR(e.point, "/mnt2");
	CHECK_STR(e.opts, "rw,noatime");
	CHECK_STR(e.fstype, "ext3");
	CHECK_STR(e.source, "/dev/root");
	CHECK_STR(e.sb_opts, "rw,errors=continue");
	CHECK(e.flags == 0);
	CHECK(mountinfo_writable(&e));

	/* no optional field; several; flags */
	CHECK(parse1("1 0 0:5 / /tmp rw,nosuid,nodev,noexec - tmpfs tmpfs rw,size=8192k",
	    &e, buf, sizeof(buf)) == 1);
	CHECK(e.flags == (MI_NOEXEC | MI_NOSUID | MI_NODEV));
	CHECK(parse1("1 0 0:5 / / ro,relatime shared:1 master:2 propagate_from:3 unbindable - ext4 /dev/sda1 rw",
	    &e, buf, sizeof(buf)) == 1);
	CHECK(e.flags == MI_RDONLY);
	CHECK(!mountinfo_writable(&e));
	/* rw bind of a ro superblock is not writable either (P31) */
	CHECK(parse1("2 1 8:1 /sub /x rw - ext4 /dev/sda1 ro,errors=remount-ro",
	    &e, buf, sizeof(buf)) == 1);
	CHECK(e.flags == MI_SB_RDONLY && !mountinfo_writable(&e));
	/* options are words: "noexecx" or "rox" are not flags */
	CHECK(parse1("2 1 8:1 / /x rox,noexecx,xnosuid - ext4 s rwx",
	    &e, buf, sizeof(buf)) == 1);
	CHECK(e.flags == 0);
}

static void
test_escapes(void)
{
	struct mountinfo_entry e;
	char buf[512], s[64];

	CHECK(parse1("3 1 0:40 /a\\040b /data\\040dir\\011x\\012y\\134z rw - tmpfs my\\040src rw",
	    &e, buf, sizeof(buf)) == 1);
	CHECK_STR(e.root, "/a b");
	CHECK_STR(e.point, "/data dir\tx\ny\\z");
	CHECK_STR(e.source, "my src");
	/* a lone backslash or a short escape stays as it is */
	snprintf(s, sizeof(s), "a\\04 \\x\\");
	CHECK(mountinfo_unescape(s) == 0);
	CHECK_STR(s, "a\\04 \\x\\");
	snprintf(s, sizeof(s), "\\101\\377");
	CHECK(mountinfo_unescape(s) == 0);
	CHECK(strcmp(s, "A\377") == 0);
	/* NUL can never be part of a path */
	snprintf(s, sizeof(s), "a\\000b");
	CHECK(mountinfo_unescape(s) == -1);
	/* \400 is out of a byte's range */
	snprintf(s, sizeof(s), "a\\400b");
	CHECK(mountinfo_unescape(s) == -1);
}

static void
test_malformed(void)
{
	static const char *const bad[] = {
		"",					/* (a blank line at the end is 0, below) */
		"36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 ext3 /dev/root rw",	/* no "-" */
		"36 35 98:0 /mnt1 /mnt2 rw -",		/* nothing after "-" */
		"36 35 98:0 /mnt1 /mnt2 rw - ext3 /dev/root",	/* no sb opts */
		"36 35 98:0 /mnt1 /mnt2 rw - ext3 /dev/root rw extra",
		"36 35 98 /mnt1 /mnt2 rw - ext3 /dev/root rw",	/* no minor */
		"36 35 98:x /mnt1 /mnt2 rw - ext3 /dev/root rw",
		"-1 35 98:0 /mnt1 /mnt2 rw - ext3 /dev/root rw",
		"36  35 98:0 /mnt1 /mnt2 rw - ext3 /dev/root rw",	/* two spaces */
		"36 35 98:0 mnt1 /mnt2 rw - ext3 /dev/root rw",		/* relative */
		"36 35 98:0 /mnt1 mnt2 rw - ext3 /dev/root rw",
		"36 35 98:0 /mnt1 /a\\000b rw - ext3 /dev/root rw",	/* NUL */
		"36 35 98:0 /mnt1 /mnt2 rw - ext3 /dev/root rw ",	/* trailing space */
		NULL,
	};
	struct mountinfo_entry e;
	char buf[512];

	for (int i = 1; bad[i] != NULL; i++) {
		int r = parse1(bad[i], &e, buf, sizeof(buf));

		CHECK(r == -1);
		if (r != -1)
			fprintf(stderr, "accepted: %s\n", bad[i]);
	}
	CHECK(parse1(bad[0], &e, buf, sizeof(buf)) == 0);
}

static void
test_iterate(void)
{
	char buf[] =
	    "22 1 0:21 / / ro,nodev - ext4 /dev/sda1 rw\n"
	    "garbage\n"
	    "23 22 0:22 / /tmp rw,noexec - tmpfs tmpfs rw\n";
	char *cur = buf;
	struct mountinfo_entry e;

	CHECK(mountinfo_next(&cur, &e) == 1);
	CHECK_STR(e.point, "/");
	CHECK(mountinfo_next(&cur, &e) == -1);	/* reported, and we go on */
	CHECK(mountinfo_next(&cur, &e) == 1);
	CHECK_STR(e.point, "/tmp");
	CHECK(mountinfo_next(&cur, &e) == 0);
	CHECK(mountinfo_next(&cur, &e) == 0);
}

static void
test_covers(void)
{
	CHECK(mountinfo_covers("/", "/bin/sh"));
	CHECK(mountinfo_covers("/usr", "/usr/bin/x"));
	CHECK(mountinfo_covers("/usr", "/usr"));
	CHECK(mountinfo_covers("/usr/", "/usr/bin"));
	CHECK(!mountinfo_covers("/usr", "/usrx/bin"));
	CHECK(!mountinfo_covers("/usr/bin", "/usr"));
	CHECK(!mountinfo_covers("/", "relative"));
}

int
main(void)
{
	test_fields();
	test_escapes();
	test_malformed();
	test_iterate();
	test_covers();
	return harness_end("mountinfo");
}
