/* seccomp.c: STUB, replaced by the seccomp issue. */
#include <stdio.h>

#include "seccomp.h"

int
seccomp_check(const struct minit_config *cfg)
{
	(void)cfg;
	return 0;
}

int
seccomp_print(const struct minit_config *cfg)
{
	(void)cfg;
	return MINIT_EX_REFUSED;
}

int
seccomp_apply(const struct minit_config *cfg)
{
	(void)cfg;
	return 0;
}

int
seccomp_pid1(const struct minit_config *cfg)
{
	(void)cfg;
	return 0;
}
