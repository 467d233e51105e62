/* Unit tests for options.c: parsing, signal names, pairs. */
#include <signal.h>

#include "harness.h"
#include "options.h"

static enum options_result
parse(struct minit_config *cfg, const char *const *args)
{
	static char *argv[64];
	int argc = 0;

	while (args[argc] != NULL) {
		argv[argc] = (char *)args[argc];
		argc++;
	}
	argv[argc] = NULL;
	options_init(cfg);
	return options_parse(cfg, argc, argv);
}

static void
test_signal_names(void)
{
	CHECK(options_signal_from_name("TERM") == SIGTERM);
	CHECK(options_signal_from_name("SIGTERM") == SIGTERM);
	CHECK(options_signal_from_name("sigterm") == SIGTERM);
	CHECK(options_signal_from_name("15") == 15);
	CHECK(options_signal_from_name("64") == 64);
	CHECK(options_signal_from_name("65") == -1);
	CHECK(options_signal_from_name("0") == -1);
	CHECK(options_signal_from_name("RTMIN") == 32);
	CHECK(options_signal_from_name("RTMIN+3") == 35);
	CHECK(options_signal_from_name("RTMAX-1") == 63);
	CHECK(options_signal_from_name("RTMIN+33") == -1);
	CHECK(options_signal_from_name("IOT") == SIGABRT);
	CHECK(options_signal_from_name("") == -1);
	CHECK(options_signal_from_name("TERMX") == -1);
	CHECK(options_signal_from_name("-15") == -1);
	CHECK(options_signal_from_name(" 15") == -1);
}

static void
test_pairs(void)
{
	int a, b;

	CHECK(options_parse_signal_pair("TERM:QUIT", &a, &b) == 0 && a == SIGTERM && b == SIGQUIT);
	CHECK(options_parse_signal_pair("15:3", &a, &b) == 0 && a == 15 && b == 3);
	CHECK(options_parse_signal_pair("TERM", &a, &b) == -1);
	CHECK(options_parse_signal_pair("TERM:", &a, &b) == -1);
	CHECK(options_parse_signal_pair(":QUIT", &a, &b) == -1);
	CHECK(options_parse_signal_pair("TERM:QUIT:HUP", &a, &b) == -1);
	CHECK(options_parse_exit_pair("143:0", &a, &b) == 0 && a == 143 && b == 0);
	CHECK(options_parse_exit_pair("256:0", &a, &b) == -1);
	CHECK(options_parse_exit_pair("1:-1", &a, &b) == -1);
	CHECK(options_parse_exit_pair("1:", &a, &b) == -1);
}

static void
test_uint(void)
{
	unsigned long long v;

	CHECK(options_parse_uint("0", 10, &v) == 0 && v == 0);
	CHECK(options_parse_uint("4294967295", 4294967295ULL, &v) == 0 && v == 4294967295ULL);
	CHECK(options_parse_uint("4294967296", 4294967295ULL, &v) == -1);
	CHECK(options_parse_uint("18446744073709551616", ~0ULL, &v) == -1);
	CHECK(options_parse_uint("0x10", 100, &v) == -1);
	CHECK(options_parse_uint("+1", 100, &v) == -1);
	CHECK(options_parse_uint("1e3", 10000, &v) == -1);
	CHECK(options_parse_uint("", 10, &v) == -1);
}

