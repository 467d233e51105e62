/* hello: the example app.  Prints who it runs as, then waits for SIGTERM
 * (what `docker stop` sends, through minit) and exits 0. */
#define _POSIX_C_SOURCE 200809L
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

int
main(void)
{
	sigset_t set;
	int sig;

	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigprocmask(SIG_BLOCK, &set, NULL);
	printf("hello from pid %d, uid %d, gid %d\n", (int)getpid(),
	    (int)getuid(), (int)getgid());
	fflush(stdout);
	if (sigwait(&set, &sig) != 0)
		return 1;
	printf("signal %d: bye\n", sig);
	return 0;
}
