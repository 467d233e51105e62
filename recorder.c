/* recorder.c: --seccomp-record FILE (recorder.h).
 *
 * The child loads the recording filter (lib/record.c: the selected profile
 * where every answer that does not depend on arguments says NOTIFY) in
 * place of the profile's own, and hands its notify fd to PID 1 with one
 * sendmsg that the filter lets through (SCM_RIGHTS over a socketpair made
 * before the fork).  PID 1 answers each notification from the plan: the
 * same answer the profile gives, with SECCOMP_USER_NOTIF_FLAG_CONTINUE for
 * a call it allows; it never reads the target's memory, so no notification
 * id needs checking for reuse (a dead target makes SEND fail with ENOENT,
 * which is ignored).  FILE is rewritten whenever a syscall is seen for the
 * first time: killed or not, FILE holds what was seen. */
#include <errno.h>
#include <fcntl.h>
#include <linux/seccomp.h>
#include <poll.h>
#include <seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

#include "log.h"
#include "oci.h"
#include "recorder.h"
#include "seccomp_build.h"

/* The rendered file: the profile part plus every syscall name twice. */
#define RECORD_NAMES	16384

static char	*render_buf;	/* made before the fork, PID 1 writes it */
static size_t	 render_size;

int
recorder_prepare(struct minit_config *cfg)
{
	const char *name = cfg->seccomp_profile, *text = profile_builtin(name);
	struct prof_filter *f, *out;
	struct prof_error err;
	struct profile *p;
	size_t len;
	int rc;

	if (cfg->seccomp_record == NULL)
		return 0;
	if (strcmp(name, "off") == 0) {
		log_err("seccomp: --seccomp-record: records under a profile, and "
		    "--seccomp off has none");
		return -1;
	}
	if (text == NULL || strcmp(name, "pid1") == 0) {
		text = cfg->seccomp_text;
		len = cfg->seccomp_len;
	} else {
		len = strlen(text);
	}
	if (text == NULL || oci_is_json(text, len)) {
		log_err("seccomp: --seccomp-record: %s: a JSON profile cannot be "
		    "part of the recorded file: record under default or a "
		    "profile in minit's language", name);
		return -1;
	}
	cfg->record_fd = open(cfg->seccomp_record, O_WRONLY | O_CREAT |
	    O_TRUNC | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY, 0644);
	if (cfg->record_fd == -1) {
		log_sys("seccomp: --seccomp-record %s: cannot write it",
		    cfg->seccomp_record);
		return -1;
	}
	render_size = len + RECORD_NAMES + 1024;
	render_buf = malloc(render_size);
	cfg->record_plan = malloc(sizeof(*cfg->record_plan));
	cfg->record_head = malloc(len + 32);
	p = mmap(NULL, sizeof(*p), PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	f = mmap(NULL, 2 * sizeof(*f), PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (render_buf == NULL || cfg->record_plan == NULL ||
	    cfg->record_head == NULL || p == MAP_FAILED || f == MAP_FAILED) {
		log_sys("seccomp: --seccomp-record");
		return -1;
	}
	out = f + 1;
	rc = profile_parse(p, text, len, &err);	/* seccomp_prepare checked it */
	if (rc == 0) {
		profile_finish(p, (int)cfg->seccomp_action, f);
		rc = record_filter(f, 3, out, cfg->record_plan);
		if (rc == -1)
			log_err("seccomp: --seccomp-record: %s does not always "
			    "allow sendmsg, which hands PID 1 the recorder", name);
	}
	(void)munmap(p, sizeof(*p));
	(void)munmap(f, 2 * sizeof(*f));
	if (rc == -1)
		return -1;
	if (text == cfg->seccomp_text) {
		memcpy(cfg->record_head, text, len);
		cfg->record_head[len] = '\0';
	} else {
		snprintf(cfg->record_head, len + 32, "include %s\n", name);
	}
	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0,
	    cfg->record_sock) == -1) {
		log_sys("seccomp: --seccomp-record: socketpair");
		return -1;
	}
	return 0;
}

/* The notify fd to PID 1: one sendmsg with its fd and flags, which the
 * recording filter lets run without asking (record.h). */
static int
hand_over(int sock, int fd)
{
	char data = 'r', ctl[CMSG_SPACE(sizeof(int))] = { 0 };
	struct iovec iov = { .iov_base = &data, .iov_len = 1 };
	struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1,
	    .msg_control = ctl, .msg_controllen = sizeof(ctl) };
	struct cmsghdr *c = CMSG_FIRSTHDR(&msg);

	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	c->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(c), &fd, sizeof(int));
	return sendmsg(sock, &msg, (int)RECORD_HANDOVER_FLAGS) == 1 ? 0 : -1;
}

