/* Unit tests for passwd.c: the /etc/passwd and /etc/group parser (P03, P04,
 * P05; T05, T06, T07). */
#include <string.h>

#include "harness.h"
#include "passwd.h"

#define S(x) x, sizeof(x) - 1

static const char pw[] =
	"root:x:0:0::/root:/bin/sh\n"
	"app:x:1000:1000::/home/app:/bin/sh\n"
	"\n"
	"0day:x:1001:1001::/:/bin/sh\n"
	"nobody:x:65534:65534::/:/sbin/nologin\n"
	"toor:x:0:0::/root:/bin/sh";	/* no final newline */

static const char gr[] =
	"root:x:0:root\n"
	"disk:x:6:root\n"
	"app:x:1000:\n"
	"extra:x:2000:app\n"
	"more:x:3000:root,app,,other\n"
	"again:x:2000:app\n";

static void
test_id_parse(void)
{
	uint32_t v = 7;

	CHECK(passwd_id_parse(S("0"), &v) == 0 && v == 0);
	CHECK(passwd_id_parse(S("1000"), &v) == 0 && v == 1000);
	CHECK(passwd_id_parse(S("4294967294"), &v) == 0 && v == 4294967294U);
	/* (uid_t)-1 is "no change"; 2^32 would truncate to 0 (T05) */
	CHECK(passwd_id_parse(S("4294967295"), &v) == -1);
	CHECK(passwd_id_parse(S("4294967296"), &v) == -1);
	CHECK(passwd_id_parse(S("18446744073709551616"), &v) == -1);
	CHECK(passwd_id_parse(S(""), &v) == -1);
	CHECK(passwd_id_parse(S("-1"), &v) == -1);
	CHECK(passwd_id_parse(S("+1000"), &v) == -1);
	CHECK(passwd_id_parse(S(" 1000"), &v) == -1);
	CHECK(passwd_id_parse(S("1000 "), &v) == -1);
	CHECK(passwd_id_parse(S("0x3e8"), &v) == -1);
	CHECK(passwd_id_parse(S("1e3"), &v) == -1);
}

static void
test_passwd_find(void)
{
	struct pw_entry e;
	size_t line;

	CHECK(passwd_find(S(pw), "app", 0, &e, &line) == PW_OK);
	CHECK(e.uid == 1000 && e.gid == 1000);
	CHECK_STR(e.name, "app");
	CHECK_STR(e.home, "/home/app");
	CHECK(passwd_find(S(pw), "0day", 0, &e, &line) == PW_OK && e.uid == 1001);
	CHECK(passwd_find(S(pw), "nosuch", 0, &e, &line) == PW_NOTFOUND);
	CHECK(passwd_find(S(pw), "", 0, &e, &line) == PW_NOTFOUND);
	/* by uid: the first entry, as getpwuid */
	CHECK(passwd_find(S(pw), NULL, 0, &e, &line) == PW_OK);
	CHECK_STR(e.name, "root");
	CHECK(passwd_find(S(pw), NULL, 65534, &e, &line) == PW_OK);
	CHECK_STR(e.home, "/");
	CHECK(passwd_find(S(pw), NULL, 4242, &e, &line) == PW_NOTFOUND);
	CHECK(passwd_find(S(""), "app", 0, &e, &line) == PW_NOTFOUND);
}

static void
test_passwd_malformed(void)
{
	struct pw_entry e;
	size_t line;

	/* T07: an empty uid must not resolve to 0, nor 2^32 */
	CHECK(passwd_find(S("a:x:1:1::/:/bin/sh\nevil:x::1000::/:/bin/sh\n"),
	    "evil", 0, &e, &line) == PW_MALFORMED && line == 2);
	CHECK(passwd_find(S("evil2:x:4294967296:1000::/:/bin/sh\n"), "evil2", 0,
	    &e, &line) == PW_MALFORMED && line == 1);
	/* the whole file is refused, even for another name */
	CHECK(passwd_find(S("app:x:1000:1000::/:/bin/sh\nbad\n"), "app", 0, &e,
	    &line) == PW_MALFORMED && line == 2);
	CHECK(passwd_find(S("app:x:1000:1000::/:\n"), "app", 0, &e, &line) == PW_OK);
	CHECK(passwd_find(S("app:x:1000:1000::/\n"), "app", 0, &e, &line) == PW_MALFORMED);
	CHECK(passwd_find(S("app:x:1000:1000::/:/bin/sh:x\n"), "app", 0, &e, &line) == PW_MALFORMED);
	CHECK(passwd_find(S("app:x:1000:-1::/:/bin/sh\n"), "app", 0, &e, &line) == PW_MALFORMED);
	CHECK(passwd_find(S("+app:x:1000:1000::/:/bin/sh\n"), "+app", 0, &e, &line) == PW_MALFORMED);
	CHECK(passwd_find(S("+::::::\n"), "app", 0, &e, &line) == PW_MALFORMED);
	CHECK(passwd_find(S("a pp:x:1:1::/:/bin/sh\n"), "a pp", 0, &e, &line) == PW_MALFORMED);
	CHECK(passwd_find(S("app:x:1:1::home:/bin/sh\n"), "app", 0, &e, &line) == PW_MALFORMED);
	CHECK(passwd_find("app:x:1:1::/\0:/bin/sh\n", 21, "app", 0, &e, &line) == PW_MALFORMED);
	CHECK(passwd_find(S("app:x:1000:1000::/:/bin/sh\r\n"), "app", 0, &e, &line) == PW_OK);
	/* a name matching two entries is ambiguous */
	CHECK(passwd_find(S("app:x:1000:1000::/:/bin/sh\napp:x:0:0::/:/bin/sh\n"),
	    "app", 0, &e, &line) == PW_DUPLICATE);
}

static void
test_groups(void)
{
	uint32_t gids[8], gid;
	size_t n, line;

	CHECK(passwd_group_find(S(gr), "extra", &gid, &line) == PW_OK && gid == 2000);
	CHECK(passwd_group_find(S(gr), "nosuch", &gid, &line) == PW_NOTFOUND);
	CHECK(passwd_group_find(S("a:x:1:\na:x:2:\n"), "a", &gid, &line) == PW_DUPLICATE);
	CHECK(passwd_group_find(S("a:x::\n"), "a", &gid, &line) == PW_MALFORMED && line == 1);
	CHECK(passwd_group_find(S("a:x:1\n"), "a", &gid, &line) == PW_MALFORMED);
	CHECK(passwd_group_find(S("a:x:1:b c\n"), "a", &gid, &line) == PW_MALFORMED);

	/* initgroups: primary first, each listing once (P05) */
	CHECK(passwd_group_list(S(gr), "app", 1000, gids, 8, &n, &line) == PW_OK);
	CHECK(n == 3 && gids[0] == 1000 && gids[1] == 2000 && gids[2] == 3000);
	CHECK(passwd_group_list(S(gr), "root", 0, gids, 8, &n, &line) == PW_OK);
	CHECK(n == 3 && gids[0] == 0 && gids[1] == 6 && gids[2] == 3000);
	CHECK(passwd_group_list(S(gr), "nobody", 65534, gids, 8, &n, &line) == PW_OK);
	CHECK(n == 1 && gids[0] == 65534);
	/* "app" is not a member of a group listing "apple" */
	CHECK(passwd_group_list(S("g:x:5:apple\n"), "app", 1, gids, 8, &n, &line) == PW_OK && n == 1);
	CHECK(passwd_group_list(S(gr), "app", 1000, gids, 2, &n, &line) == PW_TOOMANY);
	CHECK(passwd_group_list(S("bad\n"), "app", 1, gids, 8, &n, &line) == PW_MALFORMED);
}

int
main(void)
{
	test_id_parse();
	test_passwd_find();
	test_passwd_malformed();
	test_groups();
	return harness_end("passwd");
}
