/* log.c: every diagnostic is one line on stderr, "minit: <what>: <why>".
 * stdout belongs to PROGRAM. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "log.h"
#include "minit.h"

/* Between fork and PID 1's go, the child holds its lines here (log_hold).
 * PID 1 drops its own privileges meanwhile; if that fails, PID 1 says why
 * and ends the child, and a line of the same cause from the child (its own
 * seccomp load refused as well, say) must not follow: one line a refusal.
 * log_release writes them once PID 1 has said go; log_discard drops them when
 * PID 1 refused instead (it said why itself).  A line that does not
 * fit ends the hold: what is held goes out, then it.  The buffer is the
 * child's (on its stack): 4 KiB here in .bss put a page more in PID 1's
 * RssAnon for a buffer PID 1 never uses (BENCHMARKS.md, PID 1 memory). */
static struct {
	char	*buf;
	size_t	 size;
	size_t	 len;
	bool	 on;
} held;

void
log_hold(char *buf, size_t size)
{
	held.buf = buf;
	held.size = size;
	held.len = 0;
	held.on = true;
}

void
log_discard(void)
{
	held.buf = NULL;
	held.size = 0;
	held.len = 0;
	held.on = false;
}

void
log_release(void)
{
	if (held.len > 0)
		(void)!write(STDERR_FILENO, held.buf, held.len);
	log_discard();
}

/* How PID 1 writes a line once log_nonblocking has run. */
static enum { OUT_PLAIN, OUT_SEND, OUT_POLL } out_mode = OUT_PLAIN;

/* PID 1 must never wait on its own output (issue 14.3): an app that stops
 * the terminal (tcflow TCOOFF), or a pipe that nobody reads, would hold
 * PID 1 in write(2): no reaping, no signals, `docker stop` times out.
 * O_NONBLOCK on fd 2 itself would change the file description PROGRAM
 * shares (its own writes would fail with EAGAIN), so PID 1 opens its
 * stderr again, through /proc, as a description of its own that does not
 * block; a line that would block is dropped.  A socket cannot be opened
 * again: MSG_DONTWAIT on each line does the same.  A regular file never
 * blocks.  Without /proc there is nothing to open again: PID 1 then writes
 * a line only when poll(2) says fd 2 takes it now, and drops it otherwise
 * (a stopped terminal, a full pipe).  That leaves a race (the app stops
 * the terminal between the poll and the write) that only /proc closes
 * (docs/security.md, P52). */
void
log_nonblocking(void)
{
	struct stat st;
	int fd;

	if (fstat(STDERR_FILENO, &st) == -1 || S_ISREG(st.st_mode))
		return;
	if (S_ISSOCK(st.st_mode)) {
		out_mode = OUT_SEND;
		return;
	}
	/* ENXIO: a pipe nobody reads, which never blocks (EPIPE) */
	fd = open("/proc/self/fd/2", O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd == -1) {
		out_mode = OUT_POLL;
		return;
	}
	(void)dup2(fd, STDERR_FILENO);
	(void)close(fd);
}

static void
out(const char *buf, size_t n)
{
	struct pollfd p = { .fd = STDERR_FILENO, .events = POLLOUT };
	const struct timespec now = { 0, 0 };

	if (out_mode == OUT_POLL &&
	    (ppoll(&p, 1, &now, NULL) != 1 || (p.revents & POLLOUT) == 0))
		return;
	if (out_mode == OUT_SEND)
		(void)!send(STDERR_FILENO, buf, n, MSG_DONTWAIT | MSG_NOSIGNAL);
	else
		(void)!write(STDERR_FILENO, buf, n);
}

char *
log_escape(char *dst, size_t size, const char *src, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	size_t n = 0;

	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)src[i];
		size_t w = c == '\\' ? 2 : (c < 0x20 || c > 0x7e) ? 4 : 1;

		if (n + w > size - 4) {	/* room for "..." and the NUL */
			memcpy(dst + n, "...", 3);
			n += 3;
			break;
		}
		if (w == 1) {
			dst[n++] = (char)c;
		} else if (w == 2) {
			dst[n++] = '\\';
			dst[n++] = '\\';
		} else {
			dst[n++] = '\\';
			dst[n++] = 'x';
			dst[n++] = hex[c >> 4];
			dst[n++] = hex[c & 15];
		}
	}
	dst[n] = '\0';
	return dst;
}

/* One write(2) per line, so lines from PID 1 and the child never interleave
 * and nothing is buffered across fork.  The message is formatted, then
 * escaped as a whole (log_escape): whatever %s brought from input, no
 * control byte reaches stderr. */
static void __attribute__((format(printf, 1, 0)))
log_line(const char *fmt, va_list ap, int err)
{
	char raw[1024], buf[1536];
	int m;
	size_t n;

	m = vsnprintf(raw, sizeof(raw), fmt, ap);
	if (m < 0)
		m = 0;
	if ((size_t)m >= sizeof(raw))
		m = (int)sizeof(raw) - 1;
	if (err != 0)
		m += snprintf(raw + m, sizeof(raw) - (size_t)m, ": %s",
		    strerror(err));
	if ((size_t)m >= sizeof(raw))
		m = (int)sizeof(raw) - 1;
	n = (size_t)snprintf(buf, sizeof(buf), "minit: ");
	log_escape(buf + n, sizeof(buf) - n - 1, raw, (size_t)m);	/* - 1: the newline */
	n = strlen(buf);
	buf[n++] = '\n';
	if (held.on && n <= held.size - held.len) {
		memcpy(held.buf + held.len, buf, n);
		held.len += n;
		return;
	}
	if (held.on)
		log_release();
	out(buf, n);
}

void
log_err(const char *fmt, ...)
{
	int saved = errno;
	va_list ap;

	va_start(ap, fmt);
	log_line(fmt, ap, 0);
	va_end(ap);
	errno = saved;
}

void
log_sys(const char *fmt, ...)
{
	int saved = errno;
	va_list ap;

	va_start(ap, fmt);
	log_line(fmt, ap, saved);
	va_end(ap);
	errno = saved;
}

void
log_verbose(const struct minit_config *cfg, const char *fmt, ...)
{
	int saved = errno;
	va_list ap;

	if (cfg->verbose == 0)
		return;
	va_start(ap, fmt);
	log_line(fmt, ap, 0);
	va_end(ap);
	errno = saved;
}
