#!/usr/bin/env bats
# Started non-root by the platform (issue 15): Kubernetes runAsUser with
# capabilities drop ALL, OpenShift's arbitrary uid with gid 0 and no passwd
# entry, docker run --user.  minit cannot change the ids; --user names what
# the image wanted and is satisfied by the runtime's choice, unless
# --exact-user.  Everything else still applies (P37).
load lib

ZERO=0000000000000000

setup_file() {
	setup_root
}

# as_runtime UID GID GROUPS [DROP [BEFORE [AFTER]]]: -x setup for ro_run
# that starts minit as a runtime does for a non-root container: chroot as
# root, the bounding set emptied (DROP, default all: Kubernetes drop ALL),
# then groups, gid, uid; P, E, I and ambient end up empty.  capsh
# (libcap2-bin) does it in that order, which setpriv before ro_run's chroot
# cannot (chroot needs CAP_SYS_CHROOT).  BEFORE and AFTER: more capsh
# options before and after the uid change.
as_runtime() {
	printf 'exec capsh --chroot="$R" --drop=%s %s --gid=%s --groups=%s --uid=%s %s --shell=/minit -- "$@"' \
	    "${4:-all}" "${5:-}" "$2" "$3" "$1" "${6:-}"
}
# every capability the kernel knows but $1, for --drop
all_caps_but() {
	capsh --print | sed -n 's/^Bounding set =//p' | tr ',' '\n' | grep -vx "$1" | paste -sd,
}
OPENSHIFT=$(as_runtime 1000680000 0 '')
K8S=$(as_runtime 10001 10001 2000)

# the five capability sets of a /proc status text in $output are empty
caps_all_zero() {
	for s in CapInh CapPrm CapEff CapBnd CapAmb; do
		assert_line_has "^$s:[[:space:]]+$ZERO\$"
	done
}

@test "OpenShift start (uid 1000680000, gid 0, no passwd entry): --user app runs as the runtime's ids, hardened, quietly" {
	run ro_run -x "$OPENSHIFT" -- --user app -- /t/probe status
	assert_status 0
	assert_line_has '^Uid:[[:space:]]+1000680000[[:space:]]+1000680000[[:space:]]+1000680000[[:space:]]+1000680000$'
	assert_line_has '^Gid:[[:space:]]+0[[:space:]]+0[[:space:]]+0[[:space:]]+0$'
	assert_line_has '^Groups:[[:space:]]*$'
	caps_all_zero
	assert_line_has '^NoNewPrivs:[[:space:]]+1$'
	assert_line_has '^Seccomp:[[:space:]]+2$'
	refute_line_has '^minit:'	# quiet without -v
	# PID 1: the same ids, nothing held, its own filter
	run ro_run -x "$OPENSHIFT" -- --user app -- /t/probe read /proc/1/status
	assert_status 0
	assert_line_has '^Uid:[[:space:]]+1000680000[[:space:]]+1000680000[[:space:]]+1000680000[[:space:]]+1000680000$'
	assert_line_has '^Gid:[[:space:]]+0[[:space:]]+0[[:space:]]+0[[:space:]]+0$'
	caps_all_zero
	assert_line_has '^NoNewPrivs:[[:space:]]+1$'
	assert_line_has '^Seccomp:[[:space:]]+2$'
	# -v says why --user was not applied
	run ro_run -x "$OPENSHIFT" -- -v --user app -- /bin/true
	assert_status 0
	assert_line_has '^minit: privdrop: the runtime chose uid 1000680000 gid 0: --user not applied$'
}

@test "--exact-user: a non-root start as another uid is refused in one line, 125; control: the same uid runs" {
	run ro_run -x "$OPENSHIFT" -- --user app --exact-user -- /bin/echo RAN
	assert_status 125
	refute_line_has '^RAN$'
	[ "${#lines[@]}" -eq 1 ]
	assert_line_has '^minit: privdrop: --exact-user: --user app is uid 1000, but minit was started as uid 1000680000$'
	run ro_run -x "$(as_runtime 1000 1000 1000)" -- --user app --exact-user -- /bin/echo RAN
	assert_status 0
	assert_line_has '^RAN$'
	run ro_run -- --exact-user -- /bin/echo RAN
	assert_status 125
	assert_line_has '^minit: --exact-user goes with --user$'
}

@test "Kubernetes runAsUser/runAsGroup/fsGroup: uid, gid and the supplementary group are kept" {
	run ro_run -x "$K8S" -- --user app -- /t/probe status
	assert_status 0
	assert_line_has '^Uid:[[:space:]]+10001[[:space:]]+10001[[:space:]]+10001[[:space:]]+10001$'
	assert_line_has '^Gid:[[:space:]]+10001[[:space:]]+10001[[:space:]]+10001[[:space:]]+10001$'
	assert_line_has '^Groups:[[:space:]]+2000[[:space:]]*$'
	caps_all_zero
	assert_line_has '^NoNewPrivs:[[:space:]]+1$'
	assert_line_has '^Seccomp:[[:space:]]+2$'
	refute_line_has '^minit:'
}

@test "HOME/USER: the runtime's are kept; else the uid's passwd entry; else HOME=/ and no USER" {
	local show='echo "H=$HOME U=${USER-unset} L=${LOGNAME-unset}"'
	local unset='exec env -u HOME -u USER -u LOGNAME capsh'
	# no passwd entry, nothing set by the runtime
	run ro_run -x "${OPENSHIFT/exec capsh/$unset}" -- --user app -- sh -c "$show"
	assert_status 0
	assert_line_has '^H=/ U=unset L=unset$'
	# uid 1000 is app in /etc/passwd, whatever --user says
	run ro_run -x "$(as_runtime 1000 1000 1000 | sed "s/exec capsh/$unset/")" \
	    -- --user nobody -- sh -c "$show"
	assert_status 0
	assert_line_has '^H=/home/app U=app L=app$'
	# what the runtime set wins
	run ro_run -x "${OPENSHIFT/exec capsh/exec env HOME=/data USER=runtime capsh}" \
	    -- --user app -- sh -c "$show"
	assert_status 0
	assert_line_has '^H=/data U=runtime L=unset$'
}

