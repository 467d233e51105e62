/* mountinfo.c: parse /proc/self/mountinfo (proc(5), "/proc/pid/mountinfo"):
 *
 * 36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=ro
 * (1)(2)(3)   (4)   (5)      (6)      (7)    (8) (9)    (10)        (11)
 *
 * Field 7 is zero or more optional fields ended by a lone "-", so newer
 * kernels may add tags there without breaking us.  The kernel escapes space,
 * tab, newline and backslash in paths as \ooo (seq_path/mangle_path). */
#include <stdlib.h>
#include <string.h>

#include "mountinfo.h"

static int
is_odigit(char c)
{
	return c >= '0' && c <= '7';
}

int
mountinfo_unescape(char *s)
{
	char *w = s;

	for (const char *r = s; *r != '\0'; r++) {
		if (r[0] == '\\' && is_odigit(r[1]) && is_odigit(r[2]) &&
		    is_odigit(r[3])) {
			int v = (r[1] - '0') * 64 + (r[2] - '0') * 8 +
			    (r[3] - '0');

			if (v == 0 || v > 255)
				return -1;	/* no path holds a NUL */
			*w++ = (char)v;
			r += 3;
		} else {
			*w++ = *r;
		}
	}
	*w = '\0';
	return 0;
}

/* Next space-separated field of *p, NUL-terminated in place; NULL if none. */
static char *
field(char **p)
{
	char *s = *p, *e;

	if (*s == '\0' || *s == ' ')
		return NULL;	/* fields are separated by exactly one space */
	e = strchr(s, ' ');
	if (e != NULL) {
		*e = '\0';
		*p = e + 1;
	} else {
		*p = s + strlen(s);
	}
	return s;
}

static int
parse_ulong(const char *s, char stop, unsigned long *v, const char **end)
{
	char *e;

	if (*s < '0' || *s > '9')
		return -1;
	*v = strtoul(s, &e, 10);
	if (*e != stop)
		return -1;
	*end = e;
	return 0;
}

/* True when the comma-separated list opts holds exactly the word w. */
static int
has_opt(const char *opts, const char *w)
{
	size_t n = strlen(w);

	for (const char *p = opts; p != NULL; p = strchr(p, ',')) {
		if (*p == ',')
			p++;
		if (strncmp(p, w, n) == 0 && (p[n] == ',' || p[n] == '\0'))
			return 1;
	}
	return 0;
}

static unsigned
opt_flags(const char *opts, const char *sb_opts)
{
	unsigned f = 0;

	if (has_opt(opts, "ro"))
		f |= MI_RDONLY;
	if (has_opt(opts, "noexec"))
		f |= MI_NOEXEC;
	if (has_opt(opts, "nosuid"))
		f |= MI_NOSUID;
	if (has_opt(opts, "nodev"))
		f |= MI_NODEV;
	if (has_opt(sb_opts, "ro"))
		f |= MI_SB_RDONLY;
	return f;
}

static int
parse_line(char *line, struct mountinfo_entry *e)
{
	char *p = line, *f, *ids[3];
	const char *end;
	size_t n = strlen(line);

	if (n == 0 || line[n - 1] == ' ')
		return -1;	/* a trailing empty field */
	for (int i = 0; i < 3; i++)
		if ((ids[i] = field(&p)) == NULL)
			return -1;
	if (parse_ulong(ids[0], '\0', &e->id, &end) == -1 ||
	    parse_ulong(ids[1], '\0', &e->parent, &end) == -1 ||
	    parse_ulong(ids[2], ':', &e->major, &end) == -1 ||
	    parse_ulong(end + 1, '\0', &e->minor, &end) == -1)
		return -1;
	if ((e->root = field(&p)) == NULL || (e->point = field(&p)) == NULL ||
	    (e->opts = field(&p)) == NULL)
		return -1;
	do	/* optional fields, up to the lone "-" */
		f = field(&p);
	while (f != NULL && strcmp(f, "-") != 0);
	if (f == NULL || (e->fstype = field(&p)) == NULL ||
	    (e->source = field(&p)) == NULL ||
	    (e->sb_opts = field(&p)) == NULL ||
	    *p != '\0')
		return -1;
	if (mountinfo_unescape(e->root) == -1 ||
	    mountinfo_unescape(e->point) == -1 ||
	    mountinfo_unescape(e->fstype) == -1 ||
	    mountinfo_unescape(e->source) == -1)
		return -1;
	if (e->point[0] != '/' || e->root[0] != '/')
		return -1;
	e->flags = opt_flags(e->opts, e->sb_opts);
	return 0;
}

int
mountinfo_next(char **cursor, struct mountinfo_entry *e)
{
	char *line = *cursor, *nl;

	if (*line == '\0')
		return 0;
	nl = strchr(line, '\n');
	if (nl != NULL) {
		*nl = '\0';
		*cursor = nl + 1;
	} else {
		*cursor = line + strlen(line);
	}
	memset(e, 0, sizeof(*e));
	return parse_line(line, e) == 0 ? 1 : -1;
}

bool
mountinfo_writable(const struct mountinfo_entry *e)
{
	return (e->flags & (MI_RDONLY | MI_SB_RDONLY)) == 0;
}

bool
mountinfo_covers(const char *mnt, const char *path)
{
	size_t n = strlen(mnt);

	if (strcmp(mnt, "/") == 0)
		return path[0] == '/';
	while (n > 1 && mnt[n - 1] == '/')
		n--;
	return strncmp(mnt, path, n) == 0 &&
	    (path[n] == '\0' || path[n] == '/');
}
