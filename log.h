/* log.c: minit's only output channel for refusals and -v lines.  One line
 * on stderr, "minit: <what>: <why>" (README "Exit codes").  Every line goes
 * through log_escape as a whole, so input (names, paths, profile tokens,
 * env keys) may be passed to these with %s as it is. */
#ifndef MINIT_LOG_H
#define MINIT_LOG_H

#include <stddef.h>

struct minit_config;

void	log_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* + ": strerror(errno)" */
void	log_sys(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void	log_verbose(const struct minit_config *cfg, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
void	log_hold(char *buf, size_t size);	/* the child, until PID 1's go:
						 * keep lines back, in buf */
void	log_release(void);	/* write what was held; log directly again */
void	log_discard(void);	/* drop what was held; log directly again */
void	log_nonblocking(void);	/* PID 1: drop a line rather than wait to write it */
/* The one escaping rule for anything from input that minit prints (stderr,
 * --audit text and JSON, --seccomp-print): the len bytes of src as
 * printable ASCII in dst (size > 4; always NUL-terminated): a byte outside
 * 0x20..0x7e becomes \xHH, a backslash \\, so no control byte (ESC, CR,
 * NUL, DEL, C1 or other) reaches a terminal or a log, and an escaped byte
 * cannot be told from a typed one only by its backslash.  What does not fit
 * ends in "...".  Returns dst (P43). */
char	*log_escape(char *dst, size_t size, const char *src, size_t len);

#endif
