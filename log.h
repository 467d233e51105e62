/* log.c: minit's only output channel for refusals and -v lines.  One line
 * on stderr, "minit: <what>: <why>" (README "Exit codes"). */
#ifndef MINIT_LOG_H
#define MINIT_LOG_H

struct minit_config;

void	log_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* + ": strerror(errno)" */
void	log_sys(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void	log_verbose(const struct minit_config *cfg, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
void	log_hold(void);		/* the child, until PID 1's go: keep lines back */
void	log_release(void);	/* write what was held; log directly again */
void	log_discard(void);	/* drop what was held; log directly again */

#endif
