/* profile_guards.c: the text of the guards, the filters stacked on
 * PROGRAM's own (seccomp_guard.c).  minit loads their precompiled BPF
 * (build-aux/bpfgen.c) and parses this text only for --seccomp-print
 * --format oci, which writes guard-memfd into the export (seccomp.c
 * print_oci, lib/profile_stack.c). */
#include <stddef.h>
#include <string.h>

#include "profile_groups.h"

/* Stacked on PROGRAM's own filter, whatever it is (seccomp_guard.c); each
 * refusal is EPERM.  PROGRAM runs with PID 1's uid, so the kernel lets it
 * change PID 1's limits and scheduling: refuse every such call that names
 * minit's pid or process group, or every process of a user (issue 14.1).
 * pid 0 (the caller) and PROGRAM's own children stay allowed; the calls
 * that also need ptrace rights (migrate_pages, move_pages,
 * process_madvise, kcmp, ...) already fail on PID 1, which is not dumpable.
 * The marks become the real pid and group at run time. */
#define GUARD_PID	PROF_STR(PROF_MARK_PID)
#define GUARD_PGID	PROF_STR(PROF_MARK_PGID)
static const char guard_pid1_text[] =
	"# stacked on PROGRAM's filter: minit out of PROGRAM's reach\n"
	"default-action allow\n"
	"deny prlimit64 sched_setaffinity sched_setscheduler sched_setparam "
	    "sched_setattr if arg0 == " GUARD_PID "\n"
	/* PRIO_PROCESS 0, PRIO_PGRP 1, PRIO_USER 2 (sys/resource.h) */
	"deny setpriority if arg0 == 0 and arg1 == " GUARD_PID "\n"
	"deny setpriority if arg0 == 1 and arg1 == " GUARD_PGID "\n"
	"deny setpriority if arg0 == 2\n"
	/* IOPRIO_WHO_PROCESS 1, _PGRP 2, _USER 3 (linux/ioprio.h) */
	"deny ioprio_set if arg0 == 1 and arg1 == " GUARD_PID "\n"
	"deny ioprio_set if arg0 == 2 and arg1 == " GUARD_PGID "\n"
	"deny ioprio_set if arg0 == 3\n";

/* Stacked under --require-noexec: a memory file is never executable, so
 * neither fexecve(memfd) nor execve("/proc/self/fd/N") runs code that was
 * never on a mount (issue 14.10). */
static const char guard_memfd_text[] =
	"# stacked on PROGRAM's filter: no executable memory files\n"
	"default-action allow\n"
	/* MFD_NOEXEC_SEAL 8 (linux/memfd.h, 6.3+) */
	"deny memfd_create if arg1 & 8 == 0\n";

const char *
profile_guard(const char *name)
{
	if (strcmp(name, "guard-pid1") == 0)
		return guard_pid1_text;
	if (strcmp(name, "guard-memfd") == 0)
		return guard_memfd_text;
	return NULL;
}
