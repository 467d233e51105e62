/* Unit tests for mounts.c: "can PROGRAM's user create a file on this
 * mount" (--require-noexec and the audit, T57).  Mode bits only, so the
 * answers do not depend on who runs the test. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"
#include "mountinfo.h"
#include "mounts.h"

static char top[] = "/tmp/minit-mounts-XXXXXX";

static void
mk(const char *rel, mode_t mode)
{
	char p[256];

	snprintf(p, sizeof(p), "%s/%s", top, rel);
	CHECK(mkdir(p, mode) == 0 || chmod(p, mode) == 0);
	CHECK(chmod(p, mode) == 0);
}

static bool
w(const char *rel, const struct mounts_who *who)
{
	char p[256];

	snprintf(p, sizeof(p), "%s/%s", top, rel);
	return mounts_user_writable(p, who);
}

/* P45: another writable mount of the same filesystem (same device) whose
 * root holds the path makes it writable; a read-only one, another device,
 * or a sibling folder does not. */
static void
test_alias(void)
{
	/* a relative mount point (no kernel writes one) does not parse */
	char rel[] = "20 1 8:1 /img / ro - ext4 /dev/sda1 rw\n"
	    "24 20 8:1 /img ro2 ro - ext4 /dev/sda1 rw\n";
	char one[] = "20 1 8:1 /img / ro - ext4 /dev/sda1 rw\n"
	    "24 20 8:1 /img /ro2 ro - ext4 /dev/sda1 rw\n"
	    "26 20 8:1 /imgx /sib rw - ext4 /dev/sda1 rw\n"
	    "27 20 8:1 /img/t /t rw - ext4 /dev/sda1 rw\n";
	char bad[] = "20 1 8:1 /img\n";
	struct mountinfo_entry *m;
	const struct mountinfo_entry *on, *a;
	size_t n;

	CHECK(mounts_parse(bad, &n) == NULL);
	CHECK(mounts_parse(rel, &n) == NULL);

	m = mounts_parse(one, &n);
	CHECK(m != NULL && n == 4);
	if (m == NULL)
		return;
	on = mounts_holding(m, n, "/");
	CHECK(on == &m[0]);
	/* a folder below /'s root written elsewhere: not all of / ... */
	CHECK(mounts_writable_alias(m, n, on, "/", false) == NULL);
	/* ... but it counts for --require-noexec (below) */
	a = mounts_writable_alias(m, n, on, "/", true);
	CHECK(a != NULL && strcmp(a->point, "/t") == 0);
	/* a file under that folder is writable through it */
	on = mounts_holding(m, n, "/bin/sh");
	CHECK(on == &m[0]);
	a = mounts_writable_alias(m, n, mounts_holding(m, n, "/t/probe"),
	    "/t/probe", false);
	CHECK(a == NULL);	/* /t/probe is on the mount at /t itself */
	a = mounts_writable_alias(m, n, &m[0], "/t/probe", false);
	CHECK(a != NULL && strcmp(a->point, "/t") == 0);
	free(m);
}

static void
test_alias_root(void)
{
	char text[] = "20 1 8:1 /img / ro - ext4 /dev/sda1 rw\n"
	    "21 20 8:1 / /host rw - ext4 /dev/sda1 rw\n";
	char ro[] = "20 1 8:1 /img / ro - ext4 /dev/sda1 rw\n"
	    "21 20 8:1 / /host ro - ext4 /dev/sda1 rw\n"
	    "22 20 8:2 /img /other rw - ext4 /dev/sdb1 rw\n";
	struct mountinfo_entry *m;
	const struct mountinfo_entry *a;
	size_t n;

	/* the whole filesystem, rw, above /'s root: / is writable there */
	m = mounts_parse(text, &n);
	CHECK(m != NULL && n == 2);
	if (m != NULL) {
		a = mounts_writable_alias(m, n, &m[0], "/", false);
		CHECK(a != NULL && strcmp(a->point, "/host") == 0);
	}
	free(m);
	/* control: read-only there, or the same root on another device */
	m = mounts_parse(ro, &n);
	CHECK(m != NULL && n == 3);
	if (m != NULL)
		CHECK(mounts_writable_alias(m, n, &m[0], "/", true) == NULL);
	free(m);
}

int
main(void)
{
	test_alias();
	test_alias_root();
	gid_t extra[] = { 2000 };
	struct mounts_who app = { .uid = 4242, .gid = 4242 };
	struct mounts_who member = { .uid = 4243, .gid = 4243, .groups = extra,
	    .ngroups = 1 };
	struct mounts_who dac = { .uid = 4244, .gid = 4244, .dac_override = true };
	struct mounts_who owner = { .uid = getuid(), .gid = 4245 };
	char p[256];
	FILE *f;

	CHECK(mkdtemp(top) != NULL);
	mk("ro", 0755);
	mk("ro/a", 0755);
	mk("ro/a/b", 0755);
	CHECK(!w("ro", &app));			/* nothing to write to */
	CHECK(w("ro", &owner));			/* the owner may */
	CHECK(w("ro", &dac));			/* CAP_DAC_OVERRIDE may */

	mk("deep", 0755);
	mk("deep/a", 0755);
	mk("deep/a/b", 01777);			/* like /tmp, far below */
	CHECK(w("deep", &app));

	mk("closed", 0755);
	mk("closed/x", 0700);			/* cannot pass through ... */
	mk("closed/x/open", 0777);		/* ... so this does not count */
	CHECK(!w("closed", &app));

	mk("grp", 0755);
	mk("grp/g", 0775);
	snprintf(p, sizeof(p), "%s/grp/g", top);
	CHECK(chown(p, getuid(), 2000) == 0);
	CHECK(w("grp", &member));		/* group write through a supplementary group */
	CHECK(!w("grp", &app));

	mk("wx-only", 0733);			/* write+search, no read: still writable */
	CHECK(w("wx-only", &app));

	snprintf(p, sizeof(p), "%s/file", top);
	f = fopen(p, "w");
	CHECK(f != NULL);
	if (f != NULL)
		fclose(f);
	CHECK(chmod(p, 0644) == 0);
	CHECK(!w("file", &app));		/* a file bind mount: mode decides */
	CHECK(chmod(p, 0666) == 0);
	CHECK(w("file", &app));

	CHECK(mounts_is_node("/dev/null"));
	CHECK(!mounts_is_node(top));
	CHECK(!w("missing", &app));

	snprintf(p, sizeof(p), "rm -rf '%s'", top);
	CHECK(system(p) == 0);
	return harness_end("mounts");
}
