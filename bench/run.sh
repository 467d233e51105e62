#!/bin/bash
# bench/run.sh: minit side by side with tini, dumb-init and catatonit, the
# seven items of BENCHMARKS.md, in one run, printed as one markdown table
# (and item 7 here: the cost of --landlock, docs/landlock.md).
# `make bench` calls it after installing the peers and building ./minit.
#
# Every figure that matters is a ratio against a peer (or a limit) measured in
# the same run, interleaved (A B C, B C A, ...), as medians: the machines this
# runs on are shared and noisy.  Each init runs as PID 1 of a fresh PID
# namespace, chrooted into a small read-only root (a read-only bind mount of
# build/bench/root), peers and minit alike, so the hardened minit finds the
# read-only root it insists on and nobody gets a different environment.
#
# Environment: MINIT (default ./minit), BENCH_DIR (default build/bench),
# BENCH_QUICK=1 (few rounds: to try the script, not for numbers).
set -euo pipefail

TOP=$(cd "$(dirname "$0")/.." && pwd)
B=$(realpath -m "${BENCH_DIR:-$TOP/build/bench}")
MINIT=${MINIT:-$TOP/minit}
R=$B/root

if [ "${BENCH_QUICK:-0}" = 1 ]; then
	START_ROUNDS=30 MEM_ROUNDS=2 REAP_ROUNDS=1 SIG_N=40 SIG_SESSIONS=1 SYS_ROUNDS=1 LOAD_ROUNDS=2
	CTR_ROUNDS=2
else
	START_ROUNDS=400 MEM_ROUNDS=5 REAP_ROUNDS=11 SIG_N=400 SIG_SESSIONS=5 SYS_ROUNDS=5 LOAD_ROUNDS=11
	CTR_ROUNDS=15
fi
ORPHANS=10000
CPU=$(($(nproc) - 1))

