/* memtrim.c: PID 1 gives back the pages of its binary it touched only to
 * start up. */
#ifndef MINIT_MEMTRIM_H
#define MINIT_MEMTRIM_H

/* Drop this process's resident read-only pages of its own binary (text,
 * rodata) and turn off fault-around for them, so that from now on only
 * the pages PID 1's loop really runs are resident.  Never fails: it only
 * saves memory. */
void	memtrim_run(void);

#endif
