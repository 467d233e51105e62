/* passwd.c: a small, strict parser for the image's /etc/passwd and
 * /etc/group (static musl has no NSS, and FROM scratch images may have no
 * files at all).  Pure: it reads a buffer and fills structs, so the unit
 * tests and the fuzzers call it directly.  Every line of a file must parse;
 * a malformed file is refused rather than half-read (P04). */
#ifndef MINIT_PASSWD_H
#define MINIT_PASSWD_H

#include <stddef.h>
#include <stdint.h>

/* Largest uid/gid accepted: (uid_t)-1 is the kernel's "no change" (P02). */
#define ID_MAX		4294967294ULL
#define PW_NAME_MAX	64
#define PW_HOME_MAX	256

enum pw_result {
	PW_OK = 0,
	PW_NOTFOUND,		/* no entry matches */
	PW_DUPLICATE,		/* a name matches two entries */
	PW_MALFORMED,		/* line *line is not a valid entry */
	PW_TOOMANY,		/* more supplementary groups than fit */
};

struct pw_entry {
	char		 name[PW_NAME_MAX];
	uint32_t	 uid;
	uint32_t	 gid;
	char		 home[PW_HOME_MAX];
};

/* Strict decimal id: digits only, no sign or space, 0..ID_MAX.  len bytes
 * of s (no NUL needed).  0 or -1. */
int	passwd_id_parse(const char *s, size_t len, uint32_t *out);

/* /etc/passwd: the entry named name, or (name == NULL) the first entry with
 * uid.  On PW_MALFORMED, *line is the 1-based line number. */
enum pw_result passwd_find(const char *buf, size_t len, const char *name,
	    uint32_t uid, struct pw_entry *out, size_t *line);

/* /etc/group: the gid of the group named name. */
enum pw_result passwd_group_find(const char *buf, size_t len, const char *name,
	    uint32_t *gid, size_t *line);

/* /etc/group, initgroups semantics: gids[0] = primary, then the gid of
 * every group that lists user as a member, each gid once. */
enum pw_result passwd_group_list(const char *buf, size_t len, const char *user,
	    uint32_t primary, uint32_t *gids, size_t max, size_t *n,
	    size_t *line);

#endif
