#!/bin/sh
# A stand-in for the colima executable, for tests. It answers with JSON of the shape Colima prints
# (app/app.go statusInfo, limautil.InstanceInfo) and appends each call's arguments to $STANDIN_DIR/calls.log.
# What it does is chosen by the environment:
#   STANDIN_DIR     where calls.log, *.pid and the "go" file live (required)
#   STANDIN_STATUS  running | stopped | absent | broken | old | hang   (default running)
#   STANDIN_START   ok | wait | fail | hang                           (default ok)
#   STANDIN_STOP    ok | hang (a graceful stop hangs; --force works)  (default ok)
#   STANDIN_SOCKET  the docker_socket reported while running
#   STANDIN_STATEFUL  1: a successful start or stop writes the new state to $STANDIN_DIR/state, which then
#                   wins over STANDIN_STATUS (a run that starts the VM and checks it again)
set -u
dir="${STANDIN_DIR:?STANDIN_DIR must be set}"
printf '%s\n' "$*" >> "$dir/calls.log"

command="${1:-}"
if [ "${STANDIN_STATEFUL:-0}" = 1 ] && [ -f "$dir/state" ]; then
  STANDIN_STATUS=$(cat "$dir/state")
fi
profile=default
force=no
previous=
for arg in "$@"; do
  [ "$previous" = "--profile" ] && profile="$arg"
  [ "$arg" = "--force" ] && force=yes
  previous="$arg"
done

hang() {
  echo $$ > "$dir/standin.pid"
  sleep 300 &
  echo $! > "$dir/child.pid"
  wait
}

log() {
  printf 'time="2025-06-01T10:00:00Z" level=%s msg="%s"\n' "$1" "$2" >&2
}

display_name=colima
[ "$profile" != default ] && display_name="colima [profile=$profile]"

case "$command" in
  status)
    case "${STANDIN_STATUS:-running}" in
      running)
        printf '{"display_name":"%s","driver":"macOS Virtualization.Framework","arch":"aarch64","runtime":"docker",' "$display_name"
        printf '"mount_type":"virtiofs","ip_address":"192.168.106.2","docker_socket":"unix://%s",' "${STANDIN_SOCKET:-/nowhere/docker.sock}"
        printf '"containerd_socket":"unix://%s/containerd.sock","kubernetes":false,' "$dir"
        printf '"cpu":4,"memory":8589934592,"disk":64424509440}\n'
        ;;
      stopped | absent)
        log fatal "$display_name is not running"
        exit 1
        ;;
      broken)
        echo "panic: runtime error: invalid memory address or nil pointer dereference"
        ;;
      old)
        echo 'Error: unknown flag: --json' >&2
        exit 1
        ;;
      hang)
        hang
        ;;
    esac
    ;;
  list)
    case "${STANDIN_STATUS:-running}" in
      running) echo '{"name":"default","status":"Running","arch":"aarch64","cpus":4,"memory":8589934592,"disk":64424509440,"address":"192.168.106.2","runtime":"docker"}' ;;
      stopped) echo '{"name":"default","status":"Stopped","arch":"aarch64","cpus":4,"memory":8589934592,"disk":64424509440}' ;;
    esac
    echo '{"name":"work","status":"Stopped","arch":"x86_64","cpus":2,"memory":2147483648,"disk":107374182400,"runtime":"docker+k3s"}'
    ;;
  start)
    case "${STANDIN_START:-ok}" in
      ok)
        log info "starting $display_name"
        log info "runtime: docker"
        log info "starting ..."
        log info "done"
        if [ "${STANDIN_STATEFUL:-0}" = 1 ]; then echo running > "$dir/state"; fi
        ;;
      wait)
        log info "starting $display_name"
        # Finishes only once the test has seen the first line: proves lines arrive while the tool still runs.
        i=0
        while [ ! -f "$dir/go" ]; do
          sleep 0.1
          i=$((i + 1))
          [ "$i" -gt 200 ] && { log fatal "nobody read the progress"; exit 3; }
        done
        log info "done"
        ;;
      fail)
        log info "starting $display_name"
        log fatal "error starting vm: error at 'starting': exit status 1"
        exit 1
        ;;
      hang)
        log info "starting $display_name"
        hang
        ;;
    esac
    ;;
  stop)
    if [ "${STANDIN_STOP:-ok}" = hang ] && [ "$force" = no ]; then
      log info "stopping $display_name"
      hang
    fi
    log info "stopping $display_name"
    log info "done"
    if [ "${STANDIN_STATEFUL:-0}" = 1 ]; then echo stopped > "$dir/state"; fi
    ;;
  delete)
    log info "deleting $display_name"
    log info "done"
    ;;
  *)
    echo "Error: unknown command \"$command\" for \"colima\"" >&2
    exit 1
    ;;
esac