static void
test_parse(void)
{
	struct minit_config cfg;

	CHECK(parse(&cfg, (const char *[]){ "minit", "--", "true", NULL }) == OPTIONS_RUN);
	CHECK_STR(cfg.argv[0], "true");
	CHECK(cfg.grace == 3);
	CHECK_STR(cfg.seccomp_profile, "default");

	CHECK(parse(&cfg, (const char *[]){ "minit", "-g", "--grace", "0",
	    "--signal-map", "TERM:QUIT", "--map-exit", "143:0", "--cap",
	    "net_bind_service,CAP_CHOWN", "-u", "app", "prog", "-x", NULL }) == OPTIONS_RUN);
	CHECK(cfg.kill_group && cfg.grace == 0);
	CHECK(cfg.sigmap[SIGTERM] == SIGQUIT);
	CHECK(cfg.exitmap[143] == 0 && cfg.exitmap[142] == -1);
	CHECK(cfg.keep_caps == ((1ULL << 10) | (1ULL << 0)));
	CHECK_STR(cfg.user, "app");
	CHECK_STR(cfg.argv[0], "prog");
	CHECK_STR(cfg.argv[1], "-x");	/* PROGRAM's own options untouched */

	CHECK(parse(&cfg, (const char *[]){ "minit", NULL }) == OPTIONS_ERROR);
	CHECK(parse(&cfg, (const char *[]){ "minit", "--bogus", "x", NULL }) == OPTIONS_ERROR);
	CHECK(parse(&cfg, (const char *[]){ "minit", "--grace", NULL }) == OPTIONS_ERROR);
	CHECK(parse(&cfg, (const char *[]){ "minit", "--grace", "-1", "x", NULL }) == OPTIONS_ERROR);
	CHECK(parse(&cfg, (const char *[]){ "minit", "--cap", "NOPE", "x", NULL }) == OPTIONS_ERROR);
	CHECK(parse(&cfg, (const char *[]){ "minit", "--cap", "", "x", NULL }) == OPTIONS_ERROR);
	CHECK(parse(&cfg, (const char *[]){ "minit", "--cap", "chown,", "x", NULL }) == OPTIONS_ERROR);
	CHECK(parse(&cfg, (const char *[]){ "minit", "--signal-map", "KILL:TERM", "x", NULL }) == OPTIONS_ERROR);
	CHECK(parse(&cfg, (const char *[]){ "minit", "--seccomp-action", "allow", "x", NULL }) == OPTIONS_ERROR);
	CHECK(parse(&cfg, (const char *[]){ "minit", "--json", "x", NULL }) == OPTIONS_ERROR);
	CHECK(parse(&cfg, (const char *[]){ "minit", "--", "", NULL }) == OPTIONS_ERROR);
	CHECK(parse(&cfg, (const char *[]){ "minit", "--audit", NULL }) == OPTIONS_RUN);
	CHECK(cfg.argv == NULL && cfg.audit);
	CHECK(parse(&cfg, (const char *[]){ "minit", "--seccomp-print", "default", NULL }) == OPTIONS_RUN);
	CHECK_STR(cfg.seccomp_print, "default");
	CHECK(parse(&cfg, (const char *[]){ "minit", "--seccomp-print", "default", "x", NULL }) == OPTIONS_ERROR);

	/* --signal-map SIG:0 drops SIG; 0:SIG, SIG: and KILL:0 stay errors */
	CHECK(parse(&cfg, (const char *[]){ "minit", "--signal-map", "TSTP:0", "--signal-map", "15:0", "x", NULL }) == OPTIONS_RUN);
	CHECK(cfg.sigmap[SIGTSTP] == MINIT_SIGMAP_DROP && cfg.sigmap[SIGTERM] == MINIT_SIGMAP_DROP);
	CHECK(cfg.sigmap[SIGINT] == 0);
	CHECK(parse(&cfg, (const char *[]){ "minit", "--signal-map", "0:TERM", "x", NULL }) == OPTIONS_ERROR);
	CHECK(parse(&cfg, (const char *[]){ "minit", "--signal-map", "TERM:", "x", NULL }) == OPTIONS_ERROR);
	CHECK(parse(&cfg, (const char *[]){ "minit", "--signal-map", ":0", "x", NULL }) == OPTIONS_ERROR);
	CHECK(parse(&cfg, (const char *[]){ "minit", "--signal-map", "KILL:0", "x", NULL }) == OPTIONS_ERROR);
	CHECK(parse(&cfg, (const char *[]){ "minit", "--signal-map", "TERM:00", "x", NULL }) == OPTIONS_ERROR);

	/* -p / --pdeath-signal */
	CHECK(parse(&cfg, (const char *[]){ "minit", "-p", "TERM", "x", NULL }) == OPTIONS_RUN);
	CHECK(cfg.pdeath_signal == SIGTERM);
	CHECK(parse(&cfg, (const char *[]){ "minit", "--pdeath-signal", "9", "x", NULL }) == OPTIONS_RUN);
	CHECK(cfg.pdeath_signal == SIGKILL);
	CHECK(parse(&cfg, (const char *[]){ "minit", "-p", "STOP", "x", NULL }) == OPTIONS_ERROR);
	CHECK(parse(&cfg, (const char *[]){ "minit", "-p", "CHLD", "x", NULL }) == OPTIONS_ERROR);
	CHECK(parse(&cfg, (const char *[]){ "minit", "-p", "0", "x", NULL }) == OPTIONS_ERROR);
}