@test "--audit: 'uid chosen by the runtime: N (image asked for NAME)'; the runtime's gid 0 is info, not a failure" {
	run ro_run -x "$OPENSHIFT" -- --audit --user app -- /t/probe status
	assert_status 0
	assert_line_has '^info  identity.runtime_user +uid chosen by the runtime: 1000680000 \(image asked for app\)$'
	assert_line_has '^pass  identity.uid +uid 1000680000 '
	assert_line_has "^info  identity.gid +gid 0 chosen by the runtime \(started non-root\): root's group, not root\$"
	assert_line_has '^result: pass '
	# the name comes from input: escaped, no control byte printed
	run ro_run -x "$OPENSHIFT" -- --audit --user "$(printf 'a\033[2Jb')" -- /t/probe status
	assert_line_has '^info  identity.runtime_user +uid chosen by the runtime: 1000680000 \(image asked for a\\x1b\[2Jb\)$'
	refute_line_has $'\033'
	# controls: a root start that drops to app has no such line; one
	# that sets gid 0 itself fails the gid check
	run ro_run -- --audit --user app -- /t/probe status
	assert_status 0
	refute_line_has 'identity.runtime_user'
	run ro_run -- --audit --allow-root --user 1000:0 -- /t/probe status
	assert_status 1
	assert_line_has "^fail  identity.gid +gid 0 \(root's group\)\$"
}

@test "--cap NET_BIND_SERVICE when the runtime granted it: kept through the ambient set; refused in one line when not" {
	local grant
	# Kubernetes capabilities.add [NET_BIND_SERVICE] on a non-root
	# container: in minit's bounding, permitted and ambient sets
	grant=$(as_runtime 10001 10001 '' "$(all_caps_but cap_net_bind_service)" \
	    '--inh=cap_net_bind_service --keep=1' '--addamb=cap_net_bind_service')
	# precondition: that is what minit gets
	run ro_run -x "${grant/--shell=\/minit/--shell=/t/probe}" -- status
	assert_line_has '^CapPrm:[[:space:]]+0000000000000400$'
	assert_line_has '^CapAmb:[[:space:]]+0000000000000400$'
	assert_line_has '^CapBnd:[[:space:]]+0000000000000400$'
	run ro_run -x "$grant" -- --user app --cap NET_BIND_SERVICE -- /t/probe bind 80
	assert_status 0
	assert_line_has '^bind 80 ok$'
	run ro_run -x "$grant" -- --user app --cap NET_BIND_SERVICE -- /t/probe status
	assert_status 0
	for s in CapPrm CapEff CapAmb; do
		assert_line_has "^$s:[[:space:]]+0000000000000400\$"
	done
	assert_line_has '^Uid:[[:space:]]+10001[[:space:]]+10001'
	assert_line_has '^NoNewPrivs:[[:space:]]+1$'
	# PID 1 keeps nothing
	run ro_run -x "$grant" -- --user app --cap NET_BIND_SERVICE -- /t/probe read /proc/1/status
	assert_line_has "^CapPrm:[[:space:]]+$ZERO\$"
	assert_line_has "^CapAmb:[[:space:]]+$ZERO\$"
	# control: granted but not asked for, the app cannot bind port 80
	run ro_run -x "$grant" -- --user app -- /t/probe bind 80
	assert_status 1
	assert_line_has '^bind 80 errno=13$'
	# not granted: one line, 125, nothing ran
	run ro_run -x "$K8S" -- --user app --cap NET_BIND_SERVICE -- /bin/echo RAN
	assert_status 125
	refute_line_has '^RAN$'
	[ "${#lines[@]}" -eq 1 ]
	assert_line_has '^minit: privdrop: --cap net_bind_service: minit does not hold it, so PROGRAM cannot keep it'
}

@test "started non-root, the rest still applies: a writable root is refused, orphans are reaped, --audit --json says why" {
	# the read-only root check (control: the same start on the read-only root runs)
	run ro_run -w -x "$OPENSHIFT" -- --user app -- /bin/echo RAN
	assert_status 125
	refute_line_has '^RAN$'
	[ "${#lines[@]}" -eq 1 ]
	assert_line_has '^minit: rootfs: '
	run ro_run -x "$OPENSHIFT" -- --user app -- /bin/echo RAN
	assert_status 0
	assert_line_has '^RAN$'
	# PID 1, non-root and filtered, reaps what PROGRAM leaves behind
	run ro_run -x "$OPENSHIFT" -- --user app -- /bin/sh -c \
	    '/t/probe orphans 20 && sleep 1 && /t/probe pids'
	assert_status 0
	assert_line_has '^spawned 20 orphans$'
	assert_line_has '^processes=[0-9]+ zombies=0$'
	# the JSON report carries the same verdicts, the name escaped
	run sh -c "R='$R' ro_run -x '$OPENSHIFT' -- --audit --json --user \"\$(printf 'a\\033b')\" -- /t/probe status | jq -r '.checks[\"identity.runtime_user\"].status, .checks[\"identity.runtime_user\"].reason, .checks[\"identity.gid\"].status, .result'"
	assert_line_has '^info$'
	assert_line_has '^uid chosen by the runtime: 1000680000 \(image asked for a\\x1bb\)$'
	assert_line_has '^pass$'
	refute_line_has $'\033'
}
