/* nochdir CWD NEWROOT PROG [ARG...]: start PROG in the root NEWROOT with its
 * working directory CWD left outside that root, as runc did with a leaked
 * directory fd (CVE-2024-21626): open CWD, chroot, fchdir back to it.
 * Test helper for cwd.bats: minit must refuse to start there. */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int
main(int argc, char *argv[])
{
	int fd;

	if (argc < 4) {
		fprintf(stderr, "usage: nochdir CWD NEWROOT PROG [ARG...]\n");
		return 2;
	}
	fd = open(argv[1], O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd == -1 || chroot(argv[2]) == -1 || fchdir(fd) == -1) {
		perror("nochdir");
		return 2;
	}
	execv(argv[3], argv + 3);
	perror("nochdir: exec");
	return 127;
}
