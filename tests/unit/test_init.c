/* Unit tests for init.c's pure part: wait status to exit code (P29). */
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "harness.h"
#include "init.h"

static int
status_of_child(int how, int value)
{
	int ws;
	pid_t p = fork();

	if (p == 0) {
		if (how == 0)
			_exit(value);
		signal(value, SIG_DFL);
		kill(getpid(), value);
		_exit(99);
	}
	waitpid(p, &ws, 0);
	return ws;
}

int
main(void)
{
	for (int code = 0; code < 256; code += 17)
		CHECK(init_status_to_exit(status_of_child(0, code)) == code);
	CHECK(init_status_to_exit(status_of_child(0, 255)) == 255);
	CHECK(init_status_to_exit(status_of_child(1, SIGTERM)) == 143);
	CHECK(init_status_to_exit(status_of_child(1, SIGKILL)) == 137);
	CHECK(init_status_to_exit(status_of_child(1, SIGSYS)) == 159);
	return harness_end("init");
}
