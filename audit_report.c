/* audit_report.c: --audit's output, text or JSON (audit_report.h). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "audit_report.h"
#include "log.h"
#include "minit.h"

void
jb_printf(struct jbuf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (b->overflow)
		return;
	va_start(ap, fmt);
	n = vsnprintf(b->s + b->n, sizeof(b->s) - b->n, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof(b->s) - b->n) {
		b->overflow = true;
		b->n = 0;
		b->s[0] = '\0';
		return;
	}
	b->n += (size_t)n;
}

void
jb_str(struct jbuf *b, const char *s)
{
	char esc[2048];

	log_escape(esc, sizeof(esc), s, strlen(s));
	jb_printf(b, "\"");
	for (const char *p = esc; *p != '\0'; p++) {
		if (*p == '"' || *p == '\\')
			jb_printf(b, "\\%c", *p);
		else
			jb_printf(b, "%c", *p);
	}
	jb_printf(b, "\"");
}

static const char *
verdict_name(enum verdict v)
{
	return v == PASS ? "pass" : v == FAIL ? "fail" : "info";
}

void
audit_out_check(struct audit_out *o, const char *id, enum verdict v,
    const struct jbuf *value, const char *reason)
{
	struct jbuf r = { .n = 0 };
	char esc[2048];

	if (v == PASS)
		o->passed++;
	else if (v == INFO)
		o->info++;
	else {
		o->failed++;
		if (o->nfailed_ids < AUDIT_MAX_FAILED)
			snprintf(o->failed_ids[o->nfailed_ids++],
			    sizeof(o->failed_ids[0]), "%s", id);
	}
	if (!o->json) {
		/* paths, mount points and fstypes in it come from the system */
		printf("%-4s  %-26s %s\n", verdict_name(v), id,
		    log_escape(esc, sizeof(esc), reason, strlen(reason)));
		return;
	}
	jb_str(&r, reason);
	printf("%s\n    \"%s\": {\"status\": \"%s\", \"value\": %s, "
	    "\"reason\": %s}", o->first ? "" : ",", id, verdict_name(v),
	    value == NULL || value->n == 0 ? "null" : value->s, r.s);
	o->first = false;
}

void
audit_out_header(struct audit_out *o, const char *program)
{
	struct jbuf p = { .n = 0 };

	if (!o->json) {
		char esc[2048];

		printf("minit %s --audit: PROGRAM %s\n", MINIT_VERSION,
		    program != NULL ? log_escape(esc, sizeof(esc), program,
		    strlen(program)) : "(none)");
		return;
	}
	if (program != NULL)
		jb_str(&p, program);
	printf("{\n  \"minit\": \"%s\",\n  \"format\": 1,\n  \"program\": %s,\n"
	    "  \"minit_is_pid1\": %s,\n  \"checks\": {", MINIT_VERSION,
	    p.n != 0 ? p.s : "null", getppid() == 1 ? "true" : "false");
}

void
audit_out_footer(const struct audit_out *o)
{
	if (!o->json) {
		printf("result: %s (%d passed, %d failed, %d info)",
		    o->failed == 0 ? "pass" : "fail", o->passed, o->failed,
		    o->info);
		for (int i = 0; i < o->nfailed_ids; i++)
			printf("%s%s", i == 0 ? ": " : ", ", o->failed_ids[i]);
		printf("\n");
		return;
	}
	printf("\n  },\n  \"passed\": %d,\n  \"failed\": %d,\n  \"info\": %d,\n"
	    "  \"failed_checks\": [", o->passed, o->failed, o->info);
	for (int i = 0; i < o->nfailed_ids; i++)
		printf("%s\"%s\"", i == 0 ? "" : ", ", o->failed_ids[i]);
	printf("],\n  \"result\": \"%s\"\n}\n", o->failed == 0 ? "pass" : "fail");
}
