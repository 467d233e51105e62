#!/usr/bin/env bash
# make demo: minit for real, as PID 1 of a throwaway PID and mount namespace
# whose root is read-only.  The app prints what it sees, leaves orphans for
# minit to reap, and gets a SIGTERM forwarded by minit.
set -euo pipefail
cd "$(dirname "$0")/.."
source tests/lib.bash
R=$(mktemp -d /tmp/minit-demo.XXXXXX)
export R
trap 'rm -rf "$R"' EXIT
mkroot "$R"

say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

say "minit $("$MINIT" -V | cut -d' ' -f2): $(stat -c %s "$MINIT") bytes, $(file -b "$MINIT")"
say "run: minit -v --user app -- /bin/sh -c '...'   (/ read-only, in a new PID namespace)"
app='echo "app: I am pid $$; my parent (minit) is pid $PPID"
/t/probe status | grep -E "^(Uid|Gid|Groups|CapPrm|CapEff|CapBnd|CapAmb|NoNewPrivs|Seccomp):" | sed "s/^/app: /"
echo "app: PID 1 holds: $(grep -E "^(Uid|CapEff|CapBnd|Seccomp):" /proc/1/status | tr -s "\t\n" "  ")"
/t/probe orphans 3 >/dev/null
sleep 0.3
echo "app: after leaving 3 orphans behind: $(/t/probe pids)"
exec /t/probe wait-signal 30'
out=$(mktemp)
ro_run -- -v --user app -- /bin/sh -c "$app" >"$out" 2>&1 &
upid=$!
for _ in $(seq 100); do grep -q '^ready' "$out" && break; sleep 0.05; done
grep -v '^ready' "$out" || true
say "host: docker stop = SIGTERM to PID 1"
pkill -TERM -f '^/minit -v --user app' || true
status=0
wait "$upid" || status=$?
grep -E '^got|init: (signal|PROGRAM .* ended)' "$out" | sed 's/^got 15 code 0/app: got SIGTERM (15), forwarded by minit; exiting 0/'
say "minit exited with status $status"
rm -f "$out"
[ "$status" -eq 0 ]