/* The MINIT_* knobs: read strictly, only the four, and the command line wins. */
static void
test_env(void)
{
	struct minit_config cfg;
	char *env[] = { "MINIT_VERBOSE=2", "MINIT_GRACE=7", "MINIT_KILL_GROUP=1",
	    "MINIT_PDEATH_SIGNAL=HUP", "MINIT_SECCOMP=off", "MINIT_USER=root",
	    "MINIT_ALLOW_ROOT=1", "MINIT_ALLOW_WRITABLE_ROOT=1", NULL };
	char *bad[][2] = {
		{ "MINIT_GRACE=1e3", NULL }, { "MINIT_GRACE=", NULL },
		{ "MINIT_VERBOSE=10", NULL }, { "MINIT_KILL_GROUP=2", NULL },
		{ "MINIT_PDEATH_SIGNAL=STOP", NULL },
	};

	options_init(&cfg);
	CHECK(options_from_env(&cfg, env) == 0);
	CHECK(cfg.verbose == 2 && cfg.grace == 7 && cfg.kill_group);
	CHECK(cfg.pdeath_signal == SIGHUP);
	/* no security setting moved */
	CHECK_STR(cfg.seccomp_profile, "default");
	CHECK(cfg.user == NULL && !cfg.allow_root && !cfg.allow_writable_root);
	/* the command line wins: -v counts from zero, --grace replaces */
	CHECK(options_parse(&cfg, 5, (char *[]){ "minit", "-v", "--grace", "0", "x", NULL }) == OPTIONS_RUN);
	CHECK(cfg.verbose == 1 && cfg.grace == 0);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		options_init(&cfg);
		CHECK(options_from_env(&cfg, bad[i]) == -1);
	}
	options_init(&cfg);
	CHECK(options_from_env(&cfg, NULL) == 0 && cfg.grace == 3);
}

static void
test_nonroot_secrets(void)
{
	struct minit_config c;

	CHECK(parse(&c, (const char *const[]){ "minit", "--user", "app", "--exact-user",
	    "--secrets-dir", "/run/secrets", "--file-env", "DB_PASSWORD",
	    "--file-env", "_X1", "--", "p", NULL }) == OPTIONS_RUN);
	CHECK(c.exact_user && c.nsecrets_dirs == 1 && c.nfile_envs == 2);
	CHECK_STR(c.secrets_dirs[0], "/run/secrets");
	CHECK_STR(c.file_envs[1], "_X1");
	CHECK(parse(&c, (const char *const[]){ "minit", "--exact-user", "p", NULL }) == OPTIONS_ERROR);
	CHECK(parse(&c, (const char *const[]){ "minit", "--secrets-dir", "", "p", NULL }) == OPTIONS_ERROR);
	CHECK(parse(&c, (const char *const[]){ "minit", "--file-env", "A-B", "p", NULL }) == OPTIONS_ERROR);
	CHECK(parse(&c, (const char *const[]){ "minit", "--file-env", "1A", "p", NULL }) == OPTIONS_ERROR);
	CHECK(parse(&c, (const char *const[]){ "minit", "--file-env", "", "p", NULL }) == OPTIONS_ERROR);
	CHECK(parse(&c, (const char *const[]){ "minit", "--file-env", "LD_PRELOAD", "p", NULL }) == OPTIONS_ERROR);
	/* at most MINIT_MAX_SECRETS_DIRS */
	for (int extra = 0; extra <= 1; extra++) {
		const char *args[2 * MINIT_MAX_SECRETS_DIRS + 8] = { "minit" };
		size_t n = 1;

		for (int i = 0; i < MINIT_MAX_SECRETS_DIRS + extra; i++) {
			args[n++] = "--secrets-dir";
			args[n++] = "/d";
		}
		args[n++] = "p";
		args[n] = NULL;
		CHECK(parse(&c, args) == (extra ? OPTIONS_ERROR : OPTIONS_RUN));
	}
}

