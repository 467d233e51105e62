# minit: see README.md.
#   make        ./minit: stripped, static-pie, musl, libseccomp + libcap-ng
#   make dev    build/dev/minit: glibc, dynamic, ASan+UBSan, debug info
#   make test   everything, then unit tests, fuzz-ci, integration tests, lint
#   make fuzz   every fuzz target for FUZZ_SECONDS (docs/hardening-tests.md)
#   make demo   minit as PID 1 on a read-only root, for real
#   make install    minit, minit(8) and the licences under DESTDIR/PREFIX
#   make readme     the README options table from docs/options.txt
#
#   make ARCH=aarch64   build/aarch64/minit, cross-built (README "Build")
#   make dist   release files in build/dist: both architectures, SHA256SUMS, SBOM
#
# Prebuilt static libraries instead of building them (relinking, THIRD_PARTY.md):
#   make MUSL=system DEPS=pkg-config
# MUSL=system: $(CC) targets musl already; DEPS=pkg-config: take libseccomp
# and libcap-ng from pkg-config --static.

# Every third-party version and checksum (SECCOMP_VER, CAPNG_VER, MUSL_VER...)
include build-aux/pins

# The target: x86_64 (native here) or aarch64 (cross-built from Debian's
# gcc-aarch64-linux-gnu and musl-dev:arm64).  A cross build has its own build
# folder and leaves ./minit alone.
HOST_ARCH := $(shell uname -m)
ARCH	?= $(HOST_ARCH)
ifeq ($(filter $(ARCH),x86_64 aarch64),)
$(error ARCH=$(ARCH): want x86_64 or aarch64)
endif
ifeq ($(ARCH),$(HOST_ARCH))
BUILD	?= build
CROSS	:=
else
BUILD	?= build/$(ARCH)
CROSS	:= $(ARCH)-linux-gnu-
endif
# ./minit is the default build's; any other build folder keeps its own
OUT	:= $(if $(filter build,$(BUILD)),minit,$(BUILD)/minit)
DEPS	?= $(BUILD)/deps
MUSL	?= debian
PIE	?= 1
STRIP	:= $(CROSS)strip

