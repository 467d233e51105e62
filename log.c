/* log.c: every diagnostic is one line on stderr, "minit: <what>: <why>".
 * stdout belongs to PROGRAM. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "minit.h"

/* One write(2) per line, so lines from PID 1 and the child never interleave
 * and nothing is buffered across fork. */
static void __attribute__((format(printf, 1, 0)))
log_line(const char *fmt, va_list ap, int err)
{
	char buf[1024];
	int n, m;

	n = snprintf(buf, sizeof(buf), "minit: ");
	m = vsnprintf(buf + n, sizeof(buf) - (size_t)n, fmt, ap);
	if (m < 0)
		m = 0;
	n += m;
	if ((size_t)n >= sizeof(buf) - 1)
		n = (int)sizeof(buf) - 2;
	if (err != 0)
		n += snprintf(buf + n, sizeof(buf) - (size_t)n, ": %s",
		    strerror(err));
	if ((size_t)n >= sizeof(buf) - 1)
		n = (int)sizeof(buf) - 2;
	buf[n++] = '\n';
	(void)!write(STDERR_FILENO, buf, (size_t)n);
}

void
log_err(const char *fmt, ...)
{
	int saved = errno;
	va_list ap;

	va_start(ap, fmt);
	log_line(fmt, ap, 0);
	va_end(ap);
	errno = saved;
}

void
log_sys(const char *fmt, ...)
{
	int saved = errno;
	va_list ap;

	va_start(ap, fmt);
	log_line(fmt, ap, saved);
	va_end(ap);
	errno = saved;
}

void
log_verbose(const struct minit_config *cfg, const char *fmt, ...)
{
	int saved = errno;
	va_list ap;

	if (cfg->verbose == 0)
		return;
	va_start(ap, fmt);
	log_line(fmt, ap, 0);
	va_end(ap);
	errno = saved;
}
