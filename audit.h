/* audit.c: minit --audit.  Runs every stage as a real start would, then the
 * hardened child inspects itself instead of exec'ing PROGRAM. */
#ifndef MINIT_AUDIT_H
#define MINIT_AUDIT_H

#include "minit.h"

/* In the hardened child, in place of exec: report, and _exit 0 or 1. */
_Noreturn void audit_child(const struct minit_config *cfg, const char *program);

#endif