say() { printf 'bench: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

[ "$(id -u)" = 0 ] || die "needs root (PID namespaces, mounts, podman)"
[ -x "$MINIT" ] || die "$MINIT not built: run make first"
for t in musl-gcc unshare chroot tini-static dumb-init catatonit; do
	command -v "$t" >/dev/null || die "$t missing: build-aux/install-deps.sh bench"
done

# --- build: peers, helpers, the read-only root ------------------------------
"$TOP/bench/peers.sh" "$B"
WARN="-std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -Wformat=2 -Wshadow
	-Wstrict-prototypes -Wmissing-prototypes -Wvla -Wnull-dereference"
for p in spawn app floor; do
	if [ ! -x "$B/$p" ] || [ "$TOP/bench/$p.c" -nt "$B/$p" ]; then
		# shellcheck disable=SC2086
		musl-gcc -static -O2 $WARN -isystem "$B/kinc" -s -o "$B/$p" "$TOP/bench/$p.c"
	fi
done

# A non-PIE build of the same minit: how much of minit's start-up and
# memory is the self-relocation of static-pie (informational rows).  Debian's
# gcc links PIE by default, which the Makefile's PIE=0 does not undo yet, so
# say -no-pie (and -fno-pie) here.
nopie=
if make -C "$TOP" -s BUILD="$B/nopie" PIE=0 DEPS="${DEPS:-build/deps}" \
	MUSL="${MUSL:-debian}" EXTRA_CFLAGS=-fno-pie \
	LDHARDEN="-no-pie -Wl,-z,relro,-z,now,-z,noexecstack" \
	"$B/nopie/minit.unstripped" >&2 &&
	file "$B/nopie/minit.unstripped" | grep -q 'statically linked'; then
	strip -o "$B/minit-nopie" "$B/nopie/minit.unstripped"
	nopie=1
else
	say "the non-PIE minit did not build; its rows are left out"
fi

rm -rf "$R"
mkdir -p "$R"/{bin,etc,peers,proc,dev,tmp}
cp "$MINIT" "$R/minit"
[ -z "$nopie" ] || cp "$B/minit-nopie" "$R/minit-nopie"
cp "$B/app" "$B/floor" "$B/spawn" "$R/"
cp "$B"/peers/*-musl "$R/peers/"
cp /usr/bin/tini "$R/peers/tini-deb"
cp /usr/bin/tini-static "$R/peers/tini-static-deb"
cp /usr/bin/dumb-init "$R/peers/dumb-init-deb"
cp /usr/bin/catatonit "$R/peers/catatonit-deb"
cp /bin/true "$R/bin/true"
cp "$(command -v unshare)" "$R/bin/unshare"
# The shared libraries of the dynamic ones (Debian's tini and dumb-init,
# coreutils' true, util-linux's unshare), at their usual paths.
for f in /usr/bin/tini /usr/bin/dumb-init /bin/true "$(command -v unshare)"; do
	ldd "$f" | grep -o '/[^ ]*' | while read -r lib; do
		cp --parents -L "$lib" "$R/"
	done
done
printf 'root:x:0:0::/:/bin/true\nnobody:x:65534:65534::/:/bin/true\n' > "$R/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' > "$R/etc/group"
chmod -R go-w "$R"
chmod 1777 "$R/tmp"

# inroot CMD...: CMD in a private mount namespace, chrooted into a read-only
# bind mount of $R with its own /proc (of this PID namespace: spawn reads the
# inits' /proc/PID/status through it), /dev/null and a /tmp.  INROOT_WRAP:
# a command (outside the chroot) to run chroot under.
# Everything runs on one CPU: whether PID 1, PROGRAM and spawn share a CPU
# changes a signal delivery or a reaping run by ~2x, and the scheduler keeps
# each init where it first ran, which would favour some subjects for a whole
# run.  On one CPU each figure is the sum of the work, the same for all.
inroot() {
	taskset -c "$CPU" unshare --mount --propagation private -- sh -euc '
		R=$1; shift
		mount --bind "$R" "$R"
		mount -o remount,bind,ro,nodev "$R"
		mount -t proc -o nosuid,nodev,noexec proc "$R/proc"
		mount -t tmpfs -o nosuid,noexec,size=64k,mode=755 tmpfs "$R/dev"
		: > "$R/dev/null"
		mount --bind /dev/null "$R/dev/null"
		mount -t tmpfs -o nosuid,nodev,noexec,size=1m,mode=1777 tmpfs "$R/tmp"
		cd "$R"
		exec ${INROOT_WRAP:-} chroot . "$@"
	' sh "$R" "$@"
}

# inroot_strace OUT CMD...: as inroot, CMD as PID 1 of a new PID namespace
# under strace -f -c (strace runs outside the chroot; OUT is its -c table).
inroot_strace() {
	local out=$1
	shift
	INROOT_WRAP="strace -f -qq -c -o $out unshare --pid --fork" inroot "$@" >/dev/null 2>&1
}

# The subjects: NAME PATH ARGS..., separated by "::" for spawn.
PLAIN="/minit --allow-root --allow-writable-root --seccomp off --"
HARD="/minit --user 65534 --"
PEERS=(tini-deb tini-static-deb dumb-init-deb catatonit-deb
	tini-musl dumb-init-musl catatonit-musl)
STATIC_PEERS=(tini-static-deb catatonit-deb tini-musl dumb-init-musl catatonit-musl)
subjects() {		# subjects APP-ARGS...: every init, then minit a and b
	local p
	for p in "${PEERS[@]}"; do
		printf '%s /peers/%s -- %s :: ' "$p" "$p" "$*"
	done
	printf 'minit-plain %s %s :: minit-hardened %s %s' "$PLAIN" "$*" "$HARD" "$*"
}
nopie_subject() {	# nopie_subject APP-ARGS...: minit-plain, non-PIE
	[ -z "$nopie" ] || printf ':: minit-plain-nopie /minit-nopie %s %s' "${PLAIN#/minit }" "$*"
}

T=$B/results
rm -rf "$T"
mkdir -p "$T"
t_start=$(date +%s)

say "item 2: start-up, $START_ROUNDS interleaved rounds"
# shellcheck disable=SC2046
inroot /spawn start -r "$START_ROUNDS" -- base /bin/true :: floor /floor /bin/true :: \
	$(subjects /bin/true) :: \
	minit-seccomp-default /minit --allow-root --allow-writable-root --seccomp default -- /bin/true :: \
	minit-seccomp-strict /minit --allow-root --allow-writable-root --seccomp strict -- /bin/true :: \
	minit-landlock /minit --allow-root --allow-writable-root --seccomp default --landlock --writable /tmp -- /bin/true \
	$(nopie_subject /bin/true) :: \
	unshare-base /bin/unshare --pid --fork /bin/true :: \
	unshare-tini-musl /bin/unshare --pid --fork /peers/tini-musl -- /bin/true :: \
	unshare-minit-plain /bin/unshare --pid --fork $PLAIN /bin/true > "$T/start"

say "item 3: PID 1 memory, $MEM_ROUNDS rounds"
# shellcheck disable=SC2046
inroot /spawn mem -r "$MEM_ROUNDS" -- $(subjects /app sleep) $(nopie_subject /app sleep) > "$T/mem"

say "item 4: reaping $ORPHANS orphans, $REAP_ROUNDS rounds"
# shellcheck disable=SC2046
inroot /spawn out -r "$REAP_ROUNDS" -- $(subjects /app orphans "$ORPHANS") > "$T/reap"

# Several sessions of fresh inits: a session's median carries where its
# processes happen to sit (caches, wake-up paths); the median over sessions
# does not.
say "item 5: signal forwarding, $SIG_SESSIONS sessions of $SIG_N deliveries each"
for ((r = 0; r < SIG_SESSIONS; r++)); do
	# shellcheck disable=SC2046
	inroot /spawn sig -r "$SIG_N" -- $(subjects /app sigrecv)
done > "$T/sig.all"
# per subject: median over sessions of the session medians and p99s
for n in "${PEERS[@]}" minit-plain minit-hardened; do
	awk -v n="$n" '
	BEGIN { k = 0 }
	$1 == n && $2 == "ok" { m[k] = $4; p[k] = $8; c += $3; k++ }
	$1 == n && $2 != "ok" { bad = 1 }
	function med(a, n,   j, l, t) {
		for (j = 0; j < n; j++) for (l = j + 1; l < n; l++)
			if (a[l] < a[j]) { t = a[j]; a[j] = a[l]; a[l] = t }
		return n % 2 ? a[int(n / 2)] : (a[n / 2 - 1] + a[n / 2]) / 2
	}
	END {
		if (k == 0 || bad) { print n, "FAIL", 0, 0, 0, 0, 0, 0; exit }
		print n, "ok", c, med(m, k), 0, 0, 0, med(p, k)
	}' "$T/sig.all"
done > "$T/sig"

# Item 6: each round runs every environment once: the in-root ones through
# spawn, then podman (runc) with its default profile and unconfined.  A
# FROM scratch image holding only the static app; removed on exit.  The app
# is never PID 1 itself (floor, minit, podman --init's catatonit), since
# getppid costs differently there.
say "item 6: seccomp cost, $SYS_ROUNDS rounds"
img=localhost/minit-bench-app:$$
podman_ok=1
mkdir -p "$B/img"
cp "$B/app" "$B/img/app"
if ! tar -C "$B/img" -c app | podman import -q - "$img" >/dev/null 2>"$T/podman.err"; then
	podman_ok=0
	say "podman import failed: $(head -n1 "$T/podman.err"); podman rows will be FAIL"
fi
cleanup() {
	[ "$podman_ok" = 0 ] || podman rmi -f "$img" >/dev/null 2>&1 || true
	! type ctr_cleanup >/dev/null 2>&1 || ctr_cleanup
}
trap cleanup EXIT
pm() {
	taskset -c "$CPU" podman run --rm --runtime runc --ulimit nofile=20000:20000 \
		--ulimit nproc=4096:4096 --network none --init "$@" "$img" /app syscalls
}
SECCOMP_ENVS=(no-filter allow-all minit-default minit-strict)
: > "$T/sys"
for ((r = 0; r < SYS_ROUNDS; r++)); do
	inroot /spawn out -r 1 -- no-filter /floor /app syscalls :: \
		allow-all /floor /app syscalls --allow-all :: \
		minit-default /minit --allow-root --allow-writable-root --seccomp default -- /app syscalls :: \
		minit-strict /minit --allow-root --allow-writable-root --seccomp strict -- /app syscalls \
		>> "$T/sys"
	if [ "$podman_ok" = 1 ]; then
		for e in default unconfined; do
			opt=()
			[ "$e" = default ] || opt=(--security-opt seccomp=unconfined)
			if v=$(pm "${opt[@]}" 2>>"$T/podman.err"); then
				echo "podman-$e ok 1 $v" >> "$T/sys"
			else
				echo "podman-$e FAIL 0 0 0 0 0 0" >> "$T/sys"
			fi
		done
	fi
done
[ "$podman_ok" = 1 ] || printf 'podman-%s FAIL 0 0 0 0 0 0\n' default unconfined >> "$T/sys"

# minit's own account (-v) of the time it takes to build and load each
# profile, and PID 1's allow-list: the part of the start-up it explains.
say "item 6: build + load time as minit -v reports it, $LOAD_ROUNDS rounds"
: > "$T/load"
for ((r = 0; r < LOAD_ROUNDS; r++)); do
	for p in default strict; do
		{ inroot /minit -v --allow-root --allow-writable-root --seccomp "$p" -- /bin/true \
			2>&1 >/dev/null || true; } | sed -n \
			-e "s/.*profile '$p' built and loaded in \([0-9]*\) us.*/$p \1/p" \
			-e "s/.*PID 1's allow-list loaded in \([0-9]*\) us.*/pid1 \1/p" >> "$T/load"
	done
	{ inroot /minit -v --allow-root --allow-writable-root --landlock --writable /tmp -- /bin/true \
		2>&1 >/dev/null || true; } | sed -n \
		-e 's/.*landlock: ABI [0-9]*, [0-9]* rules, built and enforced in \([0-9]*\) us.*/landlock \1/p' >> "$T/load"
done

# Item 2, the syscalls: one start of each, counted by strace -f -c through
# unshare --pid --fork chroot (their own calls are in every count; base,
# without an init, is subtracted when the table is printed).
say "item 2: syscalls of one start, strace -f -c"
if command -v strace >/dev/null; then
	for s in "base" "tini-musl /peers/tini-musl --" "minit-plain $PLAIN" "minit-hardened $HARD"; do
		read -r n cmd <<<"$s"
		# shellcheck disable=SC2086
		inroot_strace "$T/strace.$n" $cmd /bin/true || say "strace of $n failed"
	done
else
	say "strace missing: no syscall counts (build-aux/install-deps.sh bench)"
fi

# Item 8, the whole container as a user sees it: podman run --rm (runc) of
# a FROM scratch image holding the static app, with no init, with
# tini-musl and with minit (plain and hardened), interleaved, wall time of
# the podman command.  The images are made here by podman import (nothing
# is pulled), tagged with the branch and this run's pid, removed on exit.
say "item 8: podman run --rm of a FROM scratch image, $CTR_ROUNDS rounds"
tag=$(git -C "$TOP" rev-parse --abbrev-ref HEAD 2>/dev/null | tr -c 'a-zA-Z0-9_.\n-' -)-$$
ctr_img() {		# ctr_img NAME FILE...: a FROM scratch image of FILEs at /
	local d=$B/ctr/$1
	rm -rf "$d"
	mkdir -p "$d/etc" "$d/proc" "$d/dev" "$d/sys" "$d/tmp" "$d/run"
	shift
	cp "$@" "$d/"
	cp "$R/etc/passwd" "$R/etc/group" "$d/etc/"
	tar -C "$d" -c . | podman import -q - "localhost/minit-bench-ctr:$tag-$(basename "$d")" >/dev/null
}
CTRS=(ctr-noinit ctr-tini-musl ctr-minit-plain ctr-minit-hardened)
ctr_ok=1
if ctr_img noinit "$B/app" && ctr_img tini "$B/app" "$R/peers/tini-musl" &&
	ctr_img minit "$B/app" "$MINIT" 2>"$T/ctr.err"; then
	ctr_cmd() {	# ctr_cmd SUBJECT: the podman run arguments
		local i=localhost/minit-bench-ctr:$tag
		case $1 in
		ctr-noinit) echo "$i-noinit /app true" ;;
		ctr-tini-musl) echo "$i-tini /tini-musl -- /app true" ;;
		ctr-minit-plain) echo "$i-minit /minit --allow-root --allow-writable-root --seccomp off -- /app true" ;;
		ctr-minit-hardened) echo "$i-minit /minit --user 65534 -- /app true" ;;
		esac
	}
	: > "$T/ctr.all"
	for ((r = 0; r < CTR_ROUNDS; r++)); do
		for ((k = 0; k < ${#CTRS[@]}; k++)); do
			n=${CTRS[$(((k + r) % ${#CTRS[@]}))]}
			t0=$(date +%s%N)
			# shellcheck disable=SC2046
			if taskset -c "$CPU" podman run --rm --runtime runc --network none \
				--ulimit nofile=20000:20000 --ulimit nproc=4096:4096 \
				--read-only $(ctr_cmd "$n") >/dev/null 2>>"$T/ctr.err"; then
				echo "$n $((($(date +%s%N) - t0) / 1000))" >> "$T/ctr.all"
			else
				echo "$n FAIL" >> "$T/ctr.all"
			fi
		done
	done
else
	ctr_ok=0
	say "podman import failed: $(head -n1 "$T/ctr.err"); item 8 rows will be FAIL"
fi
ctr_cleanup() {
	local n
	for n in noinit tini minit; do
		podman rmi -f "localhost/minit-bench-ctr:$tag-$n" >/dev/null 2>&1 || true
	done
}
elapsed=$(($(date +%s) - t_start))

# --- the table ----------------------------------------------------------------
# get FILE NAME FIELD: FIELD of NAME's line (spawn's output: 2 ok|FAIL, 3 N,
# 4-7 medians of columns 0-3, 8 p99 of column 0).
get() { awk -v n="$2" -v f="$3" '$1 == n { print $f; exit }' "$1"; }
ok() { [ "$(get "$1" "$2" 2)" = ok ]; }
calc() { awk "BEGIN { printf \"$1\", $2 }"; }
# best FILE FIELD MIN|MAX NAME...: the name with the smallest value
best() {
	local f=$1 fld=$2 n bn= bv=
	shift 2
	for n in "$@"; do
		ok "$f" "$n" || continue
		v=$(get "$f" "$n" "$fld")
		if [ -z "$bv" ] || awk "BEGIN { exit !($v < $bv) }"; then bn=$n bv=$v; fi
	done
	echo "$bn"
}
# verdict RATIO OP LIMIT: pass or "MISSED"
verdict() { awk "BEGIN { exit !($1 $2 $3) }" && echo pass || echo "**MISSED**"; }
row() { printf '| %s ' "$@"; echo '|'; }

echo
row "#" "measure" "subject" "value" "reference (same run)" "ratio" "target" "result"
row "---" "---" "---" "---:" "---" "---:" "---" "---"

# 1. binary size
ksize() { calc "%.1f" "$(stat -c %s "$1") / 1024"; }
link() { file -L "$1" | grep -q 'statically linked' && echo static || echo "dynamic, +libc"; }
tm_size=$(stat -c %s "$R/peers/tini-musl")
for n in "${PEERS[@]}"; do
	row 1 "size, KiB" "$n ($(link "$R/peers/$n"))" "$(ksize "$R/peers/$n")" \
		"tini-musl $(ksize "$R/peers/tini-musl")" \
		"$(calc "%.2f" "$(stat -c %s "$R/peers/$n") / $tm_size")" "" ""
done
ms=$(stat -c %s "$R/minit")
row 1 "size, KiB" "minit (static-pie, stripped)" "$(ksize "$R/minit")" \
	"tini-musl $(ksize "$R/peers/tini-musl")" "$(calc "%.2f" "$ms / $tm_size")" \
	"< 256 KiB" "$( [ "$ms" -lt 262144 ] && echo pass || echo '**MISSED**')"

# 2. start-up overhead: median of the per-round differences to base
S=$T/start
ovh() { calc "%.3f" "$(get "$S" "$1" 5)"; }
if ok "$S" base; then
	row 2 "clone(NEWPID)+exec /bin/true, ms" "base (no init)" "$(calc "%.3f" "$(get "$S" base 4)")" "" "" "" ""
fi
tm=$(get "$S" tini-musl 5)
for n in floor "${PEERS[@]}" minit-plain minit-hardened; do
	if ! ok "$S" "$n"; then row 2 "start-up overhead, ms" "$n" FAIL "" "" "" "**FAIL**"; continue; fi
	ratio=$(calc "%.2f" "$(get "$S" "$n" 5) / $tm")
	tgt= res=
	case $n in
	floor) tgt="the limit: one fork+exec+wait" ;;
	minit-plain) tgt="<= 1.00 x tini-musl"; res=$(verdict "$ratio" "<=" 1.00) ;;
	minit-hardened) tgt="<= 1.50 x tini-musl"; res=$(verdict "$ratio" "<=" 1.50) ;;
	esac
	row 2 "start-up overhead, ms" "$n" "$(ovh "$n")" "tini-musl $(ovh tini-musl)" "$ratio" "$tgt" "$res"
done
if [ -n "$nopie" ] && ok "$S" minit-plain-nopie; then
	row 2 "start-up overhead, ms" "minit-plain, built non-PIE (info)" "$(ovh minit-plain-nopie)" \
		"tini-musl $(ovh tini-musl)" "$(calc "%.2f" "$(get "$S" minit-plain-nopie 5) / $tm")" "" ""
fi

# The issue's own command, through the unshare binary (nested in our PID
# namespace): its absolute figures, and the same overheads within noise.
if ok "$S" unshare-base; then
	ub=$(get "$S" unshare-base 4)
	row 2 "unshare --pid --fork /bin/true, ms" "base (no init)" "$(calc "%.3f" "$ub")" "" "" "" ""
	for n in tini-musl minit-plain; do
		ok "$S" "unshare-$n" || continue
		row 2 "start-up overhead via unshare, ms" "$n" \
			"$(calc "%.3f" "$(get "$S" "unshare-$n" 4) - $ub")" "" "" "" ""
	done
fi

# 3. PID 1 memory while PROGRAM sleeps
M=$T/mem
bs=$(best "$M" 4 "${STATIC_PEERS[@]}")
bsv=$(get "$M" "$bs" 4)
for n in "${PEERS[@]}" minit-plain minit-hardened; do
	if ! ok "$M" "$n"; then row 3 "PID 1 VmRSS / VmHWM / RssAnon, KiB" "$n" FAIL "" "" "" "**FAIL**"; continue; fi
	ratio=$(calc "%.2f" "$(get "$M" "$n" 4) / $bsv")
	tgt= res=
	case $n in minit-*) tgt="VmRSS <= smallest static peer"; res=$(verdict "$ratio" "<=" 1.00) ;; esac
	row 3 "PID 1 VmRSS / VmHWM / RssAnon, KiB" "$n" "$(get "$M" "$n" 4 | cut -d. -f1) / $(get "$M" "$n" 5 | cut -d. -f1) / $(get "$M" "$n" 7 | cut -d. -f1)" \
		"$bs $(get "$M" "$bs" 4 | cut -d. -f1)" "$ratio" "$tgt" "$res"
done
if [ -n "$nopie" ] && ok "$M" minit-plain-nopie; then
	row 3 "PID 1 VmRSS / VmHWM / RssAnon, KiB" "minit-plain, built non-PIE (info)" \
		"$(get "$M" minit-plain-nopie 4 | cut -d. -f1) / $(get "$M" minit-plain-nopie 5 | cut -d. -f1) / $(get "$M" minit-plain-nopie 7 | cut -d. -f1)" \
		"$bs $(get "$M" "$bs" 4 | cut -d. -f1)" "$(calc "%.2f" "$(get "$M" minit-plain-nopie 4) / $bsv")" "" ""
fi
row 3 "VmRSS, KiB" "idle static musl process (the app)" "$(get "$M" "$bs" 6 | cut -d. -f1)" "" "" "" ""

# 4. reaping
P=$T/reap
bp=$(best "$P" 4 "${PEERS[@]}")
bpv=$(get "$P" "$bp" 4)
for n in "${PEERS[@]}" minit-plain minit-hardened; do
	if ! ok "$P" "$n"; then row 4 "reap $ORPHANS orphans, ms" "$n" FAIL "" "" "" "**FAIL**"; continue; fi
	ratio=$(calc "%.2f" "$(get "$P" "$n" 4) / $bpv")
	tgt= res="0 left"
	case $n in minit-*) tgt="<= 1.10 x best peer, 0 left"; res="$(verdict "$ratio" "<=" 1.10), 0 left" ;; esac
	row 4 "reap $ORPHANS orphans, ms" "$n" "$(calc "%.1f" "$(get "$P" "$n" 4) / 1000")" \
		"$bp $(calc "%.1f" "$bpv / 1000")" "$ratio" "$tgt" "$res"
done

# 5. signal forwarding latency
G=$T/sig
bg=$(best "$G" 4 "${PEERS[@]}")
bgv=$(get "$G" "$bg" 4)
for n in "${PEERS[@]}" minit-plain minit-hardened; do
	if ! ok "$G" "$n"; then row 5 "SIGTERM to handler, us median / p99 (of sessions)" "$n" FAIL "" "" "" "**FAIL**"; continue; fi
	ratio=$(calc "%.2f" "$(get "$G" "$n" 4) / $bgv")
	tgt= res=
	case $n in minit-*) tgt="median <= 1.10 x best peer"; res=$(verdict "$ratio" "<=" 1.10) ;; esac
	row 5 "SIGTERM to handler, us median / p99 (of sessions)" "$n" \
		"$(calc "%.1f" "$(get "$G" "$n" 4)") / $(calc "%.1f" "$(get "$G" "$n" 8)")" \
		"$bg $(calc "%.1f" "$bgv")" "$ratio" "$tgt" "$res"
done

# 6. seccomp: medians over the rounds of each environment's medians
Y=$T/sys.med
for e in "${SECCOMP_ENVS[@]}" podman-default podman-unconfined; do
	awk -v n="$e" '
	BEGIN { k = 0 }
	$1 == n && $2 == "ok" { g[k] = $4; p[k] = $5; i[k] = $6; d = $7; k++ }
	$1 == n && $2 != "ok" { bad = 1 }
	function med(a, n,   j, l, t) {
		for (j = 0; j < n; j++) for (l = j + 1; l < n; l++)
			if (a[l] < a[j]) { t = a[j]; a[j] = a[l]; a[l] = t }
		return n % 2 ? a[int(n / 2)] : (a[n / 2 - 1] + a[n / 2]) / 2
	}
	END {
		if (k == 0 || bad) { print n, "FAIL", 0, 0, 0, 0, 0, 0; exit }
		print n, "ok", k, med(g, k), med(p, k), med(i, k), d, 0
	}' "$T/sys"
done > "$Y"
aa=$(get "$Y" allow-all 4)
pdp=$(get "$Y" podman-default 5)
for e in "${SECCOMP_ENVS[@]}" podman-default podman-unconfined; do
	if ! ok "$Y" "$e"; then row 6 "ns per call: getppid / personality / ioctl" "$e" FAIL "" "" "" "**FAIL**"; continue; fi
	den=$(get "$Y" "$e" 7)
	den=${den%%.*}
	note=
	[ $((den & 1)) = 0 ] || note="$note personality denied;"
	[ $((den & 2)) = 0 ] || note="$note ioctl denied;"
	v="$(calc "%.0f" "$(get "$Y" "$e" 4)") / $(calc "%.0f" "$(get "$Y" "$e" 5)") / $(calc "%.0f" "$(get "$Y" "$e" 6)")"
	case $e in
	minit-default)
		r1=$(calc "%.3f" "$(get "$Y" "$e" 4) / $aa")
		row 6 "ns per call: getppid / personality / ioctl" "$e" "$v" "allow-all $(calc "%.0f" "$aa")" "$r1" \
			"getppid <= 1.05 x allow-all" "$(verdict "$r1" "<=" 1.05)"
		if ok "$Y" podman-default; then
			r2=$(calc "%.3f" "$(get "$Y" "$e" 5) / $pdp")
			row 6 "ns per call: personality (arg-checked)" "$e" "$(calc "%.0f" "$(get "$Y" "$e" 5)")" \
				"podman-default $(calc "%.0f" "$pdp")" "$r2" "< 1.00 x podman-default" \
				"$(verdict "$r2" "<" 1.00)"
		fi
		;;
	*)
		row 6 "ns per call: getppid / personality / ioctl" "$e" "$v" \
			"allow-all $(calc "%.0f" "$aa")" "$(calc "%.3f" "$(get "$Y" "$e" 4) / $aa")" "" "${note# }"
		;;
	esac
