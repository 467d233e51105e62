/* memtrim.c: PID 1's resident pages of its own binary.
 *
 * Start-up (option parsing, account files, the privilege drop, the
 * profile checks, every message text) runs once, but the kernel maps
 * file pages 64 KiB at a time around each fault (fault-around), so PID 1
 * stayed resident with nearly all of its binary for the container's whole
 * life.  Once PROGRAM runs, PID 1 drops its read-only segments from its
 * page tables (MADV_DONTNEED; the page cache keeps them, shared): what the
 * wait loop touches comes back (with fault-around, 64 KiB windows, which
 * MADV_RANDOM does not turn off on current kernels).
 *
 * Only segments without PF_W, and only whole pages inside them: those are
 * never written (static-pie relocations go to the RW segment, whose RELRO
 * part is written then sealed), so a page dropped here reads back from
 * the file exactly as it was.  madvise is on PID 1's allow-list (musl's
 * malloc calls it). */
#include <link.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/auxv.h>
#include <sys/mman.h>

#include "memtrim.h"

static int
trim_object(struct dl_phdr_info *info, size_t size, void *unused)
{
	uintptr_t pg = (uintptr_t)getauxval(AT_PAGESZ);

	(void)size;
	(void)unused;
	if (pg == 0)
		pg = 4096;
	for (int i = 0; i < info->dlpi_phnum; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
		uintptr_t start, end;

		if (ph->p_type != PT_LOAD || (ph->p_flags & PF_W) != 0)
			continue;
		start = (info->dlpi_addr + ph->p_vaddr + pg - 1) & ~(pg - 1);
		end = (info->dlpi_addr + ph->p_vaddr + ph->p_memsz) & ~(pg - 1);
		if (end <= start)
			continue;
		(void)madvise((void *)start, end - start, MADV_DONTNEED);	/* NOLINT(performance-no-int-to-ptr): a segment address from the program headers */
	}
	return 1;	/* the first object is the program itself */
}

void
memtrim_run(void)
{
	(void)dl_iterate_phdr(trim_object, NULL);
}
