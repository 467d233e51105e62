#!/usr/bin/env bash
# Run the bats files given (default: tests/*.bats) and close with the plain
# "N passed, N failed, N skipped" line.
set -uo pipefail
cd "$(dirname "$0")/.."
[ $# -gt 0 ] || set -- tests/*.bats
log=$(mktemp)
bats --timing --tap "$@" | tee "$log"
rc=${PIPESTATUS[0]}
skipped=$(grep -cE '^ok .* # skip' "$log")
passed=$(( $(grep -cE '^ok ' "$log") - skipped ))
failed=$(grep -cE '^not ok ' "$log")
rm -f "$log"
echo "integration: $passed passed, $failed failed, $skipped skipped"
[ "$rc" -eq 0 ] && [ "$failed" -eq 0 ]
