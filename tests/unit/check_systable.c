/* check_systable: the libseccomp minit links, built for the x86 family only
 * (build-aux/libseccomp-x86.patch), answers every x86_64 syscall of the
 * upstream table exactly as upstream's table says, both ways, and refuses
 * the architectures it no longer knows.  A column cut in the wrong place
 * would put other numbers under x86_64's names and make every profile file
 * filter the wrong syscalls (P19); this catches it.
 * usage: check_systable [UPSTREAM-CSV], or $SYSTABLE_CSV: the unmodified
 * src/syscalls.csv of the verified tarball, which build-aux/deps.sh keeps as
 * build/deps/upstream-syscalls.csv before it cuts the columns.
 * Built like check_bpf: release toolchain, the same libseccomp as minit. */
#include <errno.h>
#include <seccomp.h>
#include <stdlib.h>

#include "harness.h"

/* One upstream row: "name,x86,x86_kver,x86_64,x86_64_kver,...".  x86_64 is
 * the fourth field; "PNR" means the syscall does not exist there.  Returns
 * whether the linked table answers as the row says, and says why not. */
static int
row_matches(char *line)
{
	char *name = strtok(line, ",\n");
	char *field = NULL, *end, *back;
	long want;
	int got, same;

	for (int i = 0; i < 3 && name != NULL; i++)
		field = strtok(NULL, ",\n");
	if (name == NULL || field == NULL) {
		fprintf(stderr, "a row without an x86_64 column\n");
		return 0;
	}
	got = seccomp_syscall_resolve_name_arch(SCMP_ARCH_X86_64, name);
	if (strcmp(field, "PNR") == 0) {
		/* a pseudo number, never one the kernel could see */
		if (got < 0 && got != __NR_SCMP_ERROR)
			return 1;
		fprintf(stderr, "%s: x86_64 %d, upstream none\n", name, got);
		return 0;
	}
	errno = 0;
	want = strtol(field, &end, 10);
	back = seccomp_syscall_resolve_num_arch(SCMP_ARCH_X86_64, got);
	same = errno == 0 && *end == '\0' && want >= 0 && got == want &&
	    back != NULL && strcmp(back, name) == 0;
	if (!same)
		fprintf(stderr, "%s: x86_64 %d (back: %s), upstream %s\n",
		    name, got, back != NULL ? back : "none", field);
	free(back);
	return same;
}

int
main(int argc, char **argv)
{
	static const uint32_t gone[] = {
		SCMP_ARCH_ARM, SCMP_ARCH_AARCH64, SCMP_ARCH_RISCV64,
		SCMP_ARCH_PPC64LE, SCMP_ARCH_S390X, SCMP_ARCH_MIPSEL64,
	};
	const char *path = argc > 1 ? argv[1] : getenv("SYSTABLE_CSV");
	char line[4096];
	FILE *csv;
	scmp_filter_ctx ctx;
	int rows = 0;

	csv = path != NULL ? fopen(path, "r") : NULL;
	CHECK(csv != NULL);
	if (csv == NULL)
		return harness_end("check_systable");
	while (fgets(line, sizeof(line), csv) != NULL) {
		if (line[0] == '#')
			continue;
		/* one check a row; none cut short by the buffer */
		CHECK(strchr(line, '\n') != NULL && row_matches(line));
		rows++;
	}
	fclose(csv);
	CHECK(rows > 400);
	printf("check_systable: %d upstream rows\n", rows);

	/* the x86 family is still there: native, and both compat ABIs */
	CHECK(seccomp_arch_native() == SCMP_ARCH_X86_64);
	CHECK(seccomp_arch_resolve_name("x86") == SCMP_ARCH_X86);
	CHECK(seccomp_arch_resolve_name("x32") == SCMP_ARCH_X32);
	/* the rest is refused as any invalid arch is */
	CHECK(seccomp_arch_resolve_name("aarch64") == 0);
	ctx = seccomp_init(SCMP_ACT_ALLOW);
	CHECK(ctx != NULL);
	for (size_t i = 0; ctx != NULL && i < sizeof(gone) / sizeof(gone[0]); i++) {
		CHECK(seccomp_arch_add(ctx, gone[i]) == -EINVAL);
		CHECK(seccomp_syscall_resolve_name_arch(gone[i], "read") ==
		    __NR_SCMP_ERROR);
	}
	CHECK(ctx == NULL || seccomp_arch_add(ctx, SCMP_ARCH_X86) == 0);
	seccomp_release(ctx);
	return harness_end("check_systable");
}
