#!/usr/bin/env bats
# Smoke: the release binary runs PROGRAM as PID 1 on a read-only root.
load lib

setup_file() { setup_root; }

@test "minit is PID 1 and PROGRAM its child on a read-only root" {
	run ro_run -- --allow-root -- /t/probe status
	assert_status 0
	assert_line_has '^pid=[0-9]+ ppid=1 sid=([0-9]+) pgid=\1$'
}
