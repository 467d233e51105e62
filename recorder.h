/* recorder.c: --seccomp-record FILE.  Before the fork: the refusals, the
 * file opened, the plan (lib/record.c).  In the child: the recording
 * filter, and its notify fd handed to PID 1.  In PID 1: the answers, and
 * FILE rewritten whenever a syscall is seen for the first time, so it is
 * complete on every exit (docs/seccomp.md, "Record a profile"). */
#ifndef MINIT_RECORDER_H
#define MINIT_RECORDER_H

#include <stdbool.h>

#include "minit.h"
#include "profile.h"
#include "record.h"

/* PID 1's side, one per run (in init.c's supervisor). */
struct recorder {
	const struct minit_config *cfg;
	int		 sock;		/* the child's hand-over, until it came */
	int		 notify;	/* the listener; -1 before and after */
	struct record_seen seen;
};

/* Before the fork (main.c), as root: refuse what cannot be recorded,
 * open FILE, make the plan and the socket.  -1: refused (logged). */
int	recorder_prepare(struct minit_config *cfg);
/* In the child, instead of the profile's own filter: load the recording
 * filter made from p, hand its notify fd to PID 1. */
int	recorder_load(const struct minit_config *cfg, const struct profile *p,
	    int sock_fd);
/* PID 1, after the fork. */
void	recorder_init(struct recorder *r, const struct minit_config *cfg);
/* The fd to poll for r (the socket, then the listener), or -1. */
int	recorder_fd(const struct recorder *r);
/* After poll said recorder_fd is readable (events: its revents): take
 * the fd, or answer what is pending, and write FILE when something new
 * was seen. */
void	recorder_serve(struct recorder *r, short events);

#endif