int
recorder_load(const struct minit_config *cfg, const struct profile *p,
    int sock_fd)
{
	struct prof_filter *f = mmap(NULL, 2 * sizeof(*f), PROT_READ |
	    PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	struct record_plan plan;
	scmp_filter_ctx ctx = NULL;
	int rc = -1, fd;

	if (f == MAP_FAILED) {
		log_sys("seccomp: --seccomp-record");
		return -1;
	}
	profile_finish(p, (int)cfg->seccomp_action, f);
	if (record_filter(f, sock_fd, f + 1, &plan) == 0)
		ctx = seccomp_build_filter(f + 1, "--seccomp-record");
	(void)munmap(f, 2 * sizeof(*f));
	if (ctx == NULL)
		return -1;
	/* no TSYNC: the child has one thread, and TSYNC with a listener
	 * needs TSYNC_ESRCH */
	rc = seccomp_attr_set(ctx, SCMP_FLTATR_API_SYSRAWRC, 1);
	if (rc == 0)
		rc = seccomp_load(ctx);
	if (rc != 0) {
		errno = -rc;
		log_sys("seccomp: --seccomp-record: loading the recording filter");
		seccomp_release(ctx);
		return -1;
	}
	fd = seccomp_notify_fd(ctx);
	if (fd < 0 || hand_over(sock_fd, fd) == -1) {
		log_sys("seccomp: --seccomp-record: handing the recorder to PID 1");
		return -1;
	}
	/* from here every call asks PID 1, which now has the fd */
	seccomp_release(ctx);
	return 0;
}

void
recorder_init(struct recorder *r, const struct minit_config *cfg)
{
	memset(r, 0, sizeof(*r));
	r->cfg = cfg;
	r->sock = cfg->record_sock[0];
	r->notify = -1;
	if (cfg->seccomp_record != NULL)
		recorder_serve(r, 0);	/* FILE valid from the start */
}

int
recorder_fd(const struct recorder *r)
{
	return r->notify != -1 ? r->notify : r->sock;
}

static void
write_file(const struct recorder *r)
{
	size_t n = record_render(render_buf, render_size,
	    r->cfg->seccomp_profile, r->cfg->record_head, r->cfg->record_plan,
	    &r->seen);
	ssize_t w;

	if (n >= render_size)
		n = render_size - 1;
	w = pwrite(r->cfg->record_fd, render_buf, n, 0);
	if (w != (ssize_t)n || ftruncate(r->cfg->record_fd, (off_t)n) == -1)
		log_sys("seccomp: --seccomp-record %s", r->cfg->seccomp_record);
}

static void
take_fd(struct recorder *r)
{
	char data, ctl[CMSG_SPACE(sizeof(int))];
	struct iovec iov = { .iov_base = &data, .iov_len = 1 };
	struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1,
	    .msg_control = ctl, .msg_controllen = sizeof(ctl) };
	struct cmsghdr *c;
	ssize_t n;

	do
		n = recvmsg(r->sock, &msg, MSG_CMSG_CLOEXEC | MSG_DONTWAIT);
	while (n == -1 && errno == EINTR);
	if (n == -1 && errno == EAGAIN)
		return;
	c = n == 1 ? CMSG_FIRSTHDR(&msg) : NULL;
	if (c != NULL && c->cmsg_type == SCM_RIGHTS &&
	    c->cmsg_len == CMSG_LEN(sizeof(int)))
		memcpy(&r->notify, CMSG_DATA(c), sizeof(int));
	/* one hand-over: the socket is done (EOF: the child died before) */
	(void)close(r->sock);
	r->sock = -1;
}

/* One pending notification: the plan's answer. */
static void
answer(struct recorder *r)
{
	struct seccomp_notif req;
	struct seccomp_notif_resp resp;
	const struct record_plan *plan = r->cfg->record_plan;
	int nr, e, rc;
	bool new = false;

	memset(&req, 0, sizeof(req));	/* the kernel wants it zeroed */
	do
		rc = ioctl(r->notify, SECCOMP_IOCTL_NOTIF_RECV, &req);
	while (rc == -1 && errno == EINTR);
	if (rc == -1)
		return;	/* ENOENT: the caller died or was interrupted */
	nr = req.data.nr;
	e = nr >= 0 && nr < PROF_NR_MAX ? plan->answer[nr] : plan->other;
	memset(&resp, 0, sizeof(resp));
	resp.id = req.id;
	if (e == RECORD_CONTINUE)
		resp.flags = SECCOMP_USER_NOTIF_FLAG_CONTINUE;
	else
		resp.error = -e;
	if (nr >= 0 && nr < PROF_NR_MAX) {
		uint8_t *bit = e == RECORD_CONTINUE ? &r->seen.used[nr] :
		    &r->seen.denied[nr];

		new = *bit == 0;
		*bit = 1;
	}
	do
		rc = ioctl(r->notify, SECCOMP_IOCTL_NOTIF_SEND, &resp);
	while (rc == -1 && errno == EINTR);
	/* ENOENT: the target is gone; nothing to answer */
	if (new)
		write_file(r);
}

void
recorder_serve(struct recorder *r, short events)
{
	if (r->cfg->seccomp_record == NULL)
		return;
	if (events == 0) {
		write_file(r);
		return;
	}
	if (r->notify == -1) {
		take_fd(r);
		return;
	}
	if (events & POLLIN)
		answer(r);
	else if (events & (POLLHUP | POLLERR)) {
		/* no process is left under the filter */
		(void)close(r->notify);
		r->notify = -1;
	}
}
