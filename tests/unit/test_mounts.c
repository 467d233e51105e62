/* Unit tests for mounts.c: "can PROGRAM's user create a file on this
 * mount" (--require-noexec and the audit, T57).  Mode bits only, so the
 * answers do not depend on who runs the test. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"
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

int
main(void)
{
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
