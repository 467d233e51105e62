/* oci.c: Docker/OCI seccomp JSON into a struct profile.
 *
 * The text is tokenised by jsmn (third_party/jsmn: a header-only MIT
 * tokenizer, no allocation, no recursion: it fills an array of tokens that
 * this file walks).  Only the fields a runtime uses are read; unknown keys
 * are ignored, as runc and Docker ignore them.  Rules combine as libseccomp
 * combines them under runc and crun, so a profile means here what it means
 * under Podman or Docker:
 *   - the first unconditional rule of a syscall wins; later ones are ignored;
 *   - an unconditional rule covers every conditional rule of the syscall;
 *   - conditional rules add up, each with its own action.
 * Argument checks become the same 32-bit masked compares as the line
 * language's (P17).  docs/seccomp.md, "Docker/OCI JSON profiles". */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#include <cap-ng.h>

#define JSMN_STATIC
#define JSMN_STRICT
#define JSMN_PARENT_LINKS	/* closing a bracket in O(1), not a scan back */
#include "third_party/jsmn/jsmn.h"

#include "arch.h"
#include "oci.h"

struct walk {
	const char	*js;
	size_t		 len;
	const jsmntok_t	*t;
	int		 n;
	struct profile	*p;
	const struct oci_env *env;
	struct oci_report *rep;
	struct prof_error *err;
};

/* The byte offset of token i (the end of the text for -1). */
static int
at(const struct walk *w, int i)
{
	return i >= 0 && i < w->n ? w->t[i].start : (int)w->len;
}

static unsigned
line_of(const struct walk *w, int off)
{
	unsigned line = 1;

	for (int k = 0; k < off && k < (int)w->len; k++)
		line += w->js[k] == '\n';
	return line;
}

