/* check_systable: the libseccomp minit links, built for the native ABI's
 * family only (build-aux/libseccomp-x86.patch, libseccomp-aarch64.patch),
 * answers every native syscall of the upstream table exactly as upstream's
 * table says, both ways, and refuses the architectures it no longer knows.
 * A column cut in the wrong place would put other numbers under the native
 * names and make every profile file filter the wrong syscalls (P19); this
 * catches it.  tests/vm/smoke.sh runs the aarch64 build on arm64.
 * usage: check_systable [UPSTREAM-CSV], or $SYSTABLE_CSV: the unmodified
 * src/syscalls.csv of the verified tarball, which build-aux/deps.sh keeps as
 * build/deps/upstream-syscalls.csv before it cuts the columns.
 * Built like check_bpf: release toolchain, the same libseccomp as minit. */
#include <errno.h>
#include <seccomp.h>
#include <stdlib.h>

#include "arch.h"
#include "harness.h"

/* The native ABI's field in an upstream row, from the header line
 * "#syscall (...),x86,x86_kver,x86_64,..." (name is field 0). */
static int
native_column(char *header)
{
	int i = 0;

	for (char *f = strtok(header, ",\n"); f != NULL;
	    f = strtok(NULL, ",\n"), i++)
		if (strcmp(f, arch_native.name) == 0)
			return i;
	return -1;
}

/* One upstream row: "name,x86,x86_kver,x86_64,x86_64_kver,...": the native
 * ABI's number is field col; "PNR" means the syscall does not exist there.
 * Returns whether the linked table answers as the row says, and says why
 * not. */
static int
row_matches(char *line, int col)
{
	const uint32_t arch = arch_native.scmp_arch;
	char *name = strtok(line, ",\n");
	char *field = NULL, *end, *back;
	long want;
	int got, same;

	for (int i = 0; i < col && name != NULL; i++)
		field = strtok(NULL, ",\n");
	if (name == NULL || field == NULL) {
		fprintf(stderr, "a row without a %s column\n", arch_native.name);
		return 0;
	}
	got = seccomp_syscall_resolve_name_arch(arch, name);
	if (strcmp(field, "PNR") == 0) {
		/* a pseudo number, never one the kernel could see */
		if (got < 0 && got != __NR_SCMP_ERROR)
			return 1;
		fprintf(stderr, "%s: %s %d, upstream none\n", name,
		    arch_native.name, got);
		return 0;
	}
	errno = 0;
	want = strtol(field, &end, 10);
	back = seccomp_syscall_resolve_num_arch(arch, got);
	same = errno == 0 && *end == '\0' && want >= 0 && got == want &&
	    back != NULL && strcmp(back, name) == 0;
	if (!same)
		fprintf(stderr, "%s: %s %d (back: %s), upstream %s\n", name,
		    arch_native.name, got, back != NULL ? back : "none", field);
	free(back);
	return same;
}

/* The ABIs the cut library keeps (build-aux/libseccomp-*.patch): the x86
 * family on x86_64, aarch64 alone on aarch64. */
static int
kept(const char *name)
{
	if (strcmp(arch_native.name, "x86_64") == 0)
		return strcmp(name, "x86") == 0 || strcmp(name, "x86_64") == 0 ||
		    strcmp(name, "x32") == 0;
	return strcmp(name, arch_native.name) == 0;
}

int
main(int argc, char **argv)
{
	static const struct {
		const char	*name;
		uint32_t	 token;
	} abis[] = {
		{ "x86", SCMP_ARCH_X86 }, { "x86_64", SCMP_ARCH_X86_64 },
		{ "x32", SCMP_ARCH_X32 }, { "arm", SCMP_ARCH_ARM },
		{ "aarch64", SCMP_ARCH_AARCH64 }, { "riscv64", SCMP_ARCH_RISCV64 },
		{ "ppc64le", SCMP_ARCH_PPC64LE }, { "s390x", SCMP_ARCH_S390X },
		{ "mipsel64", SCMP_ARCH_MIPSEL64 },
	};
	const char *path = argc > 1 ? argv[1] : getenv("SYSTABLE_CSV");
	char line[4096];
	FILE *csv;
	scmp_filter_ctx ctx;
	int rows = 0, col = -1;

	csv = path != NULL ? fopen(path, "r") : NULL;
	CHECK(csv != NULL);
	if (csv == NULL)
		return harness_end("check_systable");
	while (fgets(line, sizeof(line), csv) != NULL) {
		if (line[0] == '#') {
			if (col == -1)
				col = native_column(line);
			continue;
		}
		/* one check a row; none cut short by the buffer */
		CHECK(col > 0 && strchr(line, '\n') != NULL &&
		    row_matches(line, col));
		rows++;
	}
	fclose(csv);
	CHECK(rows > 400);
	printf("check_systable: %d upstream rows, %s column %d\n", rows,
	    arch_native.name, col);

	/* the native ABI's family is there; the rest is refused as any
	 * invalid arch is */
	CHECK(seccomp_arch_native() == arch_native.scmp_arch);
	ctx = seccomp_init(SCMP_ACT_ALLOW);
	CHECK(ctx != NULL);
	for (size_t i = 0; ctx != NULL && i < sizeof(abis) / sizeof(abis[0]);
	    i++) {
		int native = abis[i].token == arch_native.scmp_arch;

		CHECK(seccomp_arch_resolve_name(abis[i].name) ==
		    (kept(abis[i].name) ? abis[i].token : 0));
		if (kept(abis[i].name)) {
			CHECK(native || seccomp_arch_add(ctx, abis[i].token) == 0);
			continue;
		}
		CHECK(seccomp_arch_add(ctx, abis[i].token) == -EINVAL);
		CHECK(seccomp_syscall_resolve_name_arch(abis[i].token, "read") ==
		    __NR_SCMP_ERROR);
	}
	seccomp_release(ctx);
	return harness_end("check_systable");
}
