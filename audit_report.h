/* audit_report.c: --audit's report writer.  The checks (audit.c) decide;
 * this prints each verdict as a text line or a JSON member, and the header
 * and the summary (docs/audit.md shows both formats). */
#ifndef MINIT_AUDIT_REPORT_H
#define MINIT_AUDIT_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#define AUDIT_MAX_FAILED	64	/* failed ids named in the summary */

enum verdict { PASS, FAIL, INFO };

/* A JSON value under construction; overflow truncates and is reported as
 * an invalid value rather than written past the end. */
struct jbuf {
	char	 s[8192];
	size_t	 n;
	bool	 overflow;
};

void	jb_printf(struct jbuf *b, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/* A JSON string of s as log_escape shows it (the same text as the text
 * report and stderr: a consumer that prints it prints no control byte),
 * then quotes and backslashes escaped for JSON. */
void	jb_str(struct jbuf *b, const char *s);

/* The writer's state: the format and the counts for the summary. */
struct audit_out {
	bool		 json;
	bool		 first;		/* no check printed yet (JSON commas) */
	int		 passed, failed, info;
	char		 failed_ids[AUDIT_MAX_FAILED][32];
	int		 nfailed_ids;
};

/* "minit VERSION --audit: PROGRAM ..." or the JSON object's head. */
void	audit_out_header(struct audit_out *o, const char *program);
/* One check: id, verdict, value (a JSON value, NULL: null), reason. */
void	audit_out_check(struct audit_out *o, const char *id, enum verdict v,
	    const struct jbuf *value, const char *reason);
/* "result: ..." or the JSON object's tail. */
void	audit_out_footer(const struct audit_out *o);

#endif