done
for p in default strict; do
	n=minit-seccomp-$p
	if ! ok "$S" "$n"; then row 6 "profile build + load, ms" "$p" FAIL "" "" "" "**FAIL**"; continue; fi
	row 6 "profile build + load, ms" "$p" \
		"$(calc "%.3f" "$(get "$S" "$n" 5) - $(get "$S" minit-plain 5)")" \
		"start-up vs --seccomp off" "" "" ""
done
# vmedian NAME: the median of NAME's times in $T/load, in ms, or a note
vmedian() {
	local v
	v=$(awk -v p="$1" '$1 == p { print $2 }' "$T/load" | sort -n |
		awk '{ a[NR] = $1 } END { if (NR) print NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }')
	if [ -n "$v" ]; then calc "%.3f" "$v / 1000"; else echo "n/a: this minit does not say"; fi
}
for p in default strict pid1; do
	row 6 "build + load as minit -v says, ms" "$p$([ "$p" = pid1 ] && echo " (PID 1's own)")" \
		"$(vmedian "$p")" "" "" "" ""
done

# 7. --landlock: its ruleset built and enforced, on top of the default profile
if ok "$S" minit-landlock && ok "$S" minit-seccomp-default; then
	row 7 "landlock ruleset, start-up cost, ms" "--landlock --writable /tmp" \
		"$(calc "%.3f" "$(get "$S" minit-landlock 5) - $(get "$S" minit-seccomp-default 5)")" \
		"start-up vs the same without --landlock" "" "" ""
else
	row 7 "landlock ruleset, start-up cost, ms" "--landlock --writable /tmp" FAIL "" "" "" "**FAIL**"
fi
row 7 "build + enforce as minit -v says, ms" "landlock ruleset" "$(vmedian landlock)" "" "" "" ""

# 8. the whole container: podman run --rm, medians of the wall times
C=$T/ctr
for n in "${CTRS[@]}"; do
	awk -v n="$n" '
	$1 == n && $2 != "FAIL" { a[k++] = $2 }
	$1 == n && $2 == "FAIL" { bad = 1 }
	END {
		if (k == 0 || bad) { print n, "FAIL"; exit }
		for (j = 0; j < k; j++) for (l = j + 1; l < k; l++)
			if (a[l] < a[j]) { t = a[j]; a[j] = a[l]; a[l] = t }
		print n, "ok", k, (k % 2 ? a[int(k / 2)] : (a[k / 2 - 1] + a[k / 2]) / 2) / 1000
	}' "$T/ctr.all" 2>/dev/null || echo "$n FAIL"
done > "$C"
cn=$(get "$C" ctr-noinit 4)
for n in "${CTRS[@]}"; do
	if [ "$ctr_ok" = 0 ] || ! ok "$C" "$n" || ! ok "$C" ctr-noinit; then
		row 8 "podman run --rm, ms" "${n#ctr-}" FAIL "" "" "" "**FAIL**"
		continue
	fi
	v=$(get "$C" "$n" 4)
	row 8 "podman run --rm (runc, --read-only), ms" "${n#ctr-}" "$(calc "%.1f" "$v")" \
		"no init $(calc "%.1f" "$cn")" "$(calc "%.3f" "$v / $cn")" "" \
		"$(calc "%+.1f" "$v - $cn") ms"
done

# Item 2's syscalls: calls per syscall of one start, minus base's; the
# syscalls where a subject differs from base, most calls first.
if [ -s "$T/strace.base" ]; then
	echo
	echo "Syscalls of one start of INIT /bin/true as PID 1 (strace -f -c; minus the same without an init):"
	echo
	row "syscall" "tini-musl" "minit-plain" "minit-hardened"
	row "---" "---:" "---:" "---:"
	awk '
	FNR == 1 { f++; name[f] = FILENAME; sub(/.*strace\./, "", name[f]) }
	/^ *[0-9.]+ +[0-9.]+ +[0-9]+ +[0-9]+/ { c[f, $NF] = $4; seen[$NF] = 1 }
	END {
		for (sc in seen) {
			d = ""; key = 0
			for (i = 2; i <= f; i++) {
				v = c[i, sc] - c[1, sc]
				d = d " | " v
				if (v != 0) key = 1
				if (i == f) last = v
			}
			if (key) printf "%d %s%s\n", (sc == "total" ? 1e9 : last), sc, d
		}
	}' "$T/strace.base" "$T/strace.tini-musl" "$T/strace.minit-plain" "$T/strace.minit-hardened" |
		sort -k1,1nr | cut -d" " -f2- | sed 's/^/| /; s/$/ |/'
fi

echo
echo "Machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), Linux $(uname -r). minit $(git -C "$TOP" describe --always --dirty 2>/dev/null || echo '?'). Rounds: start $START_ROUNDS, mem $MEM_ROUNDS, reap $REAP_ROUNDS, signals $SIG_SESSIONS x $SIG_N, seccomp $SYS_ROUNDS, -v $LOAD_ROUNDS, containers $CTR_ROUNDS. Load: $(cut -d" " -f1-3 /proc/loadavg). Measured in ${elapsed} s."
