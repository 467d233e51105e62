# minit: see README.md.
#   make        ./minit: stripped, static-pie, musl, libseccomp + libcap-ng
#   make dev    build/dev/minit: glibc, dynamic, ASan+UBSan, debug info
#   make test   everything, then unit tests, fuzz-ci, integration tests, lint
#   make fuzz   every fuzz target for FUZZ_SECONDS (docs/hardening-tests.md)
#   make demo   minit as PID 1 on a read-only root, for real
#   make install    minit, minit(8) and the licences under DESTDIR/PREFIX
#   make readme     the README options table from docs/options.txt
#
# Prebuilt static libraries instead of building them (Alpine builder):
#   make MUSL=system DEPS=pkg-config
# MUSL=system: $(CC) targets musl already; DEPS=pkg-config: take libseccomp
# and libcap-ng from pkg-config --static.

BUILD	?= build
DEPS	?= $(BUILD)/deps
MUSL	?= debian
PIE	?= 1

# The tree (docs/architecture.md): the stages at the top, side-effect-free
# modules in lib/, what differs per CPU in arch/$(ARCH).c (one file each).
ARCH	?= x86_64
SRCS	:= $(sort $(wildcard *.c)) $(sort $(wildcard lib/*.c)) arch/$(ARCH).c
HDRS	:= $(wildcard *.h lib/*.h arch/*.h)
LIBSRCS	:= $(filter-out main.c,$(SRCS))
# Every header by its name alone ("options.h"), wherever it lives.
INCS	:= -iquote . -iquote lib -iquote arch -iquote $(BUILD)/gen

WARN	:= -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -Wformat=2 -Wshadow \
	   -Wstrict-prototypes -Wmissing-prototypes -Wvla -Wnull-dereference
HARDEN	:= -fstack-protector-strong -fstack-clash-protection -fcf-protection \
	   -fno-strict-overflow -fno-delete-null-pointer-checks
LDHARDEN := -Wl,-z,relro,-z,now,-z,noexecstack
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
RCC	:= gcc -specs $(SPECS)
endif

ifeq ($(DEPS),pkg-config)
DEP_CFLAGS := $(shell pkg-config --cflags libseccomp libcap-ng)
DEP_LIBS   := $(shell pkg-config --static --libs libseccomp libcap-ng)
DEP_STAMP  :=
else
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
RCFLAGS	:= $(WARN) $(HARDEN) $(RPIE) -O2 $(NOUNWIND) $(INCS) $(DEP_CFLAGS) \
	   $(EXTRA_CFLAGS)
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
	   $(BUILD)/rel/arch/$(ARCH).o
ROBJS	:= $(SRCS:%.c=$(BUILD)/rel/%.o) $(BUILD)/rel/gen_seccomp_builtin.o

all: minit minit.8

minit: $(BUILD)/minit.unstripped
	strip -o $@ $<

$(BUILD)/minit.unstripped: $(ROBJS) $(DEP_STAMP) $(SPECS) build-aux/pid1-text.ld
	$(RCC) $(RSTATIC) $(RPIE) $(LDHARDEN) $(LDSIZE) $(LDLAYOUT) -o $@ \
	    $(ROBJS) $(DEP_LIBS)

$(BUILD)/rel/%.o: %.c $(HDRS) $(DEP_STAMP) $(SPECS) | $(BUILD)/rel
	@mkdir -p $(@D)
	$(RCC) $(RCFLAGS) $(if $(filter $<,$(HOT_SRCS)),,-Os) -c -o $@ $<

$(BUILD)/bpfgen: build-aux/bpfgen.c $(GENOBJS) $(HDRS) $(DEP_STAMP) $(SPECS)
	$(RCC) $(RCFLAGS) $(RSTATIC) $(RPIE) -o $@ $< $(GENOBJS) $(DEP_LIBS)

$(GEN): $(BUILD)/bpfgen | $(BUILD)/gen
	$(BUILD)/bpfgen $@

$(BUILD)/rel/gen_%.o: $(BUILD)/gen/%.c $(HDRS) | $(BUILD)/rel
	$(RCC) $(RCFLAGS) -c -o $@ $<

# Debian's musl-gcc specs link dynamically; these two link static-pie or
# static.  rcrt1.o is musl's self-relocating start file for static-pie.
$(BUILD)/musl-static-pie.specs: | $(BUILD)
	sed -e 's#%{!shared: \(/usr/lib/[^ ]*\)/Scrt1.o}#\1/rcrt1.o#' \
	    -e 's#^-dynamic-linker .* -nostdlib .*#-nostdlib -static -pie --no-dynamic-linker -z text#' \
	    /usr/lib/x86_64-linux-musl/musl-gcc.specs > $@
$(BUILD)/musl-static.specs: | $(BUILD)
	sed -e 's#%{!shared: \(/usr/lib/[^ ]*\)/Scrt1.o}#\1/crt1.o#' \
	    -e 's#^-dynamic-linker .* -nostdlib .*#-nostdlib -static#' \
	    /usr/lib/x86_64-linux-musl/musl-gcc.specs > $@

# Our own build folder is rebuilt when its recipe changes; a DEPS=/prefix of
# yours is built only when it has no libcap-ng.a, and never removed.
DEP_RECIPE := $(if $(OWN_DEPS),build-aux/deps.sh build-aux/libseccomp-x86.patch)
$(DEPS)/lib/libcap-ng.a: $(DEP_RECIPE)
	$(if $(OWN_DEPS),rm -f $(DEPS)/lib/libseccomp.a $(DEPS)/lib/libcap-ng.a)
	MUSL_CC=musl-gcc build-aux/deps.sh $(DEPS) $(BUILD)/deps-src

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
DCFLAGS	:= $(WARN) -g -O1 $(SAN) -fno-omit-frame-pointer $(INCS)
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

# check_systable: our x86-only libseccomp (build-aux/deps.sh) against the
# upstream table it was cut from; only for that build, not for DEPS=... ones.
SYSTABLE := $(if $(OWN_DEPS),$(BUILD)/check_systable)
$(BUILD)/check_systable: tests/unit/check_systable.c tests/unit/harness.h \
		$(DEP_STAMP) $(SPECS)
	$(RCC) $(RCFLAGS) $(RSTATIC) $(RPIE) -o $@ $< $(DEP_LIBS)

unit: $(UNIT_BINS) $(BUILD)/check_bpf $(SYSTABLE)
	SYSTABLE_CSV=$(DEPS)/upstream-syscalls.csv \
	    tests/unit/run.sh $(UNIT_BINS) $(BUILD)/check_bpf $(SYSTABLE)

integration: minit helpers
	tests/run-bats.sh

test: test-deps
	$(MAKE) minit dev helpers
	$(MAKE) unit
	$(MAKE) fuzz-ci
	$(MAKE) integration
	$(MAKE) lint

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
	   $(INCS) $(FSAN)
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
LINT_SRCS := $(SRCS)
CPPCHECK_FLAGS := --std=c11 -D_GNU_SOURCE -D__linux__ -D__x86_64__ -I. -Ilib -Iarch -I$(BUILD)/gen \
	--enable=warning,style,performance,portability --inline-suppr \
	--suppressions-list=.cppcheck-suppressions --error-exitcode=1 \
	--quiet --max-configs=1
TIDY_FLAGS := $(filter-out -Werror,$(WARN)) $(INCS) $(DEP_CFLAGS)

lint: lint-format lint-analyzer lint-cppcheck lint-tidy

# The format: clang-format (.clang-format) up to the hand-aligned blanks,
# and 80 columns (build-aux/format-check.sh and columns.sh say why).
FORMAT_SRCS := $(LINT_SRCS) $(HDRS) $(FUZZ_SRCS) $(wildcard build-aux/*.c)
lint-format:
	build-aux/columns.sh $(FORMAT_SRCS)
	build-aux/format-check.sh $(FORMAT_SRCS)

lint-analyzer: $(DEP_STAMP) $(SPECS) $(HELP_H)
	@set -e; for f in $(LINT_SRCS); do \
		echo "gcc -fanalyzer $$f"; \
		$(RCC) $(RCFLAGS) -fanalyzer -c -o /dev/null $$f; \
	done

lint-cppcheck: $(HELP_H)
	cppcheck $(CPPCHECK_FLAGS) $(LINT_SRCS) $(FUZZ_SRCS) $(HELPER_SRCS)

lint-tidy: $(DEP_STAMP) $(HELP_H)
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
	readme install uninstall \
	distclean fuzz fuzz-build fuzz-ci lint lint-analyzer lint-cppcheck \
	lint-tidy lint-format valgrind
.DELETE_ON_ERROR:
