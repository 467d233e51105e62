/* passwd.c: /etc/passwd and /etc/group, parsed strictly.  musl's getpw*
 * parses an empty uid field or 2^32 as 0 (P04); here an id is digits only,
 * in range, or the whole file is refused.  Blank lines are allowed; NIS
 * "+"/"-" lines, NUL bytes, missing or extra fields are not. */
#include <string.h>

#include "passwd.h"

#define PASSWD_FIELDS	7
#define GROUP_FIELDS	4

struct field {
	const char	*p;
	size_t		 len;
};

int
passwd_id_parse(const char *s, size_t len, uint32_t *out)
{
	uint64_t v = 0;

	if (len == 0 || len > 10)
		return -1;
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (uint64_t)(s[i] - '0');
	}
	if (v > ID_MAX)
		return -1;
	*out = (uint32_t)v;
	return 0;
}

/* A user or group name: what useradd accepts, plus '$' for machine
 * accounts; no ',' (the member separator), no space or control byte, and
 * no leading '+'/'-' (NIS compat entries, which we do not follow). */
static int
name_ok(const char *s, size_t len)
{
	if (len == 0 || len >= PW_NAME_MAX || s[0] == '+' || s[0] == '-')
		return 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '_' || c == '-' ||
		    c == '.' ||
		    c == '$' || c == '@'))
			return 0;
	}
	return 1;
}

/* Split one line at ':' into exactly n fields.  0 or -1. */
static int
split_fields(const char *line, size_t len, struct field *f, size_t n)
{
	size_t k = 0, start = 0;

	if (memchr(line, '\0', len) != NULL)
		return -1;
	for (size_t i = 0; i <= len; i++) {
		if (i < len && line[i] != ':')
			continue;
		if (k == n)
			return -1;
		f[k].p = line + start;
		f[k].len = i - start;
		k++;
		start = i + 1;
	}
	return k == n ? 0 : -1;
}

/* The next line of buf from *pos; advances *pos past its newline. */
static int
next_line(const char *buf, size_t len, size_t *pos, const char **line,
    size_t *llen)
{
	const char *nl;

	if (*pos >= len)
		return 0;
	*line = buf + *pos;
	nl = memchr(*line, '\n', len - *pos);
	*llen = nl != NULL ? (size_t)(nl - *line) : len - *pos;
	*pos += *llen + 1;
	return 1;
}

static int
field_is(const struct field *f, const char *s)
{
	return s != NULL && strlen(s) == f->len && memcmp(f->p, s, f->len) == 0;
}

static int
passwd_line(const char *line, size_t len, struct pw_entry *e)
{
	struct field f[PASSWD_FIELDS];

	if (split_fields(line, len, f, PASSWD_FIELDS) == -1 ||
	    !name_ok(f[0].p, f[0].len) ||
	    passwd_id_parse(f[2].p, f[2].len, &e->uid) == -1 ||
	    passwd_id_parse(f[3].p, f[3].len, &e->gid) == -1 ||
	    f[5].len >= PW_HOME_MAX || (f[5].len > 0 && f[5].p[0] != '/'))
		return -1;
	memcpy(e->name, f[0].p, f[0].len);
	e->name[f[0].len] = '\0';
	memcpy(e->home, f[5].p, f[5].len);
	e->home[f[5].len] = '\0';
	return 0;
}

enum pw_result
passwd_find(const char *buf, size_t len, const char *name, uint32_t uid,
    struct pw_entry *out, size_t *line)
{
	int found = 0, dup = 0;
	const char *l;
	size_t pos = 0, llen;

	*line = 0;
	while (next_line(buf, len, &pos, &l, &llen)) {
		struct pw_entry e;

		++*line;
		if (llen == 0)
			continue;
		if (passwd_line(l, llen, &e) == -1)
			return PW_MALFORMED;
		if (name != NULL ? strcmp(e.name, name) != 0 : e.uid != uid)
			continue;
		if (!found)
			*out = e;
		else if (name != NULL)
			dup = 1;	/* by uid: the first entry, as getpwuid */
		found = 1;
	}
	*line = 0;
	return dup ? PW_DUPLICATE : found ? PW_OK : PW_NOTFOUND;
}

/* The next name of a member list (field 4: names separated by ','; empty
 * items are tolerated) from *pos.  1, or 0 at the end.  The one walk of a
 * member list: group_line checks the names, is_member looks for one. */
static int
next_member(const struct field *members, size_t *pos, struct field *m)
{
	while (*pos <= members->len) {
		size_t start = *pos, i = start;

		while (i < members->len && members->p[i] != ',')
			i++;
		*pos = i + 1;
		if (i > start) {
			m->p = members->p + start;
			m->len = i - start;
			return 1;
		}
	}
	return 0;
}

/* One group line: its name, gid and member list.  0 or -1. */
static int
group_line(const char *line, size_t len, struct field f[GROUP_FIELDS],
    uint32_t *gid)
{
	struct field m;

	if (split_fields(line, len, f, GROUP_FIELDS) == -1 ||
	    !name_ok(f[0].p, f[0].len) ||
	    passwd_id_parse(f[2].p, f[2].len, gid) == -1)
		return -1;
	for (size_t pos = 0; next_member(&f[3], &pos, &m);)
		if (!name_ok(m.p, m.len))
			return -1;
	return 0;
}

static int
is_member(const struct field *members, const char *user)
{
	struct field m;

	for (size_t pos = 0; next_member(members, &pos, &m);)
		if (field_is(&m, user))
			return 1;
	return 0;
}

/* The one walk of /etc/group: fn for each entry (blank lines skipped)
 * with its fields and gid, until fn says stop (nonzero, returned).
 * PW_MALFORMED on a bad line; *line is the 1-based line number of the
 * stop or the bad line, 0 after the end. */
typedef int (*group_fn)(void *ctx, const struct field f[GROUP_FIELDS],
    uint32_t gid);

static int
group_walk(const char *buf, size_t len, size_t *line, group_fn fn, void *ctx)
{
	const char *l;
	size_t pos = 0, llen;
	int stop;

	*line = 0;
	while (next_line(buf, len, &pos, &l, &llen)) {
		struct field f[GROUP_FIELDS];
		uint32_t g;

		++*line;
		if (llen == 0)
			continue;
		if (group_line(l, llen, f, &g) == -1)
			return PW_MALFORMED;
		stop = fn(ctx, f, g);
		if (stop != 0)
			return stop;
	}
	*line = 0;
	return PW_OK;
}

struct group_by_name {
	const char	*name;
	uint32_t	*gid;
	int		 found, dup;
};

static int
match_name(void *ctx, const struct field f[GROUP_FIELDS], uint32_t gid)
{
	struct group_by_name *q = ctx;

	if (!field_is(&f[0], q->name))
		return 0;
	if (q->found)
		q->dup = 1;
	else
		*q->gid = gid;
	q->found = 1;
	return 0;
}

enum pw_result
passwd_group_find(const char *buf, size_t len, const char *name, uint32_t *gid,
    size_t *line)
{
	struct group_by_name q = { .name = name, .gid = gid };
	int r = group_walk(buf, len, line, match_name, &q);

	if (r != PW_OK)
		return (enum pw_result)r;
	return q.dup ? PW_DUPLICATE : q.found ? PW_OK : PW_NOTFOUND;
}

static int
add_gid(uint32_t *gids, size_t max, size_t *n, uint32_t gid)
{
	for (size_t i = 0; i < *n; i++)
		if (gids[i] == gid)
			return 0;
	if (*n == max)
		return -1;
	gids[(*n)++] = gid;
	return 0;
}

struct group_list {
	const char	*user;
	uint32_t	*gids;
	size_t		 max, *n;
};

static int
add_member(void *ctx, const struct field f[GROUP_FIELDS], uint32_t gid)
{
	struct group_list *q = ctx;

	if (is_member(&f[3], q->user) &&
	    add_gid(q->gids, q->max, q->n, gid) == -1)
		return PW_TOOMANY;
	return 0;
}

enum pw_result
passwd_group_list(const char *buf, size_t len, const char *user,
    uint32_t primary, uint32_t *gids, size_t max, size_t *n, size_t *line)
{
	struct group_list q = { .user = user, .gids = gids, .max = max,
	    .n = n };

	*n = 0;
	*line = 0;
	if (add_gid(gids, max, n, primary) == -1)
		return PW_TOOMANY;
	return (enum pw_result)group_walk(buf, len, line, add_member, &q);
}
