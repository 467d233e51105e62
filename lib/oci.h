/* oci.c: a Docker/OCI runtime-spec seccomp profile (JSON) into a struct
 * profile, the same value the line-based language produces (profile.h), so
 * one builder loads both.  Pure: no I/O; the token array is an anonymous
 * mapping freed before returning.  docs/seccomp.md, "Docker/OCI JSON
 * profiles", says what is read and how each field is decided. */
#ifndef MINIT_OCI_H
#define MINIT_OCI_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "profile.h"

#define OCI_MAX_TOKENS	16384	/* JSON values in one profile */

/* What decides Docker's "includes" and "excludes". */
struct oci_env {
	uint64_t	 caps;		/* capabilities PROGRAM holds after the drop */
	unsigned	 kernel[2];	/* running kernel's major, minor */
};

/* What the caller may want to warn about. */
struct oci_report {
	unsigned	 unknown;	/* syscall names unknown on this ABI: skipped */
	unsigned	 unknown_line;	/* the first one's line */
	char		 unknown_name[64];	/* and name (printable ASCII) */
};

/* 1 when text is JSON (its first non-blank byte is '{'), else 0. */
int	oci_is_json(const char *text, size_t len);
/* Translate a JSON profile into p.  0, or -1 with err filled (its msg
 * starts with the JSON place, e.g. "syscalls[3].action"); p is then
 * unusable. */
int	oci_parse(struct profile *p, const char *text, size_t len,
	    const struct oci_env *env, struct oci_report *rep,
	    struct prof_error *err);

/* --seccomp-print --format oci (oci_print.c): a finished profile
 * (profile_finish) as OCI JSON on out. */
void	oci_print(FILE *out, const struct prof_filter *f);

#endif