static int fail(struct walk *w, int off, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Every message starts with the JSON place (the caller's fmt does that);
 * only printable ASCII copied by str() reaches it. */
static int
fail(struct walk *w, int off, const char *fmt, ...)
{
	va_list ap;

	w->err->line = line_of(w, off);
	va_start(ap, fmt);
	(void)vsnprintf(w->err->msg, sizeof(w->err->msg), fmt, ap);
	va_end(ap);
	return -1;
}

/* The index after token i and everything inside it (no recursion: every
 * token adds its children to what is left to skip). */
static int
next(const struct walk *w, int i)
{
	int left = 1;

	while (left > 0 && i < w->n) {
		left += w->t[i].size;
		left--;
		i++;
	}
	return i;
}

static int
is(const struct walk *w, int i, const char *lit)
{
	size_t n = (size_t)(w->t[i].end - w->t[i].start);

	return w->t[i].type == JSMN_STRING && strlen(lit) == n &&
	    memcmp(w->js + w->t[i].start, lit, n) == 0;
}

/* A string token into buf: printable ASCII without escapes (every name
 * and keyword a profile uses is), else -1 and the message. */
static int
str(struct walk *w, int i, const char *where, char *buf, size_t size)
{
	size_t n = (size_t)(w->t[i].end - w->t[i].start);
	const char *s = w->js + w->t[i].start;

	if (w->t[i].type != JSMN_STRING)
		return fail(w, at(w, i), "%s: want a string", where);
	if (n >= size)
		return fail(w, at(w, i), "%s: string longer than %zu bytes", where,
		    size - 1);
	for (size_t k = 0; k < n; k++)
		if (s[k] < 0x20 || s[k] > 0x7e || s[k] == '\\')
			return fail(w, at(w, i), "%s: want printable ASCII without "
			    "escapes", where);
	memcpy(buf, s, n);
	buf[n] = '\0';
	return 0;
}

/* A non-negative integer token (no sign, fraction or exponent). */
static int
num(struct walk *w, int i, const char *where, uint64_t *out)
{
	const char *s = w->js + w->t[i].start;
	int n = w->t[i].end - w->t[i].start;
	uint64_t v = 0;

	if (w->t[i].type != JSMN_PRIMITIVE || n == 0 || n > 20)
		return fail(w, at(w, i), "%s: want a non-negative integer", where);
	for (int k = 0; k < n; k++) {
		unsigned d = (unsigned)(s[k] - '0');

		if (d > 9 || v > (UINT64_MAX - d) / 10)
			return fail(w, at(w, i), "%s: want a non-negative integer "
			    "below 2^64", where);
		v = v * 10 + d;
	}
	*out = v;
	return 0;
}

static int
is_null(const struct walk *w, int i)
{
	return w->t[i].type == JSMN_PRIMITIVE &&
	    w->t[i].end - w->t[i].start == 4 && memcmp(w->js + w->t[i].start, "null", 4) == 0;
}

/* An array token (null counts as empty): its element count, or -1. */
static int
array(struct walk *w, int i, const char *where)
{
	if (is_null(w, i))
		return 0;
	if (w->t[i].type != JSMN_ARRAY)
		return fail(w, at(w, i), "%s: want an array", where);
	return w->t[i].size;
}

static int
object(struct walk *w, int i, const char *where)
{
	if (w->t[i].type != JSMN_OBJECT)
		return fail(w, at(w, i), "%s: want an object", where);
	return 0;
}

/* The value token of key in the object at i, or 0 (never a valid value
 * index: 0 is the top-level object). */
static int
member(const struct walk *w, int i, const char *key)
{
	int k = i + 1;

	for (int left = w->t[i].size; left > 0 && k + 1 < w->n; left--) {
		if (is(w, k, key))
			return k + 1;
		k = next(w, k + 1);
	}
	return 0;
}

static int
errno_value(struct walk *w, int i, const char *where, uint16_t *out)
{
	uint64_t v;

	if (num(w, i, where, &v) == -1)
		return -1;
	if (v == 0)
		return fail(w, at(w, i), "%s: errno 0 would fake success", where);
	if (v > 4095)
		return fail(w, at(w, i), "%s: errno %llu: want 1..4095", where,
		    (unsigned long long)v);
	*out = (uint16_t)v;
	return 0;
}

/* action (and errnoRet, 0 if absent) into a; def_errno for ERRNO without
 * errnoRet. */
static int
action(struct walk *w, int i, int ret, const char *where, uint16_t def_errno,
    struct prof_action *a)
{
	char s[32];

	if (i == 0)
		return fail(w, at(w, -1), "%s: missing", where);
	if (str(w, i, where, s, sizeof(s)) == -1)
		return -1;
	*a = (struct prof_action){ .act = PROF_NONE };
	if (strcmp(s, "SCMP_ACT_ALLOW") == 0)
		a->act = PROF_ALLOW;
	else if (strcmp(s, "SCMP_ACT_LOG") == 0)
		a->act = PROF_LOG;
	/* KILL and KILL_THREAD kill only the thread under runc; minit kills
	 * the process (never a half-dead program) */
	else if (strcmp(s, "SCMP_ACT_KILL") == 0 ||
	    strcmp(s, "SCMP_ACT_KILL_THREAD") == 0 ||
	    strcmp(s, "SCMP_ACT_KILL_PROCESS") == 0)
		a->act = PROF_KILL;
	else if (strcmp(s, "SCMP_ACT_ERRNO") == 0) {
		a->act = PROF_ERRNO;
		a->err = def_errno;
		if (ret != 0 && errno_value(w, ret, where, &a->err) == -1)
			return -1;
	} else if (strcmp(s, "SCMP_ACT_TRAP") == 0 ||
	    strcmp(s, "SCMP_ACT_TRACE") == 0 ||
	    strcmp(s, "SCMP_ACT_NOTIFY") == 0)
		return fail(w, at(w, i), "%s: %s is not supported (only ALLOW, ERRNO, "
		    "KILL, KILL_THREAD, KILL_PROCESS, LOG)", where, s);
	else
		return fail(w, at(w, i), "%s: unknown action '%s'", where,
		    profile_token_shown(s));
	return 0;
}

/* The "architectures" list or the "archMap" entries must name this
 * machine's ABI when present: minit's filter is for that ABI only. */
static int
check_arches(struct walk *w)
{
	char s[32];
	int list = member(w, 0, "architectures"), map = member(w, 0, "archMap");
	int n, k, found = 0, any = 0;

	if (list != 0) {
		if ((n = array(w, list, "architectures")) == -1)
			return -1;
		for (k = list + 1; n-- > 0; k = next(w, k)) {
			if (str(w, k, "architectures[]", s, sizeof(s)) == -1)
				return -1;
			found |= strcmp(s, arch_native.oci_arch) == 0;
			any = 1;
		}
	}
	if (map != 0) {
		if ((n = array(w, map, "archMap")) == -1)
			return -1;
		for (k = map + 1; n-- > 0; k = next(w, k)) {
			int a;

			if (object(w, k, "archMap[]") == -1)
				return -1;
			a = member(w, k, "architecture");
			if (a == 0)
				return fail(w, at(w, k), "archMap[]: no architecture");
			if (str(w, a, "archMap[].architecture", s, sizeof(s)) == -1)
				return -1;
			found |= strcmp(s, arch_native.oci_arch) == 0;
			any = 1;
		}
	}
	if (any && !found)
		return fail(w, at(w, list != 0 ? list : map), "architectures: %s is "
		    "not listed: the profile is not for this machine",
		    arch_native.oci_arch);
	return 0;
}

/* "CAP_SYS_ADMIN" held by PROGRAM? An unknown name is not held. */
static int
holds(const struct walk *w, const char *name)
{
	char low[32];
	size_t k;
	int cap;

	if (strncmp(name, "CAP_", 4) == 0)
		name += 4;
	for (k = 0; name[k] != '\0' && k + 1 < sizeof(low); k++)
		low[k] = (char)(name[k] >= 'A' && name[k] <= 'Z' ?
		    name[k] - 'A' + 'a' : name[k]);
	low[k] = '\0';
	cap = capng_name_to_capability(low);
	return cap >= 0 && cap < 64 && (w->env->caps >> cap & 1U) != 0;
}

/* "4.8": the running kernel is at least that. */
static int
kernel_at_least(struct walk *w, int i, const char *where, int *yes)
{
	char s[16];
	unsigned v[2] = { 0, 0 }, part = 0;

	if (str(w, i, where, s, sizeof(s)) == -1)
		return -1;
	for (const char *c = s; *c != '\0'; c++) {
		if (*c == '.' && part == 0 && c != s && c[1] != '\0')
			part = 1;
		else if (*c >= '0' && *c <= '9' && v[part] < 100000)
			v[part] = v[part] * 10 + (unsigned)(*c - '0');
		else
			return fail(w, at(w, i), "%s: want a kernel version like 4.8",
			    where);
	}
	if (part == 0)
		return fail(w, at(w, i), "%s: want a kernel version like 4.8", where);
	*yes = w->env->kernel[0] > v[0] ||
	    (w->env->kernel[0] == v[0] && w->env->kernel[1] >= v[1]);
	return 0;
}

/* includes (want 1) or excludes (want 0) at i: does the entry apply?
 * includes: every listed cap held, this arch listed, kernel new enough;
 * excludes: no listed cap held, this arch not listed, kernel older. */
static int
filter(struct walk *w, int i, int include, const char *where, int *applies)
{
	char s[32] = "";
	int caps, arches, kern, n, k;

	if (i == 0 || is_null(w, i))
		return 0;
	if (object(w, i, where) == -1)
		return -1;
	caps = member(w, i, "caps");
	arches = member(w, i, "arches");
	kern = member(w, i, "minKernel");
	if (caps != 0) {
		if ((n = array(w, caps, where)) == -1)
			return -1;
		for (k = caps + 1; n-- > 0; k = next(w, k)) {
			if (str(w, k, where, s, sizeof(s)) == -1)
				return -1;
			if (holds(w, s) != include)
				*applies = 0;
		}
	}
	if (arches != 0) {
		int listed = 0;

		if ((n = array(w, arches, where)) == -1)
			return -1;
		for (k = arches + 1; n-- > 0; k = next(w, k)) {
			if (str(w, k, where, s, sizeof(s)) == -1)
				return -1;
			listed |= strcmp(s, arch_native.go_arch) == 0;
		}
		if (w->t[arches].size > 0 && listed != include)
			*applies = 0;
	}
	if (kern != 0 && !is_null(w, kern)) {
		int yes = 0;

		if (kernel_at_least(w, kern, where, &yes) == -1)
			return -1;
		if (yes != include)
			*applies = 0;
	}
	return 0;
}

/* One args[] element as a 32-bit masked compare (P17). */
static int
condition(struct walk *w, int i, const char *where, struct prof_cond *c)
{
	int idx = member(w, i, "index"), val = member(w, i, "value"),
	    two = member(w, i, "valueTwo"), op = member(w, i, "op");
	uint64_t index = 0, v = 0, v2 = 0;
	char s[32] = "";

	if (object(w, i, where) == -1)
		return -1;
	if (idx == 0 || op == 0)
		return fail(w, at(w, i), "%s: want index and op", where);
	if (num(w, idx, where, &index) == -1 ||
	    (val != 0 && num(w, val, where, &v) == -1) ||
	    (two != 0 && num(w, two, where, &v2) == -1) ||
	    str(w, op, where, s, sizeof(s)) == -1)
		return -1;
	if (index > 5)
		return fail(w, at(w, idx), "%s: index %llu: want 0..5", where,
		    (unsigned long long)index);
	*c = (struct prof_cond){ .arg = (uint8_t)index, .mask = UINT32_MAX,
	    .nvals = 1 };
	if (strcmp(s, "SCMP_CMP_EQ") == 0 || strcmp(s, "SCMP_CMP_NE") == 0) {
		c->op = s[9] == 'E' ? PROF_MASKED_EQ : PROF_NOT_IN;
		c->val[0] = (uint32_t)v;
	} else if (strcmp(s, "SCMP_CMP_MASKED_EQ") == 0) {
		c->op = PROF_MASKED_EQ;
		c->mask = (uint32_t)v;
		c->val[0] = (uint32_t)v2;
		if (v == 0)
			return fail(w, at(w, i), "%s: mask 0 always matches", where);
		if ((v2 & ~v) != 0)
			return fail(w, at(w, i), "%s: valueTwo 0x%llx has bits outside "
			    "the mask 0x%llx: it never matches", where,
			    (unsigned long long)v2, (unsigned long long)v);
	} else if (strncmp(s, "SCMP_CMP_", 9) == 0 &&
	    (strcmp(s + 9, "LT") == 0 || strcmp(s + 9, "LE") == 0 ||
	    strcmp(s + 9, "GT") == 0 || strcmp(s + 9, "GE") == 0)) {
		return fail(w, at(w, op), "%s: %s is not supported (only SCMP_CMP_EQ, "
		    "SCMP_CMP_NE and SCMP_CMP_MASKED_EQ)", where, s);
	} else {
		return fail(w, at(w, op), "%s: unknown op '%s'", where,
		    profile_token_shown(s));
	}
	if (v > UINT32_MAX || v2 > UINT32_MAX)
		return fail(w, at(w, i), "%s: value above 2^32: minit compares the "
		    "low 32 bits, as the kernel reads int arguments", where);
	return 0;
}

/* Add one rule as libseccomp would under runc (see the top). */
static int
add(struct walk *w, int i, int nr, struct prof_action a,
    const struct prof_cond *c, int ncond)
{
	struct profile *p = w->p;
	struct prof_sys *s = &p->sys[nr];
	unsigned line = line_of(w, at(w, i));
	uint16_t l16 = (uint16_t)(line > UINT16_MAX ? UINT16_MAX : line);

	if (s->state == PROF_SYS_ALWAYS)
		return 0;
	if (ncond == 0) {
		profile_drop_rules(p, nr);
		*s = (struct prof_sys){ .state = PROF_SYS_ALWAYS, .action = a,
		    .line = l16 };
		return 0;
	}
	if (p->nrules == PROF_MAX_RULES)
		return fail(w, at(w, i), "too many conditional rules (at most %d)",
		    PROF_MAX_RULES);
	if (s->state == PROF_SYS_NONE)
		*s = (struct prof_sys){ .state = PROF_SYS_IF, .action = a,
		    .line = l16 };
	p->rule[p->nrules] = (struct prof_rule){ .nr = (uint16_t)nr,
	    .line = l16, .ncond = (uint8_t)ncond, .action = a };
	memcpy(p->rule[p->nrules].cond, c, sizeof(*c) * (size_t)ncond);
	p->nrules++;
	return 0;
}

static void
unknown_name(struct walk *w, int i, const char *name)
{
	if (w->rep->unknown++ == 0) {
		w->rep->unknown_line = line_of(w, at(w, i));
		snprintf(w->rep->unknown_name, sizeof(w->rep->unknown_name),
		    "%s", profile_token_shown(name));
	}
}

/* syscalls[k] at i. */
static int
entry(struct walk *w, int i, int k, uint16_t def_errno)
{
	struct prof_cond cond[PROF_MAX_CONDS] = { 0 };
	struct prof_action a;
	char where[48], name[64];
	int names, one, args, n, j, ncond = 0, applies = 1;

	snprintf(where, sizeof(where), "syscalls[%d]", k);
	if (object(w, i, where) == -1)
		return -1;
	snprintf(where, sizeof(where), "syscalls[%d].action", k);
	if (action(w, member(w, i, "action"), member(w, i, "errnoRet"), where,
	    def_errno, &a) == -1)
		return -1;
	snprintf(where, sizeof(where), "syscalls[%d].args", k);
	args = member(w, i, "args");
	if (args != 0) {
		if ((n = array(w, args, where)) == -1)
			return -1;
		if (n > PROF_MAX_CONDS)
			return fail(w, at(w, args), "%s: more than %d conditions",
			    where, PROF_MAX_CONDS);
		for (j = args + 1; n-- > 0; j = next(w, j), ncond++) {
			snprintf(where, sizeof(where), "syscalls[%d].args[%d]",
			    k, ncond);
			if (condition(w, j, where, &cond[ncond]) == -1)
				return -1;
			for (int m = 0; m < ncond; m++) {
				if (cond[m].arg == cond[ncond].arg)
					return fail(w, at(w, j), "%s: index %u is tested "
					    "twice in one rule", where,
					    cond[ncond].arg);
				if (cond[m].op == PROF_NOT_IN &&
				    cond[ncond].op == PROF_NOT_IN)
					return fail(w, at(w, j), "%s: at most one "
					    "SCMP_CMP_NE per rule", where);
			}
		}
	}
	snprintf(where, sizeof(where), "syscalls[%d].includes", k);
	if (filter(w, member(w, i, "includes"), 1, where, &applies) == -1)
		return -1;
	snprintf(where, sizeof(where), "syscalls[%d].excludes", k);
	if (filter(w, member(w, i, "excludes"), 0, where, &applies) == -1)
		return -1;

	names = member(w, i, "names");
	one = member(w, i, "name");	/* Docker's first format */
	snprintf(where, sizeof(where), "syscalls[%d].names", k);
	if (names == 0 && one == 0)
		return fail(w, at(w, i), "%s: missing", where);
	n = names != 0 ? array(w, names, where) : 1;
	if (n == -1)
		return -1;
	for (j = names != 0 ? names + 1 : one; n-- > 0; j = next(w, j)) {
		int nr;

		if (str(w, j, where, name, sizeof(name)) == -1)
			return -1;
		if (!applies)
			continue;
		nr = profile_syscall_nr(name);
		if (nr == -1)
			unknown_name(w, j, name);
		/* -2: a name of the other x86 ABIs (chown32, socketcall),
		 * which the filter kills anyway: skipped quietly */
		if (nr >= 0 && add(w, j, nr, a, cond, ncond) == -1)
			return -1;
	}
	return 0;
}

/* Where token i's text begins and ends (jsmn leaves a string's quotes
 * out of its token). */
static int
text_start(const struct walk *w, int i)
{
	return w->t[i].start - (w->t[i].type == JSMN_STRING);
}

static int
text_end(const struct walk *w, int i)
{
	return w->t[i].end + (w->t[i].type == JSMN_STRING);
}

/* The bytes from a to b are blanks around at most one sep (0: none):
 * -1, else the offset of the first wrong byte (b: sep is missing). */
static int
gap(const struct walk *w, int a, int b, char sep)
{
	int seen = sep == 0;

	for (; a < b; a++) {
		char c = w->js[a];

		if (c == sep && !seen)
			seen = 1;
		else if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
			return a;
	}
	return seen ? -1 : b;
}

static int
digits(const char **s, const char *end)
{
	const char *b = *s;

	while (*s < end && **s >= '0' && **s <= '9')
		(*s)++;
	return *s > b;
}

/* A primitive token is true, false, null or a JSON number (jsmn checks
 * only its first byte). */
static int
primitive_ok(const struct walk *w, int i)
{
	const char *s = w->js + w->t[i].start, *end = w->js + w->t[i].end;
	size_t n = (size_t)(end - s);

	if ((n == 4 && (memcmp(s, "true", 4) == 0 || memcmp(s, "null", 4) == 0)) ||
	    (n == 5 && memcmp(s, "false", 5) == 0))
		return 1;
	if (s < end && *s == '-')
		s++;
	if (s < end && *s == '0')
		s++;
	else if (!digits(&s, end))
		return 0;
	if (s < end && *s == '.' && (s++, !digits(&s, end)))
		return 0;
	if (s < end && (*s == 'e' || *s == 'E')) {
		s++;
		if (s < end && (*s == '+' || *s == '-'))
			s++;
		if (!digits(&s, end))
			return 0;
	}
	return s == end;
}

/* jsmn tokenises but lets some bad syntax through ("[1,,2]", "[1 2]");
 * this checks every byte between tokens, and that each object key is a
 * string with exactly one value, so what the walk reads is JSON. */
static int
well_formed(struct walk *w)
{
	for (int c = 0; c < w->n; c++) {
		int obj = w->t[c].type == JSMN_OBJECT, k = c + 1, bad;
		int pos = w->t[c].start + 1;

		if (w->t[c].type == JSMN_PRIMITIVE && !primitive_ok(w, c))
			return fail(w, at(w, c), "malformed JSON value");
		if (!obj && w->t[c].type != JSMN_ARRAY)
			continue;
		for (int left = w->t[c].size; left > 0; left--) {
			if (k >= w->n)
				return fail(w, at(w, c), "malformed JSON");
			bad = gap(w, pos, text_start(w, k),
			    left == w->t[c].size ? 0 : ',');
			if (bad != -1)
				return fail(w, bad, "malformed JSON");
			pos = text_end(w, k);
			if (obj) {
				if (w->t[k].type != JSMN_STRING ||
				    w->t[k].size != 1 || k + 1 >= w->n)
					return fail(w, at(w, k), "malformed JSON "
					    "object");
				bad = gap(w, pos, text_start(w, k + 1), ':');
				if (bad != -1)
					return fail(w, bad, "malformed JSON");
				pos = text_end(w, k + 1);
			}
			k = next(w, k);
		}
		bad = gap(w, pos, w->t[c].end - 1, 0);
		if (bad != -1)
			return fail(w, bad, "malformed JSON");
	}
	return 0;
}

static int
walk(struct walk *w)
{
	uint16_t def_errno = EPERM;
	int def, ret, calls, n, k, j;

	if (w->n == 0 || object(w, 0, "the profile") == -1)
		return w->n == 0 ? fail(w, at(w, -1), "empty JSON") : -1;
	if (next(w, 0) != w->n || gap(w, w->t[0].end, (int)w->len, 0) != -1)
		return fail(w, w->t[0].end, "text after the profile's object");
	if (well_formed(w) == -1)
		return -1;
	if (check_arches(w) == -1)
		return -1;
	ret = member(w, 0, "defaultErrnoRet");
	if (ret != 0 && errno_value(w, ret, "defaultErrnoRet", &def_errno) == -1)
		return -1;
	def = member(w, 0, "defaultAction");
	if (action(w, def, ret, "defaultAction", def_errno, &w->p->def) == -1)
		return -1;
	calls = member(w, 0, "syscalls");
	if (calls == 0)
		return 0;
	if ((n = array(w, calls, "syscalls")) == -1)
		return -1;
	for (k = 0, j = calls + 1; k < n; k++, j = next(w, j))
		if (entry(w, j, k, EPERM) == -1)
			return -1;
	return 0;
}

int
oci_is_json(const char *text, size_t len)
{
	for (size_t k = 0; k < len; k++)
		if (text[k] != ' ' && text[k] != '\t' && text[k] != '\n' &&
		    text[k] != '\r')
			return text[k] == '{';
	return 0;
}

int
oci_parse(struct profile *p, const char *text, size_t len,
    const struct oci_env *env, struct oci_report *rep, struct prof_error *err)
{
	struct walk w = { .js = text, .len = len, .p = p, .env = env,
	    .rep = rep, .err = err };
	size_t size = sizeof(jsmntok_t) * OCI_MAX_TOKENS;
	jsmntok_t *tok;
	jsmn_parser jp;
	int n, rc;

	memset(p, 0, sizeof(*p));
	memset(err, 0, sizeof(*err));
	memset(rep, 0, sizeof(*rep));
	if (len > PROF_MAX_TEXT) {
		snprintf(err->msg, sizeof(err->msg), "larger than %d bytes",
		    PROF_MAX_TEXT);
		return -1;
	}
	if (memchr(text, '\0', len) != NULL) {
		snprintf(err->msg, sizeof(err->msg), "NUL byte in the profile");
		return -1;
	}
	tok = mmap(NULL, size, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (tok == MAP_FAILED) {
		snprintf(err->msg, sizeof(err->msg), "no memory for %d JSON "
		    "tokens", OCI_MAX_TOKENS);
		return -1;
	}
	jsmn_init(&jp);
	n = jsmn_parse(&jp, text, len, tok, OCI_MAX_TOKENS);
	w.t = tok;
	w.n = n > 0 ? n : 0;
	if (n == JSMN_ERROR_NOMEM)
		rc = fail(&w, at(&w, -1), "more than %d JSON values", OCI_MAX_TOKENS);
	else if (n == JSMN_ERROR_PART)
		rc = fail(&w, at(&w, -1), "JSON ends too early");
	else if (n < 0) {
		rc = fail(&w, (int)jp.pos, "malformed JSON");
	} else
		rc = walk(&w);
	(void)munmap(tok, size);
	return rc;
}
