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
 *    Only segments without PF_W, and whole pages inside them: never
 *    written (static-pie relocations go to the RW segment), so a dropped
 *    page reads back from the file exactly as it was;
 * 3. drops the stack pages start-up used below the current frame (dead
 *    by the ABI once the functions returned; they come back zeroed if
 *    the stack grows there again).
 *
 * The segments are read from the program's own headers (__ehdr_start,
 * not dl_iterate_phdr: 448 bytes of musl the size budget had no room
 * for), last first, so the headers are not touched once dropped.
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

/* This program's own ELF header, where the linker put it (ld and lld
 * define the name): its program headers say where the segments are. */
/* NOLINTNEXTLINE(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp) */
extern const ElfW(Ehdr) __ehdr_start __attribute__((visibility("hidden")));

/* Drop the read-only segments, last first: the first holds the program
 * headers this loop reads. */
static void
drop_segments(uintptr_t pg)
{
	const ElfW(Ehdr) *eh = &__ehdr_start;
	const ElfW(Phdr) *ph = (const void *)((const char *)eh + eh->e_phoff);
	uintptr_t base = (uintptr_t)eh;

	for (int i = 0; i < eh->e_phnum; i++)
		if (ph[i].p_type == PT_LOAD && ph[i].p_offset == 0)
			base -= ph[i].p_vaddr;	/* the header's segment */
	for (int i = eh->e_phnum - 1; i >= 0; i--) {
		uintptr_t at = base + ph[i].p_vaddr;
		uintptr_t start = (at + pg - 1) & ~(pg - 1);
		uintptr_t end = (at + ph[i].p_memsz) & ~(pg - 1);

		if (ph[i].p_type != PT_LOAD || (ph[i].p_flags & PF_W) != 0 ||
		    end <= start)
			continue;
		(void)madvise((void *)start, end - start, MADV_DONTNEED);	/* NOLINT(performance-no-int-to-ptr): from the program headers */
	}
}

static void
split_loop_code(uintptr_t pg)
{
	uintptr_t start = (uintptr_t)minit_pid1_text_start & ~(pg - 1);
	uintptr_t end = ((uintptr_t)minit_pid1_text_end + pg - 1) & ~(pg - 1);

	/* NULL (weak) without the linker script: end <= start */
	if (end > start)
		(void)madvise((void *)start, end - start, MADV_RANDOM);	/* NOLINT(performance-no-int-to-ptr): our own text's address */
}

/* The stack is near the top of the address space, far above 256 KiB. */
static void
trim_stack(uintptr_t pg)
{
	/* Keep 1 KiB below this frame: madvise's own call runs there. */
	uintptr_t top = ((uintptr_t)__builtin_frame_address(0) - 1024) &
	    ~(pg - 1);

	(void)madvise((void *)(top - STACK_TRIM), STACK_TRIM, MADV_DONTNEED);	/* NOLINT(performance-no-int-to-ptr): below our own stack pointer */
}

void
memtrim_run(void)
{
	uintptr_t pg = (uintptr_t)getauxval(AT_PAGESZ);

	if (pg == 0)
		pg = 4096;
	split_loop_code(pg);
	drop_segments(pg);
	trim_stack(pg);
}
