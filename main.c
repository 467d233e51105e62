/* minit: a hardened PID 1 for containers.  main reads like the table of
 * contents: parse, resolve, check, then fork and harden (init.c, child.c).
 * Every stage logs its own refusal; main only picks the exit code. */
#include <stdlib.h>
#include <unistd.h>

#include "cwd.h"
#include "envfile.h"
#include "identity.h"
#include "init.h"
#include "log.h"
#include "options.h"
#include "recorder.h"
#include "rootfs.h"
#include "seccomp.h"

/* The MINIT_* knobs, then the command line.  A bad knob refuses a start,
 * but --help and -V work whatever the environment: the knob's line is held
 * until the command line is read, and a refusal says one thing, the knob
 * (said again).  -1: go on; else the exit code. */
static int
parse(struct minit_config *cfg, int argc, char *argv[])
{
	char held[2048];	/* log_hold's; here, not for PID 1's life */
	enum options_result res;
	int env;

	options_init(cfg);
	log_hold(held, sizeof(held));
	env = options_from_env(cfg, environ);	/* MINIT_GRACE, ... */
	res = options_parse(cfg, argc, argv);
	if (res == OPTIONS_EXIT_OK) {
		log_discard();
		return 0;
	}
	if (env == -1) {
		log_discard();
		(void)options_from_env(cfg, environ);
		return MINIT_EX_REFUSED;
	}
	log_release();
	return res == OPTIONS_ERROR ? MINIT_EX_REFUSED : -1;
}

int
main(int argc, char *argv[])
{
	struct minit_config cfg;
	int code = parse(&cfg, argc, argv);

	if (code != -1)
		return code;
	if (cfg.seccomp_print != NULL)
		return seccomp_print(&cfg);

	if (init_prepare(&cfg) == -1 ||
	    cwd_check(&cfg) == -1 ||		/* the cwd is inside our root */
	    identity_resolve(&cfg) == -1 ||	/* user, groups, --allow-root */
	    envfile_build(&cfg) == -1 ||	/* secrets, while privileged */
	    seccomp_prepare(&cfg) == -1 ||	/* the profile, read and parsed */
	    recorder_prepare(&cfg) == -1 ||	/* --seccomp-record FILE */
	    rootfs_check(&cfg) == -1)		/* / is read-only */
		return MINIT_EX_REFUSED;
	if (cfg.no_init)
		init_exec_in_place(&cfg);
	return init_supervise(&cfg);
}
