/* fuzz_options: the command line.  The input is split on NUL bytes into
 * argv[1..] (argv[0] is "minit"), then options_init + options_parse, as main
 * does, after options_from_env on the same strings as the environment.
 * --cap reaches libcap-ng's name table, --signal-map and --map-exit
 * the pair parsers.  Pure: options_parse only fills the struct and prints;
 * run it with -close_fd_mask=3 (make fuzz does) to keep it quiet. */
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "options.h"

#define FUZZ_MAX_ARGS	64

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* What a successful parse promises to every later stage. */
static void
check_config(const struct minit_config *cfg, enum options_result r)
{
	if (r != OPTIONS_RUN)
		return;
	if (cfg->seccomp_print == NULL && cfg->argv == NULL && !cfg->audit)
		__builtin_trap();
	if (cfg->argv != NULL && cfg->argv[0][0] == '\0')
		__builtin_trap();
	if (cfg->audit_json && !cfg->audit)
		__builtin_trap();
	if (cfg->nenv_files > MINIT_MAX_ENV_FILES || cfg->grace > 86400)
		__builtin_trap();
	for (int i = 0; i < MINIT_NSIG; i++)
		if (cfg->sigmap[i] >= MINIT_NSIG &&
		    cfg->sigmap[i] != MINIT_SIGMAP_DROP)
			__builtin_trap();
	if (cfg->pdeath_signal < 0 || cfg->pdeath_signal >= MINIT_NSIG ||
	    cfg->pdeath_signal == SIGSTOP || cfg->pdeath_signal == SIGCHLD)
		__builtin_trap();
	if (cfg->verbose < 0)
		__builtin_trap();
	for (int i = 0; i < 256; i++)
		if (cfg->exitmap[i] < -1 || cfg->exitmap[i] > 255)
			__builtin_trap();
	/* --landlock: bounded lists, absolute paths, ports 1-65535, and none
	 * of them without --landlock */
	if (cfg->nwritable > MINIT_MAX_WRITABLE ||
	    cfg->nbind > MINIT_MAX_PORTS || cfg->nconnect > MINIT_MAX_PORTS)
		__builtin_trap();
	if (cfg->landlock == MINIT_LANDLOCK_OFF &&
	    cfg->nwritable + cfg->nbind + cfg->nconnect != 0)
		__builtin_trap();
	for (size_t i = 0; i < cfg->nwritable; i++)
		if (cfg->writable[i][0] != '/')
			__builtin_trap();
	for (size_t i = 0; i < cfg->nbind; i++)
		if (cfg->bind_ports[i] == 0)
			__builtin_trap();
	for (size_t i = 0; i < cfg->nconnect; i++)
		if (cfg->connect_ports[i] == 0)
			__builtin_trap();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *argv[FUZZ_MAX_ARGS + 2];
	struct minit_config cfg;
	char *buf, *p, *end;
	int argc = 1;

	/* A private, NUL-terminated copy: getopt may keep pointers into it. */
	buf = malloc(size + 1);
	if (buf == NULL)
		return 0;
	memcpy(buf, data, size);
	buf[size] = '\0';
	argv[0] = (char *)"minit";
	for (p = buf, end = buf + size; p <= end && argc <= FUZZ_MAX_ARGS;
	    p += strlen(p) + 1)
		argv[argc++] = p;
	argv[argc] = NULL;

	/* the same strings as the environment too (MINIT_GRACE=...) */
	options_init(&cfg);
	if (options_from_env(&cfg, argv + 1) == 0)
		check_config(&cfg, options_parse(&cfg, argc, argv));
	free(buf);
	return 0;
}
