/* Unit tests for execpath.c: PATH search (P36). */
#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "execpath.h"
#include "harness.h"

int
main(void)
{
	char buf[256], dir[] = "/tmp/minit-execpath-XXXXXX", path[512];
	char *envp1[] = { "A=1", "PATH=/x:/y", NULL }, *envp2[] = { "A=1", NULL };

	CHECK_STR(execpath_from_env(envp1), "/x:/y");
	CHECK_STR(execpath_from_env(envp2), MINIT_DEFAULT_PATH);

	CHECK(execpath_resolve("sh", "/nonexistent:/bin", buf, sizeof(buf)) == 0);
	CHECK_STR(buf, "/bin/sh");
	CHECK(execpath_resolve("./rel", "/bin", buf, sizeof(buf)) == 0);
	CHECK_STR(buf, "./rel");
	CHECK(execpath_resolve("no-such-program-xyz", MINIT_DEFAULT_PATH, buf, sizeof(buf)) == ENOENT);
	CHECK(execpath_resolve("", "/bin", buf, sizeof(buf)) == ENOENT);
	CHECK(execpath_resolve("sh", "/bin", buf, 5) == ENAMETOOLONG);

	/* relative and empty elements are skipped: no ./ls from the cwd (T64) */
	CHECK(mkdtemp(dir) != NULL);
	snprintf(path, sizeof(path), "%s/only-here", dir);
	{
		FILE *f = fopen(path, "w");
		CHECK(f != NULL);
		if (f != NULL)
			fclose(f);
	}
	CHECK(chmod(path, 0755) == 0);
	CHECK(chdir(dir) == 0);
	CHECK(execpath_resolve("only-here", "::.:/nonexistent", buf, sizeof(buf)) == ENOENT);
	CHECK(execpath_resolve("only-here", dir, buf, sizeof(buf)) == 0);
	/* found but not executable: EACCES, not ENOENT */
	CHECK(chmod(path, 0644) == 0);
	CHECK(execpath_resolve("only-here", dir, buf, sizeof(buf)) == EACCES);
	CHECK(unlink(path) == 0);
	CHECK(rmdir(dir) == 0);
	return harness_end("execpath");
}
