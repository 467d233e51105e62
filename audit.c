/* audit.c: STUB, replaced by the rootfs/audit issue. */
#include <unistd.h>

#include "audit.h"

void
audit_child(const struct minit_config *cfg, const char *program)
{
	(void)cfg;
	(void)program;
	log_err("audit: not implemented");
	_exit(MINIT_EX_REFUSED);
}
