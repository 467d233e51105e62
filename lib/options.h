/* options.c: the command line, parsed into struct minit_config.  Pure: no
 * side effects beyond the struct, so the unit tests and fuzzers call it. */
#ifndef MINIT_OPTIONS_H
#define MINIT_OPTIONS_H

#include "minit.h"

enum options_result {
	OPTIONS_RUN,		/* run PROGRAM (or --audit) */
	OPTIONS_EXIT_OK,	/* --help, --version, --seccomp-print done: exit 0 */
	OPTIONS_ERROR,		/* a usage error was printed: exit 125 */
};

void	options_init(struct minit_config *cfg);
enum options_result options_parse(struct minit_config *cfg, int argc,
	    char *argv[]);
/* The MINIT_* knobs (VERBOSE, KILL_GROUP, GRACE, PDEATH_SIGNAL) from envp;
 * before options_parse, so the command line wins.  -1: one line logged. */
int	options_from_env(struct minit_config *cfg, char *const envp[]);

/* "TERM", "SIGTERM", "sigterm", "15", "RTMIN+3": 1..64, or -1. */
int	options_signal_from_name(const char *name);
/* "TERM:QUIT" or "15:3" into *from, *to; -1 on error. */
int	options_parse_signal_pair(const char *s, int *from, int *to);
/* "143:0" into *from, *to (0..255); -1 on error. */
int	options_parse_exit_pair(const char *s, int *from, int *to);
/* Strict unsigned decimal: digits only, no sign, no spaces, <= max. */
int	options_parse_uint(const char *s, unsigned long long max,
	    unsigned long long *out);

#endif