static void
test_landlock(void)
{
	struct minit_config cfg;

	CHECK(parse(&cfg, (const char *[]){ "minit", "x", NULL }) == OPTIONS_RUN);
	CHECK(cfg.landlock == MINIT_LANDLOCK_OFF && cfg.nwritable == 0);
	CHECK(parse(&cfg, (const char *[]){ "minit", "--landlock", "--writable", "/tmp",
	    "--writable", "/data/log", "--allow-bind", "8080", "--allow-connect", "443",
	    "--allow-connect", "65535", "x", NULL }) == OPTIONS_RUN);
	CHECK(cfg.landlock == MINIT_LANDLOCK_STRICT);
	CHECK(cfg.nwritable == 2);
	CHECK_STR(cfg.writable[1], "/data/log");
	CHECK(cfg.nbind == 1 && cfg.bind_ports[0] == 8080);
	CHECK(cfg.nconnect == 2 && cfg.connect_ports[1] == 65535);
	CHECK(parse(&cfg, (const char *[]){ "minit", "--landlock=best-effort", "x", NULL }) == OPTIONS_RUN);
	CHECK(cfg.landlock == MINIT_LANDLOCK_BEST_EFFORT);

	CHECK(parse(&cfg, (const char *[]){ "minit", "--landlock=", "x", NULL }) == OPTIONS_ERROR);
	CHECK(parse(&cfg, (const char *[]){ "minit", "--landlock=strict", "x", NULL }) == OPTIONS_ERROR);
	/* --landlock takes no separate value: "best-effort" is PROGRAM here */
	CHECK(parse(&cfg, (const char *[]){ "minit", "--landlock", "best-effort", NULL }) == OPTIONS_RUN);
	CHECK(cfg.landlock == MINIT_LANDLOCK_STRICT);
	CHECK_STR(cfg.argv[0], "best-effort");
	CHECK(parse(&cfg, (const char *[]){ "minit", "--writable", "/tmp", "x", NULL }) == OPTIONS_ERROR);
	CHECK(parse(&cfg, (const char *[]){ "minit", "--allow-bind", "80", "x", NULL }) == OPTIONS_ERROR);
	CHECK(parse(&cfg, (const char *[]){ "minit", "--landlock", "--writable", "tmp", "x", NULL }) == OPTIONS_ERROR);
	CHECK(parse(&cfg, (const char *[]){ "minit", "--landlock", "--writable", "", "x", NULL }) == OPTIONS_ERROR);
	CHECK(parse(&cfg, (const char *[]){ "minit", "--landlock", "--allow-bind", "0", "x", NULL }) == OPTIONS_ERROR);
	CHECK(parse(&cfg, (const char *[]){ "minit", "--landlock", "--allow-bind", "65536", "x", NULL }) == OPTIONS_ERROR);
	CHECK(parse(&cfg, (const char *[]){ "minit", "--landlock", "--allow-connect", "+1", "x", NULL }) == OPTIONS_ERROR);
	{
		const char *many[2 * (MINIT_MAX_WRITABLE + 1) + 4] = { "minit", "--landlock" };
		int n = 2;

		for (int i = 0; i <= MINIT_MAX_WRITABLE; i++) {
			many[n++] = "--writable";
			many[n++] = "/tmp";
		}
		many[n++] = "x";
		many[n] = NULL;
		CHECK(parse(&cfg, many) == OPTIONS_ERROR);	/* one too many */
	}
}

int
main(void)
{
	test_signal_names();
	test_pairs();
	test_uint();
	test_parse();
	test_env();
	test_nonroot_secrets();
	test_landlock();
	return harness_end("options");
}
