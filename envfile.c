/* envfile.c: STUB, replaced by the privdrop issue. */
#include <unistd.h>

#include "envfile.h"

extern char **environ;

int
envfile_build(struct minit_config *cfg)
{
	cfg->envp = environ;
	return 0;
}
