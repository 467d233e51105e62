/* envvec.c: PROGRAM's environment while it is built: a NULL-terminated
 * vector of "NAME=value" strings, one per name.  Strings minit added
 * (secrets among them) are wiped when dropped; those of minit's own
 * environ are only referred to. */
#ifndef MINIT_ENVVEC_H
#define MINIT_ENVVEC_H

#include <stddef.h>

struct envvec {
	char	**v;
	size_t	 n, cap;
};

/* Add s, whose name is its first keylen bytes; an entry of that name is
 * replaced (later wins).  s is then owned by ev (or is environ's).  -1 when
 * memory runs out: s is not taken. */
int	envvec_put(struct envvec *ev, char *s, size_t keylen);

/* The value of name, or NULL when unset. */
const char *envvec_get(const struct envvec *ev, const char *name);

/* Remove name, if set. */
void	envvec_del(struct envvec *ev, const char *name);

/* Wipe and free what ev owns; ev is empty again. */
void	envvec_free(struct envvec *ev);

/* Wipe and free s, a string of ours. */
void	envvec_wipe_str(char *s);

/* 1 when s is one of minit's own environ strings (not ours to wipe). */
int	envvec_in_environ(const char *s);

#endif
