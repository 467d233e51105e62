/* privdrop.c: STUB, replaced by the privdrop issue. */
#include <sys/prctl.h>

#include "privdrop.h"

int
privdrop_resolve(struct minit_config *cfg)
{
	(void)cfg;
	return 0;
}

int
privdrop_apply(const struct minit_config *cfg)
{
	(void)cfg;
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == -1) {
		log_sys("privdrop: PR_SET_NO_NEW_PRIVS");
		return -1;
	}
	return 0;
}

int
privdrop_pid1(const struct minit_config *cfg)
{
	(void)cfg;
	return 0;
}
