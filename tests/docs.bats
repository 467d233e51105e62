#!/usr/bin/env bats
# docs/security.md is the key to the pitfall (P..) and test (T..) IDs the code
# and tests cite (issue 14 item 18): every cited ID has its row there, and
# nothing points at notes outside the repository.
load lib

# The IDs cited in the sources, tests, fuzzers and docs (not the key itself).
cited_ids() {
	cd "$TOP" && grep -rhoE '\b[PT][0-9]{2}\b' --include='*.c' --include='*.h' \
	    --include='*.bats' --include='*.bash' --include='*.md' --include='*.sh' \
	    --exclude=security.md --exclude=BENCHMARKS.md \
	    *.c *.h tests fuzz docs build-aux docker README.md 2>/dev/null | sort -u
}

# missing_rows FILE: cited IDs without a "| ID |" row in FILE.
missing_rows() {
	local id
	for id in $(cited_ids); do
		grep -q "^| $id |" "$1" || echo "$id"
	done
}

@test "every pitfall and test ID cited in the tree has a row in docs/security.md" {
	[ -f "$TOP/docs/security.md" ]
	run cited_ids
	# control: the scan finds IDs (P31 is cited all over the root check)
	assert_line_has '^P31$'
	assert_line_has '^T55$'
	run missing_rows "$TOP/docs/security.md"
	if [ -n "$output" ]; then
		echo "cited but not in docs/security.md: $output" >&2
		return 1
	fi
	# control: against a key without the P31 row, the check reports it
	grep -v '^| P31 |' "$TOP/docs/security.md" > "$BATS_TEST_TMPDIR/key.md"
	run missing_rows "$BATS_TEST_TMPDIR/key.md"
	assert_line_has '^P31$'
}

@test "nothing cites SECURITY.md, notes that are not in the repository" {
	cd "$TOP"
	run grep -rlE 'SECURITY\.md|shared/SECURITY' --include='*.c' --include='*.h' \
	    --include='*.bats' --include='*.bash' --include='*.md' --include='*.sh' \
	    --include=ro_run --exclude=docs.bats *.c *.h tests fuzz docs build-aux docker \
	    README.md Makefile
	[ -z "$output" ] || { echo "cites SECURITY.md: $output" >&2; return 1; }
}
