/* memtrim.c: PID 1's resident pages, once PROGRAM runs.
 *
 * Start-up (option parsing, account files, the privilege drop, the
 * profile checks, every message text) runs once, but its pages stayed
 * resident for the container's whole life.  Once PROGRAM runs, PID 1:
 *
 * 1. makes the pages of its wait loop's code (build-aux/pid1-text.ld:
 *    init.c, log.c and the few musl functions they call, side by side) a
 *    mapping of their own.  The kernel maps file pages 64 KiB at a time
 *    around each fault (fault-around), clamped to the mapping: split off,
 *    a fault in the loop brings back the loop's pages only, not the
 *    start-up code around them.  madvise(MADV_RANDOM) is what splits the
 *    mapping (a mapping has one set of flags); it also turns off
 *    read-ahead there, which a few pages do not need;
 * 2. drops its read-only segments from its page tables (MADV_DONTNEED;
 *    the page cache keeps them, shared): only what runs again comes back.
 *    Only segments without PF_W, and pages no other segment shares:
 *    never written (static-pie relocations go to the RW segment), so a
 *    dropped page reads back from the file exactly as it was;
 * 3. drops the stack pages start-up used below the current frame (dead
 *    by the ABI once the functions returned; they come back zeroed if
 *    the stack grows there again).
 *
 * dl_iterate_phdr runs first and only records the segments: its own code
 * and the program headers are not touched again once they are dropped.
 * madvise is on PID 1's allow-list (musl's free calls it). */
#include <link.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/auxv.h>
#include <sys/mman.h>

#include "memtrim.h"

/* Bounds of the loop's code, from build-aux/pid1-text.ld; absent (weak,
 * NULL) in a build linked without it. */
extern const char minit_pid1_text_start[] __attribute__((weak, visibility("hidden")));
extern const char minit_pid1_text_end[] __attribute__((weak, visibility("hidden")));

/* How far below the current frame start-up's stack pages are dropped.
 * Below the stack the kernel keeps a guard gap (stack_guard_gap, 1 MiB by
 * default) free of other mappings, so this range holds only stack. */
#define STACK_TRIM (256 * 1024)

#define MAX_RANGES 8

struct ranges {
	uintptr_t	pg;
	int		n;
	uintptr_t	start[MAX_RANGES], end[MAX_RANGES];
};

/* The end of a read-only segment (end: its last byte + 1), up to its
 * mapping's last page (mapped from the file and never written, like the
 * rest), but not into a page another segment starts in. */
static uintptr_t
segment_end(const struct dl_phdr_info *info, uintptr_t end, uintptr_t pg)
{
	uintptr_t up = (end + pg - 1) & ~(pg - 1);

	for (int i = 0; i < info->dlpi_phnum; i++) {
		uintptr_t at = info->dlpi_phdr[i].p_vaddr;

		if (info->dlpi_phdr[i].p_type == PT_LOAD && at >= end &&
		    at < up)
			up = end & ~(pg - 1);
	}
	return info->dlpi_addr + up;
}

static int
record_segments(struct dl_phdr_info *info, size_t size, void *arg)
{
	struct ranges *r = arg;
	uintptr_t pg = r->pg;

	(void)size;
	for (int i = 0; i < info->dlpi_phnum && r->n < MAX_RANGES; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
		uintptr_t start, end;

		if (ph->p_type != PT_LOAD || (ph->p_flags & PF_W) != 0)
			continue;
		start = (info->dlpi_addr + ph->p_vaddr + pg - 1) & ~(pg - 1);
		end = segment_end(info, ph->p_vaddr + ph->p_memsz, pg);
		if (end <= start)
			continue;
		r->start[r->n] = start;
		r->end[r->n] = end;
		r->n++;
	}
	return 1;	/* the first object is the program itself */
}

static void
split_loop_code(uintptr_t pg)
{
	uintptr_t start = (uintptr_t)minit_pid1_text_start & ~(pg - 1);
	uintptr_t end = ((uintptr_t)minit_pid1_text_end + pg - 1) & ~(pg - 1);

	/* cppcheck-suppress knownConditionTrueFalse ; weak: NULL unlinked */
	if (minit_pid1_text_start == NULL || end <= start)
		return;
	(void)madvise((void *)start, end - start, MADV_RANDOM);	/* NOLINT(performance-no-int-to-ptr): our own text's address */
}

static void
trim_stack(uintptr_t pg)
{
	volatile char here = 0;
	/* Keep 1 KiB below this frame: madvise's own call runs there. */
	uintptr_t top = ((uintptr_t)&here - 1024) & ~(pg - 1);

	if (top <= STACK_TRIM)
		return;
	(void)madvise((void *)(top - STACK_TRIM), STACK_TRIM, MADV_DONTNEED);	/* NOLINT(performance-no-int-to-ptr): below our own stack pointer */
}

void
memtrim_run(void)
{
	struct ranges r = { .pg = (uintptr_t)getauxval(AT_PAGESZ) };

	if (r.pg == 0)
		r.pg = 4096;
	(void)dl_iterate_phdr(record_segments, &r);
	split_loop_code(r.pg);
	for (int i = 0; i < r.n; i++) {
		uintptr_t len = r.end[i] - r.start[i];

		(void)madvise((void *)r.start[i], len, MADV_DONTNEED);	/* NOLINT(performance-no-int-to-ptr): from the program headers */
	}
	trim_stack(r.pg);
}
