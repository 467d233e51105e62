/* profile.c: parse the line-based seccomp profile language (docs/seccomp.md)
 * into a struct profile.  Pure: no I/O, no allocation, no global state, so
 * the fuzzer and the unit tests call it directly.  Syscall names resolve
 * through libseccomp's table of the native ABI (a pure lookup), with the
 * architecture's table of syscalls newer than the libseccomp a build may
 * link (arch/). */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <seccomp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/socket.h>

#include "arch.h"
#include "minit.h"
#include "profile.h"

#define MAX_TOKENS	64
#define MAX_LINE	1024

/* The names are arrays, not pointers: a table of pointers is written by
 * the static-pie's self-relocation at every start, and its pages stay
 * PID 1's private memory for good (BENCHMARKS.md, PID 1 memory); arrays
 * are read-only data, shared and dropped with the rest (memtrim.c). */
struct named {
	char		 name[16];
	uint32_t	 value;
};

/* Constants a condition may name; VALUE|VALUE combines them. */
static const struct named constants[] = {
	{ "CLONE_NEWNS", CLONE_NEWNS }, { "CLONE_NEWCGROUP", CLONE_NEWCGROUP },
	{ "CLONE_NEWUTS", CLONE_NEWUTS }, { "CLONE_NEWIPC", CLONE_NEWIPC },
	{ "CLONE_NEWUSER", CLONE_NEWUSER }, { "CLONE_NEWPID", CLONE_NEWPID },
	{ "CLONE_NEWNET", CLONE_NEWNET },
	{ "TIOCSTI", TIOCSTI }, { "TIOCLINUX", TIOCLINUX },
	{ "AF_UNIX", AF_UNIX }, { "AF_INET", AF_INET }, { "AF_INET6", AF_INET6 },
	{ "AF_NETLINK", AF_NETLINK }, { "AF_PACKET", AF_PACKET },
	{ "AF_VSOCK", AF_VSOCK },
	{ "PROT_READ", PROT_READ }, { "PROT_WRITE", PROT_WRITE },
	{ "PROT_EXEC", PROT_EXEC },
	{ "PER_LINUX", 0 }, { "PER_LINUX32", 0x8 }, { "PER_QUERY", 0xffffffffU },
	{ "O_RDONLY", O_RDONLY }, { "O_WRONLY", O_WRONLY }, { "O_RDWR", O_RDWR },
	{ "O_ACCMODE", O_ACCMODE }, { "O_CREAT", O_CREAT },
	{ "O_TRUNC", O_TRUNC }, { "O_APPEND", O_APPEND },
	{ "F_GETFD", F_GETFD }, { "F_SETFD", F_SETFD }, { "F_GETFL", F_GETFL },
	{ "F_SETFL", F_SETFL },
	{ "", 0 },
};

/* The one errno-name table: profile actions and --audit's JSON. */
static const struct named errnos[] = {
	{ "EPERM", EPERM }, { "ENOENT", ENOENT }, { "ESRCH", ESRCH },
	{ "EIO", EIO }, { "ENXIO", ENXIO }, { "E2BIG", E2BIG },
	{ "ENOEXEC", ENOEXEC }, { "EBADF", EBADF }, { "ECHILD", ECHILD },
	{ "EAGAIN", EAGAIN }, { "ENOMEM", ENOMEM }, { "EACCES", EACCES },
	{ "EFAULT", EFAULT }, { "EBUSY", EBUSY }, { "EEXIST", EEXIST },
	{ "EXDEV", EXDEV }, { "ENODEV", ENODEV }, { "ENOTDIR", ENOTDIR },
	{ "EISDIR", EISDIR }, { "EINVAL", EINVAL }, { "EMFILE", EMFILE },
	{ "ENOTTY", ENOTTY }, { "ENOSPC", ENOSPC }, { "EROFS", EROFS },
	{ "ENOSYS", ENOSYS }, { "EOPNOTSUPP", EOPNOTSUPP },
	{ "ENOTSUP", ENOTSUP }, { "EAFNOSUPPORT", EAFNOSUPPORT },
	{ "EPROTONOSUPPORT", EPROTONOSUPPORT }, { "ENETUNREACH", ENETUNREACH },
	{ "ECONNREFUSED", ECONNREFUSED }, { "ETIMEDOUT", ETIMEDOUT },
	{ "EUCLEAN", EUCLEAN }, { "EUSERS", EUSERS },
	{ "", 0 },
};

