/* floor: the least a PID 1 can cost.  One fork, one exec, one wait, then exit
 * with the child's status: the start-up "limit" of BENCHMARKS.md item 2.  A
 * static musl build of this is what any init is measured against. */
#include <errno.h>
#include <sys/wait.h>
#include <unistd.h>

int
main(int argc, char *argv[])
{
	pid_t pid, w;
	int st = 0;

	if (argc < 2)
		return 125;
	pid = fork();
	if (pid == -1)
		return 125;
	if (pid == 0) {
		execv(argv[1], argv + 1);
		_exit(127);
	}
	/* Reap whatever comes (we are PID 1) until our own child is gone. */
	do
		w = wait(&st);
	while (w != pid && (w != -1 || errno == EINTR));
	if (w == -1)
		return 125;
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}
