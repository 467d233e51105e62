/* envvec.c: PROGRAM's environment while it is built (see envvec.h). */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "envvec.h"

void
envvec_wipe_str(char *s)
{
	explicit_bzero(s, strlen(s));
	free(s);
}

int
envvec_in_environ(const char *s)
{
	for (char **e = environ; e != NULL && *e != NULL; e++)
		if (*e == s)
			return 1;
	return 0;
}

static void
drop(char *s)
{
	if (!envvec_in_environ(s))
		envvec_wipe_str(s);
}

void
envvec_free(struct envvec *ev)
{
	for (size_t i = 0; i < ev->n; i++)
		drop(ev->v[i]);
	free(ev->v);
	ev->v = NULL;
	ev->n = ev->cap = 0;
}

/* Index of the entry whose name is the keylen bytes of key, or -1. */
static long
find(const struct envvec *ev, const char *key, size_t keylen)
{
	for (size_t i = 0; i < ev->n; i++)
		if (strncmp(ev->v[i], key, keylen) == 0 &&
		    ev->v[i][keylen] == '=')
			return (long)i;
	return -1;
}

int
envvec_put(struct envvec *ev, char *s, size_t keylen)
{
	long i = find(ev, s, keylen);

	if (i >= 0) {
		drop(ev->v[i]);
		ev->v[i] = s;
		return 0;
	}
	if (ev->n + 1 >= ev->cap) {
		size_t cap = ev->cap == 0 ? 64 : ev->cap * 2;
		char **v = realloc(ev->v, cap * sizeof(*v));

		if (v == NULL)
			return -1;
		ev->v = v;
		ev->cap = cap;
	}
	ev->v[ev->n++] = s;
	ev->v[ev->n] = NULL;
	return 0;
}

const char *
envvec_get(const struct envvec *ev, const char *name)
{
	size_t len = strlen(name);
	long i = find(ev, name, len);

	return i >= 0 ? ev->v[i] + len + 1 : NULL;
}

void
envvec_del(struct envvec *ev, const char *name)
{
	long i = find(ev, name, strlen(name));

	if (i < 0)
		return;
	drop(ev->v[i]);
	/* keep the order: PROGRAM sees its environment as it was given */
	memmove(&ev->v[i], &ev->v[i + 1], (ev->n - (size_t)i) * sizeof(*ev->v));
	ev->n--;
}