struct parser {
	struct profile	*p;
	struct prof_error *err;
	unsigned	 line;
	int		 depth;		/* 1 inside an included builtin */
};

static int fail(struct parser *ps, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int
fail(struct parser *ps, const char *fmt, ...)
{
	va_list ap;

	ps->err->line = ps->line;
	va_start(ap, fmt);
	(void)vsnprintf(ps->err->msg, sizeof(ps->err->msg), fmt, ap);
	va_end(ap);
	return -1;
}

static const struct named *
lookup(const struct named *t, const char *name)
{
	for (; t->name[0] != '\0'; t++)
		if (strcmp(t->name, name) == 0)
			return t;
	return NULL;
}

int
profile_syscall_nr(const char *name)
{
	int nr;

	nr = seccomp_syscall_resolve_name_arch(arch_native.scmp_arch, name);
	if (nr >= 0)
		return nr < PROF_NR_MAX ? nr : -1;
	if (nr != __NR_SCMP_ERROR)
		return -2;	/* a pseudo number: exists elsewhere only */
	for (const struct arch_syscall *n = arch_native.newer_syscalls;
	    n->name != NULL; n++)
		if (strcmp(n->name, name) == 0)
			return n->nr;
	return -1;
}

const char *
profile_syscall_name(int nr, char *buf, size_t size)
{
	char *s = seccomp_syscall_resolve_num_arch(arch_native.scmp_arch, nr);

	if (s != NULL) {
		snprintf(buf, size, "%s", s);
		free(s);	/* libseccomp's API allocates */
		return buf;
	}
	for (const struct arch_syscall *n = arch_native.newer_syscalls;
	    n->name != NULL; n++)
		if (n->nr == nr) {
			snprintf(buf, size, "%s", n->name);
			return buf;
		}
	snprintf(buf, size, "#%d", nr);
	return buf;
}

const char *
profile_errno_name(unsigned err)
{
	for (const struct named *n = errnos; n->name[0] != '\0'; n++)
		if (n->value == err)
			return n->name;
	return NULL;
}

struct prof_action
profile_concrete(struct prof_action a, int deny_action)
{
	if (a.act != PROF_DENY)
		return a;
	switch (deny_action) {
	case MINIT_SECCOMP_KILL:
		return (struct prof_action){ .act = PROF_KILL };
	case MINIT_SECCOMP_LOG:
		return (struct prof_action){ .act = PROF_LOG };
	default:
		return (struct prof_action){ .act = PROF_ERRNO, .err = EPERM };
	}
}

static int
runs(struct prof_action a)
{
	return a.act == PROF_ALLOW || a.act == PROF_LOG;
}

int
profile_always_allows(const struct profile *p, int nr, int deny_action)
{
	const struct prof_sys *s;
	struct prof_action def = profile_concrete(p->def, deny_action);

	if (nr < 0 || nr >= PROF_NR_MAX)
		return 0;
	s = &p->sys[nr];
	if (s->state == PROF_SYS_ALWAYS)
		return runs(profile_concrete(s->action, deny_action));
	if (s->state == PROF_SYS_IF) {
		for (size_t k = 0; k < p->nrules; k++)
			if (p->rule[k].nr == nr && !runs(profile_concrete(
			    p->rule[k].action, deny_action)))
				return 0;
	}
	return runs(def);
}

static void
emit(struct prof_masked *out, int *n, uint32_t mask, uint32_t val)
{
	out[*n].mask = mask;
	out[*n].val = val;
	(*n)++;
}

/* { x : (x & m) is none of vals } as a union of masked compares: walk the
 * bits of m from the top like a trie of vals; every branch that holds no
 * value is one compare (at most 32 per value).  Exact on the low 32 bits,
 * unlike a 64-bit != that junk in the high half slips past (P17). */
/* Recursion bounded by the 32 bits of m. */
static void
not_in(uint32_t m, const uint32_t *vals, unsigned set, int bit,	/* NOLINT(misc-no-recursion): one level per bit, 32 at most */
    uint32_t pm, uint32_t pv, struct prof_masked *out, int *n)
{
	while (bit >= 0 && (m & (1U << bit)) == 0)
		bit--;
	if (bit < 0)
		return;		/* exactly one of vals: no compare */
	for (uint32_t c = 0; c <= 1; c++) {
		unsigned sub = 0;

		for (unsigned i = 0; i < PROF_MAX_VALS; i++)
			if ((set & (1U << i)) && ((vals[i] >> bit) & 1U) == c)
				sub |= 1U << i;
		if (sub == 0)
			emit(out, n, pm | (1U << bit), pv | (c << bit));
		else
			not_in(m, vals, sub, bit - 1, pm | (1U << bit),
			    pv | (c << bit), out, n);
	}
}

int
profile_expand_not_in(const struct prof_cond *c, struct prof_masked *out)
{
	int n = 0;

	not_in(c->mask, c->val, (1U << c->nvals) - 1, 31, 0, 0, out, &n);
	return n;
}

/* A number: decimal, 0x hex or 0 octal, or constants joined by '|'. */
static int
parse_value(struct parser *ps, const char *tok, uint32_t *out)
{
	char word[64];
	uint32_t v = 0;

	for (const char *s = tok; *s != '\0';) {
		size_t n = strcspn(s, "|");
		const struct named *c;

		if (n == 0 || n >= sizeof(word))
			return fail(ps, "bad value '%s'", profile_token_shown(tok));
		memcpy(word, s, n);
		word[n] = '\0';
		if (isdigit((unsigned char)word[0])) {
			char *end;
			unsigned long long x;

			errno = 0;
			x = strtoull(word, &end, 0);
			if (errno != 0 || *end != '\0' || x > UINT32_MAX)
				return fail(ps, "bad value '%s': want a 32-bit "
				    "number or a constant", profile_token_shown(word));
			v |= (uint32_t)x;
		} else if ((c = lookup(constants, word)) != NULL) {
			v |= c->value;
		} else {
			return fail(ps, "unknown constant '%s'", profile_token_shown(word));
		}
		s += n;
		if (*s == '|' && *++s == '\0')
			return fail(ps, "bad value '%s'", profile_token_shown(tok));
	}
	*out = v;
	return 0;
}

static int
parse_errno(struct parser *ps, const char *tok, uint16_t *out)
{
	const struct named *e = lookup(errnos, tok);
	unsigned long x;
	char *end;

	if (e != NULL) {
		*out = (uint16_t)e->value;
		return 0;
	}
	errno = 0;
	x = strtoul(tok, &end, 10);
	if (!isdigit((unsigned char)tok[0]) || errno != 0 || *end != '\0' ||
	    x > 4095)
		return fail(ps, "bad errno '%s': want a name like EPERM or "
		    "1..4095", profile_token_shown(tok));
	if (x == 0)
		return fail(ps, "errno 0 would fake success");
	*out = (uint16_t)x;
	return 0;
}

/* ACTION at tok[*i]: allow | deny | kill | log | errno E.  `deny` is what
 * --seccomp-action picks. */
static int
parse_action(struct parser *ps, char **tok, int ntok, int *i,
    struct prof_action *a)
{
	const char *w = tok[*i];

	*a = (struct prof_action){ .act = PROF_NONE };
	if (strcmp(w, "allow") == 0)
		a->act = PROF_ALLOW;
	else if (strcmp(w, "deny") == 0)
		a->act = PROF_DENY;
	else if (strcmp(w, "kill") == 0)
		a->act = PROF_KILL;
	else if (strcmp(w, "log") == 0)
		a->act = PROF_LOG;
	else if (strcmp(w, "errno") == 0) {
		if (*i + 1 >= ntok)
			return fail(ps, "errno: missing the errno");
		a->act = PROF_ERRNO;
		(*i)++;
		return parse_errno(ps, tok[*i], &a->err);
	} else if (strcmp(w, "notify") == 0 || strcmp(w, "trace") == 0 ||
	    strcmp(w, "trap") == 0)
		return fail(ps, "action '%s' is not supported (only allow, "
		    "deny, kill, log, errno)", w);
	else
		return fail(ps, "unknown word '%s'", profile_token_shown(w));
	return 0;
}

/* argN OP VALUE, or argN & MASK OP VALUE[,VALUE...]; OP is == or !=. */
static int
parse_cond(struct parser *ps, char **tok, int ntok, int *i,
    struct prof_cond *c)
{
	const char *a = tok[*i];
	char *vals, *v, *save = NULL;
	int ne;

	if (strncmp(a, "arg", 3) != 0 || a[3] < '0' || a[3] > '5' ||
	    a[4] != '\0')
		return fail(ps, "condition: want arg0..arg5, got '%s'",
		    profile_token_shown(a));
	*c = (struct prof_cond){ .arg = (uint8_t)(a[3] - '0'),
	    .mask = UINT32_MAX };
	if (++*i < ntok && strcmp(tok[*i], "&") == 0) {
		if (++*i >= ntok)
			return fail(ps, "condition: '&' needs a mask");
		if (parse_value(ps, tok[*i], &c->mask) == -1)
			return -1;
		if (c->mask == 0)
			return fail(ps, "condition: mask 0 always matches");
		++*i;
	}
	if (*i + 1 >= ntok)
		return fail(ps, "condition on %s: want '== VALUE' or "
		    "'!= VALUE[,VALUE...]'", a);
	if (strcmp(tok[*i], "==") == 0)
		ne = 0;
	else if (strcmp(tok[*i], "!=") == 0)
		ne = 1;
	else
		return fail(ps, "condition on %s: unknown operator '%s' "
		    "(only == and != on the low 32 bits)", a, profile_token_shown(tok[*i]));
	c->op = ne ? PROF_NOT_IN : PROF_MASKED_EQ;
	vals = tok[++*i];
	for (v = strtok_r(vals, ",", &save); v != NULL;
	    v = strtok_r(NULL, ",", &save)) {
		if (c->nvals == (ne ? PROF_MAX_VALS : 1))
			return fail(ps, "condition on %s: too many values", a);
		if (parse_value(ps, v, &c->val[c->nvals]) == -1)
			return -1;
		if ((c->val[c->nvals] & ~c->mask) != 0)
			return fail(ps, "condition on %s: value 0x%x has bits "
			    "outside the mask 0x%x: it never matches", a,
			    c->val[c->nvals], c->mask);
		c->nvals++;
	}
	if (c->nvals == 0)
		return fail(ps, "condition on %s: missing value", a);
	++*i;
	return 0;
}

void
profile_drop_rules(struct profile *p, int nr)
{
	size_t j = 0;

	for (size_t k = 0; k < p->nrules; k++)
		if (p->rule[k].nr != nr)
			p->rule[j++] = p->rule[k];
	p->nrules = j;
}

static int
same_action(struct prof_action a, struct prof_action b)
{
	return a.act == b.act && (a.act != PROF_ERRNO || a.err == b.err);
}

/* An unconditional line replaces every earlier rule of the syscall; a
 * conditional one adds to earlier conditional ones of the same action and
 * replaces anything else (so each syscall has one action, as libseccomp
 * can express without ambiguity). */
static int
add_rule(struct parser *ps, int nr, struct prof_action a,
    const struct prof_cond *c, int ncond)
{
	struct profile *p = ps->p;
	struct prof_sys *s = &p->sys[nr];
	struct prof_rule *r;

	if (ncond == 0 || s->state != PROF_SYS_IF ||
	    !same_action(s->action, a)) {
		profile_drop_rules(p, nr);
		s->state = ncond == 0 ? PROF_SYS_ALWAYS : PROF_SYS_IF;
		s->action = a;
		s->line = (uint16_t)(ps->line > UINT16_MAX ? UINT16_MAX :
		    ps->line);
	}
	if (ncond == 0)
		return 0;
	if (p->nrules == PROF_MAX_RULES)
		return fail(ps, "too many conditional rules (at most %d)",
		    PROF_MAX_RULES);
	r = &p->rule[p->nrules++];
	*r = (struct prof_rule){ .nr = (uint16_t)nr, .line = s->line,
	    .ncond = (uint8_t)ncond, .action = a };
	memcpy(r->cond, c, sizeof(*c) * (size_t)ncond);
	return 0;
}

static const struct prof_group *
find_group(const char *name)
{
	for (const struct prof_group *g = prof_groups; g->name != NULL; g++)
		if (strcmp(g->name, name) == 0)
			return g;
	return NULL;
}

/* A token of the profile as an error message may show it: only a word the
 * language knows (a keyword, argN, an operator, a syscall of any ABI, a
 * group, an errno name, constants joined by '|'); anything else is
 * "(not shown)", also a typo.  The file may not be a profile at all:
 * --seccomp pointed at a secrets file must not print the secret, and a
 * password or an API key is often one lowercase word or a hex string, shaped
 * like a syscall name (P47).  The line number says where. */
const char *
profile_token_shown(const char *tok)
{
	/* arrays, not pointers: no table for the self-relocation to write */
	static const char keywords[][16] = { "allow", "deny", "kill", "log",
	    "errno", "if", "and", "include", "default-action", "default",
	    "strict", "notify", "trace", "trap", "" };
	size_t n = strlen(tok), k;
	char part[33];

	if (n == 0 || n >= sizeof(part))
		return "(not shown)";
	if ((n <= 2 && strspn(tok, "=!<>&|") == n) ||
	    (n == 4 && strncmp(tok, "arg", 3) == 0 && tok[3] >= '0' &&
	    tok[3] <= '5'))
		return tok;
	for (int i = 0; keywords[i][0] != '\0'; i++)
		if (strcmp(tok, keywords[i]) == 0)
			return tok;
	if (tok[0] == '@')
		return find_group(tok) != NULL ? tok : "(not shown)";
	if (profile_syscall_nr(tok) != -1 || lookup(errnos, tok) != NULL ||
	    (strncmp(tok, "SCMP_", 5) == 0 &&
	    strspn(tok, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") == n))
		return tok;
	for (const char *s = tok;; s += k + 1) {
		k = strcspn(s, "|");
		memcpy(part, s, k);
		part[k] = '\0';
		if (lookup(constants, part) == NULL)
			return "(not shown)";
		if (s[k] == '\0')
			return tok;
	}
}

static int
add_name(struct parser *ps, const char *name, struct prof_action a,
    const struct prof_cond *c, int ncond)
{
	const struct prof_group *g;
	int nr;

	if (name[0] != '@') {
		nr = profile_syscall_nr(name);
		if (nr == -2)
			return fail(ps, "'%s' is not an %s syscall", profile_token_shown(name),
			    arch_native.name);
		if (nr < 0)
			return fail(ps, "unknown syscall '%s'", profile_token_shown(name));
		return add_rule(ps, nr, a, c, ncond);
	}
	g = find_group(name);
	if (g == NULL)
		return fail(ps, "unknown group '%s'", profile_token_shown(name));
	/* every group name is checked by test_profile */
	for (const char *s = g->calls;
	    (s = profile_group_next(s, &nr)) != NULL;)
		if (add_rule(ps, nr, a, c, ncond) == -1)
			return -1;
	return 0;
}

const char *
profile_group_next(const char *s, int *nr)
{
	char word[64];

	while (*s != '\0') {
		size_t n = strcspn(s, " ");

		*nr = -1;
		if (n > 0 && n < sizeof(word)) {
			memcpy(word, s, n);
			word[n] = '\0';
			*nr = profile_syscall_nr(word);
		}
		s += n + (s[n] == ' ');
		if (*nr >= 0)
			return s;
	}
	return NULL;
}

/* ACTION NAME... [errno E] [if COND [and COND]...] */
static int
parse_rule(struct parser *ps, char **tok, int ntok)
{
	struct prof_cond cond[PROF_MAX_CONDS] = { 0 };
	struct prof_action a;
	int i = 0, first, last, ncond = 0, nnot = 0;

	if (parse_action(ps, tok, ntok, &i, &a) == -1)
		return -1;
	first = ++i;
	while (i < ntok && strcmp(tok[i], "errno") != 0 &&
	    strcmp(tok[i], "if") != 0)
		i++;
	last = i;
	if (first == last)
		return fail(ps, "%s: missing syscall name", profile_token_shown(tok[0]));
	if (i < ntok && strcmp(tok[i], "errno") == 0) {
		if (a.act != PROF_DENY)
			return fail(ps, "'errno' follows 'deny' only");
		if (++i >= ntok)
			return fail(ps, "errno: missing the errno");
		a.act = PROF_ERRNO;
		if (parse_errno(ps, tok[i++], &a.err) == -1)
			return -1;
	}
	if (i < ntok && strcmp(tok[i], "if") == 0) {
		i++;
		do {
			if (i >= ntok)
				return fail(ps, "'if' needs a condition");
			if (ncond == PROF_MAX_CONDS)
				return fail(ps, "too many conditions (at most %d)",
				    PROF_MAX_CONDS);
			if (parse_cond(ps, tok, ntok, &i, &cond[ncond]) == -1)
				return -1;
			for (int k = 0; k < ncond; k++)
				if (cond[k].arg == cond[ncond].arg)
					return fail(ps, "arg%u is tested twice in "
					    "one rule", cond[ncond].arg);
			nnot += cond[ncond].op == PROF_NOT_IN;
			ncond++;
		} while (i < ntok && strcmp(tok[i], "and") == 0 && ++i);
		if (nnot > 1)
			return fail(ps, "at most one '!=' condition per rule");
	}
	if (i < ntok)
		return fail(ps, "unexpected '%s'", profile_token_shown(tok[i]));
	for (int k = first; k < last; k++)
		if (add_name(ps, tok[k], a, cond, ncond) == -1)
			return -1;
	return 0;
}

static int parse_text(struct parser *ps, const char *text, size_t len);

static int
parse_line(struct parser *ps, char **tok, int ntok)	/* NOLINT(misc-no-recursion): include nests once (depth) */
{
	if (strcmp(tok[0], "default-action") == 0) {
		int i = 1;

		if (ntok < 2)
			return fail(ps, "default-action: missing the action");
		if (parse_action(ps, tok, ntok, &i, &ps->p->def) == -1)
			return -1;
		if (i + 1 != ntok)
			return fail(ps, "unexpected '%s'", profile_token_shown(tok[i + 1]));
		return 0;
	}
	if (strcmp(tok[0], "include") == 0) {
		const char *t;
		struct parser inner = { .p = ps->p, .err = ps->err,
		    .depth = 1 };

		if (ntok != 2)
			return fail(ps, "include: want one builtin profile name");
		t = profile_builtin(tok[1]);
		if (t == NULL || profile_internal(tok[1]) || ps->depth > 0)
			return fail(ps, "include: '%s' is not a builtin profile "
			    "(default, strict)", profile_token_shown(tok[1]));
		if (parse_text(&inner, t, strlen(t)) == -1) {
			ps->err->line = ps->line;	/* a bug in a builtin */
			return -1;
		}
		return 0;
	}
	return parse_rule(ps, tok, ntok);
}

/* Split one line into words; '#' starts a comment. */
static int
tokenize(struct parser *ps, char *line, char **tok)
{
	int n = 0;

	for (char *s = line;;) {
		while (*s == ' ' || *s == '\t' || *s == '\r')
			s++;
		if (*s == '\0' || *s == '#')
			return n;
		if (n == MAX_TOKENS)
			return fail(ps, "too many words");
		tok[n++] = s;
		while (*s != '\0' && *s != ' ' && *s != '\t' && *s != '\r')
			s++;
		if (*s != '\0')
			*s++ = '\0';
	}
}

static int
parse_text(struct parser *ps, const char *text, size_t len)	/* NOLINT(misc-no-recursion): include nests once (depth) */
{
	char line[MAX_LINE + 1], *tok[MAX_TOKENS];
	size_t pos = 0;

	while (pos < len) {
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t n = (nl != NULL ? (size_t)(nl - text) : len) - pos;
		int ntok;

		ps->line++;
		if (n > MAX_LINE)
			return fail(ps, "line too long (at most %d bytes)",
			    MAX_LINE);
		if (memchr(text + pos, '\0', n) != NULL)
			return fail(ps, "NUL byte in the profile");
		memcpy(line, text + pos, n);
		line[n] = '\0';
		pos += n + 1;
		for (size_t k = 0; k < n; k++)
			if ((unsigned char)line[k] >= 0x80 ||
			    ((unsigned char)line[k] < 0x20 && line[k] != '\t' &&
			    line[k] != '\r'))
				return fail(ps, "control or non-ASCII byte 0x%02x",
				    (unsigned char)line[k]);
		ntok = tokenize(ps, line, tok);
		if (ntok == -1)
			return -1;
		if (ntok > 0 && parse_line(ps, tok, ntok) == -1)
			return -1;
	}
	return 0;
}

int
profile_parse(struct profile *p, const char *text, size_t len,
    struct prof_error *err)
{
	struct parser ps = { .p = p, .err = err };

	memset(p, 0, sizeof(*p));
	memset(err, 0, sizeof(*err));
	if (len > PROF_MAX_TEXT) {
		snprintf(err->msg, sizeof(err->msg), "larger than %d bytes",
		    PROF_MAX_TEXT);
		return -1;
	}
	if (parse_text(&ps, text, len) == -1)
		return -1;
	if (p->def.act == PROF_NONE) {
		snprintf(err->msg, sizeof(err->msg), "no default-action "
		    "(say 'default-action deny', or 'include default')");
		return -1;
	}
	return 0;
}

/* An action as the kernel sees it: no rule (PROF_NONE) kills, as
 * libseccomp's default does; only an errno carries a number. */
static struct prof_action
final_action(struct prof_action a, int deny_action)
{
	a = profile_concrete(a, deny_action);
	if (a.act == PROF_NONE)
		a.act = PROF_KILL;
	if (a.act != PROF_ERRNO)
		a.err = 0;
	return a;
}

/* Rule r of p as one finished rule per alternative of its != (at most one
 * per rule: the parser's rule), appended to f. */
static void
finish_rule(const struct prof_rule *r, struct prof_action a,
    struct prof_filter *f)
{
	struct prof_masked alt[PROF_MAX_EXPAND];
	struct prof_frule fr = { .nr = r->nr, .line = r->line,
	    .ncmp = r->ncond, .action = a };
	int nalt = 1, notin_at = -1;

	for (int i = 0; i < r->ncond; i++) {
		const struct prof_cond *c = &r->cond[i];

		fr.cmp[i] = (struct prof_cmp){ .arg = c->arg, .mask = c->mask,
		    .val = c->val[0] };
		if (c->op == PROF_NOT_IN) {
			notin_at = i;
			nalt = profile_expand_not_in(c, alt);
		}
	}
	for (int k = 0; k < nalt && f->nrules < PROF_FILTER_MAX; k++) {
		if (notin_at != -1) {
			fr.cmp[notin_at].mask = alt[k].mask;
			fr.cmp[notin_at].val = alt[k].val;
		}
		f->rule[f->nrules++] = fr;
	}
}

void
profile_finish(const struct profile *p, int deny_action, struct prof_filter *f)
{
	f->def = final_action(p->def, deny_action);
	f->nrules = 0;
	for (int nr = 0; nr < PROF_NR_MAX; nr++) {
		const struct prof_sys *s = &p->sys[nr];
		struct prof_action a = final_action(s->action, deny_action);

		/* a rule equal to the default changes nothing (and libseccomp
		 * refuses it) */
		if (s->state == PROF_SYS_ALWAYS && !same_action(a, f->def))
			f->rule[f->nrules++] = (struct prof_frule){
			    .nr = (uint16_t)nr, .line = s->line, .action = a };
		/* each conditional rule has its own action (JSON may mix) */
		for (size_t k = 0; s->state == PROF_SYS_IF && k < p->nrules;
		    k++) {
			a = final_action(p->rule[k].action, deny_action);
			if (p->rule[k].nr == nr && !same_action(a, f->def))
				finish_rule(&p->rule[k], a, f);
		}
	}
}