# The tree (docs/architecture.md): the stages at the top, side-effect-free
# modules in lib/, what differs per CPU in arch/$(ARCH).c (one file each;
# arch/unified.c holds what every architecture numbers alike).
SRCS	:= $(sort $(wildcard *.c)) $(sort $(wildcard lib/*.c)) arch/$(ARCH).c \
	   arch/unified.c
HDRS	:= $(wildcard *.h lib/*.h arch/*.h)
LIBSRCS	:= $(filter-out main.c,$(SRCS))
# Every header by its name alone ("options.h"), wherever it lives.
INCS	:= -iquote . -iquote lib -iquote arch -iquote $(BUILD)/gen

WARN	:= -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -Wformat=2 -Wshadow \
	   -Wstrict-prototypes -Wmissing-prototypes -Wvla -Wnull-dereference
# Control-flow protection, per architecture: x86_64 CET markings; aarch64
# pointer authentication of return addresses (PAC).  Not BTI: the kernel
# enforces it only for a binary whose every object is marked, and Debian's
# musl libc.a is not, so its landing pads were 2.3 KiB of dead weight
# (README "Build", docs/arm64.md).
ARCH_HARDEN_x86_64  := -fcf-protection
ARCH_HARDEN_aarch64 := -mbranch-protection=pac-ret
# aarch64 GCC keeps a frame pointer by default; without it (as x86_64 at -O2)
# the binary stays under the size budget (README "Size")
ARCH_SIZE_aarch64 := -fomit-frame-pointer
HARDEN	:= -fstack-protector-strong -fstack-clash-protection $(ARCH_HARDEN_$(ARCH)) \
	   -fno-strict-overflow -fno-delete-null-pointer-checks
# aarch64 links without a GNU_RELRO segment: binutils aligns its end to the
# 64 KiB max page size, which padded the file by 23 KiB (over the size
# budget), and nothing would apply it: musl's static-pie start code
# (rcrt1.c) relocates and never calls mprotect, and the kernel ignores the
# segment (README "Hardening", docs/arm64.md).
RELRO_x86_64  := relro
RELRO_aarch64 := norelro
LDHARDEN := -Wl,-z,$(RELRO_$(ARCH)),-z,now,-z,noexecstack
# Keep only the sections something refers to: build-aux/deps.sh builds the
# libraries with a section per function, so the parts of their APIs minit never
# calls stay out of the binary (README "Size").
LDSIZE	:= -Wl,--gc-sections
# PID 1's loop code side by side (build-aux/pid1-text.ld, memtrim.c).
LDLAYOUT := -Wl,-T,build-aux/pid1-text.ld

# --- release: static musl ---------------------------------------------------
ifeq ($(MUSL),system)
RCC	:= $(CC)
ifeq ($(PIE),1)
RPIE	:= -fPIE
RSTATIC	:= -static-pie
else
RPIE	:= -fno-pie
RSTATIC	:= -static -no-pie
endif
SPECS	:=
else
ifeq ($(PIE),1)
SPECS	:= $(BUILD)/musl-static-pie.specs
RPIE	:= -fPIE
RSTATIC	:=
else
SPECS	:= $(BUILD)/musl-static.specs
RPIE	:= -fno-pie
RSTATIC	:= -no-pie		# Debian's gcc links PIE by default
endif
RCC	:= $(CROSS)gcc -specs $(SPECS)
endif
MUSL_SPECS := /usr/lib/$(ARCH)-linux-musl/musl-gcc.specs

ifeq ($(DEPS),pkg-config)
DEP_CFLAGS := $(shell pkg-config --cflags libseccomp libcap-ng)
DEP_LIBS   := $(shell pkg-config --static --libs libseccomp libcap-ng)
DEP_STAMP  :=
CAPNG_LINKED := $(shell pkg-config --modversion libcap-ng)
else
CAPNG_LINKED := $(CAPNG_VER)
DEP_CFLAGS := -isystem $(DEPS)/include -isystem $(DEPS)/kernel-include
DEP_LIBS   := $(DEPS)/lib/libseccomp.a $(DEPS)/lib/libcap-ng.a
DEP_STAMP  := $(DEPS)/lib/libcap-ng.a
endif
# Non-empty when the libraries are ours: build-aux/deps.sh into build/deps,
# libseccomp for the x86 family only.
OWN_DEPS := $(filter $(BUILD)/deps,$(DEPS))

# No unwind tables: C without exceptions or backtraces never reads them,
# and they were 16 KiB of the binary (BENCHMARKS.md, size).
NOUNWIND := -fno-asynchronous-unwind-tables -fno-unwind-tables
# What `minit -V` says (version.c): the versions linked, and the git
# revision in $(BUILD)/gen/buildinfo.h.
RVERSIONS := -DMINIT_MUSL_VERSION='"$(MUSL_VER)"' \
	-DMINIT_CAPNG_VERSION='"$(CAPNG_LINKED)"' -iquote $(BUILD)/gen
RCFLAGS	:= $(WARN) $(HARDEN) $(RPIE) -O2 $(NOUNWIND) $(ARCH_SIZE_$(ARCH)) \
	   $(INCS) $(DEP_CFLAGS) $(RVERSIONS) $(EXTRA_CFLAGS)
# minit's own code is built for size, as the libraries are (README "Size"):
# with --seccomp-record in, the files of PID 1's loop and the fork-to-exec
# path at -O2 put the binary over 256 KiB, and -Os cost no measurable
# start-up time.  A file listed in HOT_SRCS would keep -O2 (none does).
HOT_SRCS :=
# The builtin seccomp profiles as BPF, made at build time by libseccomp
# (build-aux/bpfgen.c, a static program of the same toolchain and
# libraries); minit loads them with seccomp(2) (docs/seccomp.md).
GEN	:= $(BUILD)/gen/seccomp_builtin.c
GENOBJS	:= $(BUILD)/rel/lib/seccomp_build.o $(BUILD)/rel/lib/profile.o \
	   $(BUILD)/rel/lib/profile_groups.o $(BUILD)/rel/lib/profile_guards.o \
	   $(BUILD)/rel/log.o \
	   $(BUILD)/rel/arch/$(ARCH).o $(BUILD)/rel/arch/unified.o
ROBJS	:= $(SRCS:%.c=$(BUILD)/rel/%.o) $(BUILD)/rel/gen_seccomp_builtin.o

all: $(OUT) $(if $(filter minit,$(OUT)),minit.8)

$(OUT): $(BUILD)/minit.unstripped
	$(STRIP) -o $@ $<
ifneq ($(OUT),minit)
minit: $(OUT)
.PHONY: minit
endif

$(BUILD)/minit.unstripped: $(ROBJS) $(DEP_STAMP) $(SPECS) build-aux/pid1-text.ld
	$(RCC) $(RSTATIC) $(RPIE) $(LDHARDEN) $(LDSIZE) $(LDLAYOUT) -o $@ \
	    $(ROBJS) $(DEP_LIBS)

# The git revision for -V: rewritten only when it changes, so a commit
# rebuilds version.o and nothing else.  MINIT_REVISION=... overrides it (the
# Dockerfile's build context has no .git).
MINIT_REVISION ?= $(shell git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)$(shell \
	git status --porcelain --untracked-files=no 2>/dev/null | grep -q . && echo -dirty)
BUILDINFO := $(BUILD)/gen/buildinfo.h
$(BUILDINFO): FORCE | $(BUILD)/gen
	@printf '#define MINIT_REVISION "%s"\n' '$(MINIT_REVISION)' > $@.tmp
	@cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@
FORCE:
$(BUILD)/rel/lib/version.o $(BUILD)/dev/lib/version.o $(BUILD)/fuzz/obj/lib/version.o: $(BUILDINFO)

$(BUILD)/rel/%.o: %.c $(HDRS) $(DEP_STAMP) $(SPECS) | $(BUILD)/rel
	@mkdir -p $(@D)
	$(RCC) $(RCFLAGS) $(if $(filter $<,$(HOT_SRCS)),,-Os) -c -o $@ $<

ifeq ($(CROSS),)
$(BUILD)/bpfgen: build-aux/bpfgen.c $(GENOBJS) $(HDRS) $(DEP_STAMP) $(SPECS)
	$(RCC) $(RCFLAGS) $(RSTATIC) $(RPIE) -o $@ $< $(GENOBJS) $(DEP_LIBS)
else
# A cross build runs the generator here, on the build machine: the same
# sources with the target's arch/$(ARCH).c, built with the build machine's musl
# (so the profile constants, O_ACCMODE and the like, are musl's, as on the
# target) against a libseccomp whose native ABI is the target's
# (deps.sh --host).  tests/vm/smoke.sh runs check_bpf on the target, which
# rebuilds every builtin there with the target's libseccomp and compares.
HOSTDEPS := $(BUILD)/host-deps
HOSTCFLAGS := $(WARN) -O2 $(INCS) -isystem $(HOSTDEPS)/include \
	-isystem $(HOSTDEPS)/kernel-include $(EXTRA_CFLAGS)
HGENOBJS := $(GENOBJS:$(BUILD)/rel/%=$(BUILD)/host/%)
$(HOSTDEPS)/lib/libseccomp.a: build-aux/deps.sh build-aux/pins
	ARCH=$(ARCH) build-aux/deps.sh --host $(HOSTDEPS) $(BUILD)/host-deps-src
$(BUILD)/host/%.o: %.c $(HDRS) $(HOSTDEPS)/lib/libseccomp.a
	@mkdir -p $(@D)
	musl-gcc $(HOSTCFLAGS) -c -o $@ $<
$(BUILD)/bpfgen: build-aux/bpfgen.c $(HGENOBJS) $(HDRS)
	musl-gcc $(HOSTCFLAGS) -static -o $@ $< $(HGENOBJS) $(HOSTDEPS)/lib/libseccomp.a
endif

$(GEN): $(BUILD)/bpfgen | $(BUILD)/gen
	$(BUILD)/bpfgen $@

$(BUILD)/rel/gen_%.o: $(BUILD)/gen/%.c $(HDRS) | $(BUILD)/rel
	$(RCC) $(RCFLAGS) -c -o $@ $<

# Debian's musl-gcc specs link dynamically; these two link static-pie or
# static.  rcrt1.o is musl's self-relocating start file for static-pie.
$(BUILD)/musl-static-pie.specs: | $(BUILD)
	sed -e 's#%{!shared: \(/usr/lib/[^ ]*\)/Scrt1.o}#\1/rcrt1.o#' \
	    -e 's#^-dynamic-linker .* -nostdlib .*#-nostdlib -static -pie --no-dynamic-linker -z text#' \
	    $(MUSL_SPECS) > $@
$(BUILD)/musl-static.specs: | $(BUILD)
	sed -e 's#%{!shared: \(/usr/lib/[^ ]*\)/Scrt1.o}#\1/crt1.o#' \
	    -e 's#^-dynamic-linker .* -nostdlib .*#-nostdlib -static#' \
	    $(MUSL_SPECS) > $@

# Our own build folder is rebuilt when its recipe changes; a DEPS=/prefix of
# yours is built only when it has no libcap-ng.a, and never removed.
DEP_RECIPE := $(if $(OWN_DEPS),build-aux/deps.sh build-aux/pins \
	build-aux/libseccomp-x86.patch build-aux/libseccomp-aarch64.patch \
	build-aux/libcap-ng-noscanf.patch)
MUSL_CC_x86_64  := musl-gcc
MUSL_CC_aarch64 := aarch64-linux-musl-gcc
$(DEPS)/lib/libcap-ng.a: $(DEP_RECIPE)
	$(if $(OWN_DEPS),rm -f $(DEPS)/lib/libseccomp.a $(DEPS)/lib/libcap-ng.a)
	ARCH=$(ARCH) MUSL_CC=$(MUSL_CC_$(ARCH)) build-aux/deps.sh $(DEPS) $(BUILD)/deps-src

deps: $(DEP_STAMP)

$(BUILD) $(BUILD)/rel $(BUILD)/dev $(BUILD)/t $(BUILD)/gen:
	mkdir -p $@

# --- the options: --help, minit(8), README table from one source --------------
# docs/options.txt lists every option; build-aux/options.awk (POSIX awk)
# writes the --help text compiled into lib/options.c, the man page and the
# README table (make readme).  tests/options.bats checks they agree.
OPTDOC	:= docs/options.txt build-aux/options.awk
HELP_H	:= $(BUILD)/gen/options_help.h
OPTIONS_OBJS := $(BUILD)/rel/lib/options.o $(BUILD)/dev/lib/options.o \
	   $(BUILD)/fuzz/obj/lib/options.o

$(HELP_H): $(OPTDOC) | $(BUILD)/gen
	awk -v out=help -f build-aux/options.awk docs/options.txt > $@
$(OPTIONS_OBJS): $(HELP_H)

minit.8: $(OPTDOC)
	awk -v out=man -f build-aux/options.awk docs/options.txt > $@

readme: $(OPTDOC) | $(BUILD)
	awk -v out=readme -f build-aux/options.awk docs/options.txt > $(BUILD)/options.md
	awk -v f=$(BUILD)/options.md ' \
	    /^<!-- generated from docs\/options.txt/ { while ((getline l < f) > 0) print l; skip = 1; next } \
	    skip { if (/^<!-- end of generated options -->/) skip = 0; next } { print }' \
	    README.md > $(BUILD)/README.md
	mv $(BUILD)/README.md README.md

# --- install ------------------------------------------------------------------
PREFIX	?= /usr/local
SBINDIR	?= $(PREFIX)/sbin
MANDIR	?= $(PREFIX)/share/man
DOCDIR	?= $(PREFIX)/share/doc/minit
LICENCES := LICENSE THIRD_PARTY.md $(wildcard LICENSES/*)

install: minit minit.8
	install -d $(DESTDIR)$(SBINDIR) $(DESTDIR)$(MANDIR)/man8 \
	    $(DESTDIR)$(DOCDIR)/LICENSES
	install -m 0755 minit $(DESTDIR)$(SBINDIR)/minit
	install -m 0644 minit.8 $(DESTDIR)$(MANDIR)/man8/minit.8
	install -m 0644 LICENSE THIRD_PARTY.md $(DESTDIR)$(DOCDIR)/
	install -m 0644 $(wildcard LICENSES/*) $(DESTDIR)$(DOCDIR)/LICENSES/

# Only what install put there: the folders go only when left empty.
uninstall:
	rm -f $(DESTDIR)$(SBINDIR)/minit $(DESTDIR)$(MANDIR)/man8/minit.8 \
	    $(addprefix $(DESTDIR)$(DOCDIR)/,$(LICENCES))
	-rmdir $(DESTDIR)$(DOCDIR)/LICENSES $(DESTDIR)$(DOCDIR) 2>/dev/null

# --- dev: glibc, sanitizers -------------------------------------------------
DCC	:= gcc
SAN	:= -fsanitize=address,undefined -fno-sanitize-recover=all
DCFLAGS	:= $(WARN) -g -O1 $(SAN) -fno-omit-frame-pointer $(INCS) -iquote $(BUILD)/gen \
	   -DMINIT_CAPNG_VERSION='"$(shell pkg-config --modversion libcap-ng)"'
DLIBS	:= -lseccomp -lcap-ng
DOBJS	:= $(SRCS:%.c=$(BUILD)/dev/%.o) $(BUILD)/dev/gen_seccomp_builtin.o
DLIBOBJS := $(LIBSRCS:%.c=$(BUILD)/dev/%.o) $(BUILD)/dev/gen_seccomp_builtin.o

dev: $(BUILD)/dev/minit

$(BUILD)/dev/minit: $(DOBJS)
	$(DCC) $(SAN) -o $@ $^ $(DLIBS)

$(BUILD)/dev/%.o: %.c $(HDRS) | $(BUILD)/dev
	@mkdir -p $(@D)
	$(DCC) $(DCFLAGS) -c -o $@ $<

$(BUILD)/dev/gen_%.o: $(BUILD)/gen/%.c $(HDRS) | $(BUILD)/dev
	$(DCC) $(DCFLAGS) -c -o $@ $<

# --- tests ------------------------------------------------------------------
UNIT_SRCS := $(wildcard tests/unit/test_*.c)
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/dev/%)
HELPER_SRCS := $(wildcard tests/helpers/*.c)
HELPER_BINS := $(HELPER_SRCS:tests/helpers/%.c=$(BUILD)/t/%)

$(BUILD)/dev/test_%: tests/unit/test_%.c tests/unit/harness.h $(DLIBOBJS)
	$(DCC) $(DCFLAGS) -o $@ $< $(DLIBOBJS) $(DLIBS)

# Test helpers are static musl programs so they run in a FROM-scratch root.
$(BUILD)/t/%: tests/helpers/%.c $(wildcard tests/helpers/*.h) $(SPECS) $(DEP_STAMP) | $(BUILD)/t
	$(RCC) $(WARN) -O2 $(RPIE) $(RSTATIC) $(DEP_CFLAGS) -o $@ $< -lpthread

helpers: $(HELPER_BINS)

test-deps:
	build-aux/install-deps.sh test

# check_bpf: the precompiled filters against libseccomp at run time, built
# like minit (release toolchain, the same libseccomp).
$(BUILD)/check_bpf: tests/unit/check_bpf.c tests/unit/harness.h $(GENOBJS) \
		$(BUILD)/rel/gen_seccomp_builtin.o
	$(RCC) $(RCFLAGS) $(RSTATIC) $(RPIE) -o $@ $< $(GENOBJS) \
	    $(BUILD)/rel/gen_seccomp_builtin.o $(DEP_LIBS)

# check_systable: our cut libseccomp (build-aux/deps.sh) against the
# upstream table it was cut from; only for that build, not for DEPS=... ones.
SYSTABLE := $(if $(OWN_DEPS),$(BUILD)/check_systable)
ARCHOBJS := $(BUILD)/rel/arch/$(ARCH).o $(BUILD)/rel/arch/unified.o
$(BUILD)/check_systable: tests/unit/check_systable.c tests/unit/harness.h \
		$(DEP_STAMP) $(SPECS) $(ARCHOBJS)
	$(RCC) $(RCFLAGS) $(RSTATIC) $(RPIE) -o $@ $< $(ARCHOBJS) $(DEP_LIBS)

unit: $(UNIT_BINS) $(BUILD)/check_bpf $(SYSTABLE)
	SYSTABLE_CSV=$(DEPS)/upstream-syscalls.csv \
	    tests/unit/run.sh $(UNIT_BINS) $(BUILD)/check_bpf $(SYSTABLE)

integration: minit helpers
	tests/run-bats.sh

# The aarch64 build the tests need: tests/arm64.bats checks the binary and
# boots it in an arm64 VM (tests/vm/run.sh) with these helpers and check_bpf.
cross-test-build:
	$(MAKE) ARCH=aarch64 BUILD=build/aarch64 minit helpers build/aarch64/check_bpf \
	    build/aarch64/check_systable

test: test-deps
	$(MAKE) minit dev helpers
	$(MAKE) cross-test-build
	$(MAKE) unit
	$(MAKE) fuzz-ci
	$(MAKE) integration
	$(MAKE) lint

# --- release files (README "Releases") --------------------------------------
# make dist: both architectures built from scratch in $(DIST), each binary
# as minit-VERSION-linux-{amd64,arm64}, the SBOM (CycloneDX JSON, from
# build-aux/pins) and SHA256SUMS over them.  Reproducible: the build folder is
# mapped away (-ffile-prefix-map) and SOURCE_DATE_EPOCH, the last commit's
# time, is the SBOM's timestamp; tests/release.bats builds twice and compares.
VERSION	:= $(shell sed -n 's/^\#define MINIT_VERSION "\(.*\)"/\1/p' minit.h)
DIST	?= build/dist
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
export SOURCE_DATE_EPOCH
DIST_FILES := $(DIST)/minit-$(VERSION)-linux-amd64 $(DIST)/minit-$(VERSION)-linux-arm64
# make release ARCH=...: one architecture's release binary, $(DIST)/ARCH/minit,
# built as make dist builds it; docker/builder.sh runs this very target.
release:
	$(MAKE) ARCH=$(ARCH) BUILD=$(DIST)/$(ARCH) EXTRA_CFLAGS=-ffile-prefix-map=$(CURDIR)=. all

dist:
	rm -rf $(DIST)
	$(MAKE) release ARCH=x86_64
	$(MAKE) release ARCH=aarch64
	cp $(DIST)/x86_64/minit $(DIST)/minit-$(VERSION)-linux-amd64
	cp $(DIST)/aarch64/minit $(DIST)/minit-$(VERSION)-linux-arm64
	build-aux/sbom.py build-aux/pins $(VERSION) '$(MINIT_REVISION)' \
	    $(DIST_FILES) > $(DIST)/minit-$(VERSION).cdx.json
	cd $(DIST) && sha256sum $(notdir $(DIST_FILES)) minit-$(VERSION).cdx.json > SHA256SUMS
	@cat $(DIST)/SHA256SUMS

# make image: the minit image (docker/Dockerfile) for linux/amd64 and
# linux/arm64, as $(IMAGE):$(VERSION)-amd64/-arm64 and the manifest list
# $(IMAGE):$(VERSION), with podman (or IMAGE_TOOL=docker).  The builder base
# is Debian 12 made here from this machine's apt sources
# (build-aux/builder-base.sh); docs/docker.md.
IMAGE	?= minit
BUILDER_BASE ?= localhost/minit-builder
IMAGE_TOOL ?= podman
MINIT_SOURCE ?= $(or $(shell git remote get-url origin 2>/dev/null),unknown)
DOCKER_ARCH_x86_64 := amd64
DOCKER_ARCH_aarch64 := arm64
IMAGE_ARGS = --build-arg BUILDER_IMAGE=$(BUILDER_BASE) --build-arg MINIT_SOURCE='$(MINIT_SOURCE)' \
	--build-arg BUILDPLATFORM=linux/$(DOCKER_ARCH_$(HOST_ARCH)) --pull=never \
	--build-arg MINIT_VERSION=$(VERSION) --build-arg MINIT_REVISION='$(MINIT_REVISION)' \
	--build-arg SOURCE_DATE_EPOCH=$(SOURCE_DATE_EPOCH) -f docker/Dockerfile
image:
	IMAGE_TOOL=$(IMAGE_TOOL) build-aux/builder-base.sh $(BUILDER_BASE)
	$(IMAGE_TOOL) build --platform linux/amd64 $(IMAGE_ARGS) -t $(IMAGE):$(VERSION)-amd64 .
	$(IMAGE_TOOL) build --platform linux/arm64 $(IMAGE_ARGS) -t $(IMAGE):$(VERSION)-arm64 .
	-$(IMAGE_TOOL) manifest rm $(IMAGE):$(VERSION) >/dev/null 2>&1
	$(IMAGE_TOOL) manifest create $(IMAGE):$(VERSION) \
	    containers-storage:$(IMAGE):$(VERSION)-amd64 \
	    containers-storage:$(IMAGE):$(VERSION)-arm64

demo:
	build-aux/install-deps.sh demo
	$(MAKE) minit helpers
	tests/demo.sh

# Not part of test: minit against tini, dumb-init and catatonit (BENCHMARKS.md).
bench:
	build-aux/install-deps.sh bench
	$(MAKE) minit
	BENCH_DIR=$(BUILD)/bench DEPS=$(DEPS) MUSL=$(MUSL) bench/run.sh

# --- hostile input: fuzzing, static analysis, valgrind (docs/hardening-tests.md)
# Every fuzz/fuzz_NAME.c is a libFuzzer target linked with every .c of minit
# but main.c; its seeds are fuzz/corpus/NAME/.  make fuzz: FUZZ_SECONDS each,
# new inputs go to fuzz/corpus-out/NAME (not committed).  make fuzz-ci: a
# fixed number of runs from the seeds with a fixed seed, so CI is repeatable.
FUZZ_SRCS := $(sort $(wildcard fuzz/fuzz_*.c))
FUZZ_NAMES := $(FUZZ_SRCS:fuzz/fuzz_%.c=%)
FUZZ_BINS := $(FUZZ_NAMES:%=$(BUILD)/fuzz/fuzz_%)
FCC	:= clang
FSAN	:= -fsanitize=address,undefined -fno-sanitize-recover=all
# -Werror is left to gcc and to lint-tidy (which compiles with the same
# WARN under clang): a clang-only warning shows here but does not stop fuzzing.
FCFLAGS	:= $(filter-out -Werror,$(WARN)) -g -O1 -fno-omit-frame-pointer \
	   $(INCS) $(FSAN) -iquote $(BUILD)/gen
FLIBOBJS := $(LIBSRCS:%.c=$(BUILD)/fuzz/obj/%.o)
FUZZ_SECONDS ?= 60
FUZZ_RUNS ?= 20000
FUZZ_SEED ?= 1
FUZZ_FLAGS ?= -close_fd_mask=3 -max_len=4096 -timeout=10 -rss_limit_mb=1024

$(BUILD)/fuzz/obj/%.o: %.c $(HDRS) | $(BUILD)/fuzz/obj
	@mkdir -p $(@D)
	$(FCC) $(FCFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

$(BUILD)/fuzz/fuzz_%: fuzz/fuzz_%.c $(HDRS) $(FLIBOBJS) | $(BUILD)/fuzz/obj
	$(FCC) $(FCFLAGS) -fsanitize=fuzzer -o $@ $< $(FLIBOBJS) $(DLIBS)

$(BUILD)/fuzz/obj:
	mkdir -p $@

fuzz-build: $(FUZZ_BINS)

# One line per target: "fuzz NAME: N runs" (from libFuzzer's final stats).
fuzz: $(FUZZ_BINS)
	@set -e; for n in $(FUZZ_NAMES); do \
		mkdir -p fuzz/corpus-out/$$n fuzz/corpus/$$n $(BUILD)/fuzz/crash; \
		echo "fuzz $$n: $(FUZZ_SECONDS) s"; \
		$(BUILD)/fuzz/fuzz_$$n $(FUZZ_FLAGS) -print_final_stats=1 \
		    -max_total_time=$(FUZZ_SECONDS) \
		    -artifact_prefix=$(BUILD)/fuzz/crash/$$n- \
		    fuzz/corpus-out/$$n fuzz/corpus/$$n \
		    2> $(BUILD)/fuzz/$$n.log || { tail -50 $(BUILD)/fuzz/$$n.log; exit 1; }; \
		sed -n 's/^stat::number_of_executed_units: */  executions: /p' $(BUILD)/fuzz/$$n.log; \
	done

fuzz-ci: $(FUZZ_BINS)
	@set -e; for n in $(FUZZ_NAMES); do \
		rm -rf $(BUILD)/fuzz/ci/$$n; mkdir -p $(BUILD)/fuzz/ci/$$n fuzz/corpus/$$n $(BUILD)/fuzz/crash; \
		$(BUILD)/fuzz/fuzz_$$n $(FUZZ_FLAGS) -print_final_stats=1 \
		    -runs=$(FUZZ_RUNS) -seed=$(FUZZ_SEED) \
		    -artifact_prefix=$(BUILD)/fuzz/crash/$$n- \
		    $(BUILD)/fuzz/ci/$$n fuzz/corpus/$$n \
		    2> $(BUILD)/fuzz/$$n.log || { tail -50 $(BUILD)/fuzz/$$n.log; exit 1; }; \
		printf 'fuzz-ci %s: %s runs, ok\n' $$n \
		    "$$(sed -n 's/^stat::number_of_executed_units: *//p' $(BUILD)/fuzz/$$n.log)"; \
	done

# make lint: gcc -fanalyzer with the release compiler and flags, cppcheck,
# clang-tidy (.clang-tidy) and the format (lint-format); any finding fails.  Suppressions, each with its
# reason: .cppcheck-suppressions, and NOLINT comments in the code.
# every architecture file, not only the one built: they compile anywhere
LINT_SRCS := $(SRCS) $(filter-out $(SRCS),$(wildcard arch/*.c))
CPPCHECK_FLAGS := --std=c11 -D_GNU_SOURCE -D__linux__ -D__x86_64__ -I. -Ilib -Iarch -I$(BUILD)/gen \
	--enable=warning,style,performance,portability --inline-suppr \
	--suppressions-list=.cppcheck-suppressions --error-exitcode=1 \
	--quiet --max-configs=1
TIDY_FLAGS := $(filter-out -Werror,$(WARN)) $(INCS) $(DEP_CFLAGS) -iquote $(BUILD)/gen

lint: lint-format lint-analyzer lint-cppcheck lint-tidy

# The format: clang-format (.clang-format) up to the hand-aligned blanks,
# and 80 columns (build-aux/format-check.sh and columns.sh say why).
FORMAT_SRCS := $(LINT_SRCS) $(HDRS) $(FUZZ_SRCS) $(wildcard build-aux/*.c)
lint-format:
	build-aux/columns.sh $(FORMAT_SRCS)
	build-aux/format-check.sh $(FORMAT_SRCS)

lint-analyzer: $(DEP_STAMP) $(SPECS) $(BUILDINFO) $(HELP_H)
	@set -e; for f in $(LINT_SRCS); do \
		echo "gcc -fanalyzer $$f"; \
		$(RCC) $(RCFLAGS) -fanalyzer -c -o /dev/null $$f; \
	done

lint-cppcheck: $(HELP_H)
	cppcheck $(CPPCHECK_FLAGS) $(LINT_SRCS) $(FUZZ_SRCS) $(HELPER_SRCS)

lint-tidy: $(DEP_STAMP) $(BUILDINFO) $(HELP_H)
	clang-tidy --quiet $(LINT_SRCS) $(FUZZ_SRCS) -- $(TIDY_FLAGS)

# make valgrind: memcheck on the release binary's integration runs as PID 1
# (tests/valgrind.bats): the static-pie musl build, before strip, so reports
# name functions.  Any memcheck error fails the run.
valgrind: minit helpers
	VALGRIND_MINIT=$(abspath $(BUILD)/minit.unstripped) bats tests/valgrind.bats

clean:
	rm -rf $(BUILD)/rel $(BUILD)/dev $(BUILD)/t $(BUILD)/*.specs \
	       $(BUILD)/gen $(BUILD)/bpfgen $(BUILD)/check_bpf $(BUILD)/check_systable \
	       $(BUILD)/minit.unstripped minit minit.8 $(BUILD)/fuzz

distclean:
	rm -rf $(BUILD) minit minit.8

.PHONY: all deps dev helpers test-deps unit integration test demo bench clean \
	cross-test-build dist release image readme install uninstall \
	distclean fuzz fuzz-build fuzz-ci lint lint-analyzer lint-cppcheck \
	lint-tidy lint-format valgrind FORCE
.DELETE_ON_ERROR:
