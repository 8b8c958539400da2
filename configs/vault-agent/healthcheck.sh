#!/bin/sh
# Health of the vault-agent container: healthy when this start armed at least
# one service and every armed service's agent rendered all of its files
# (run-agents.sh leaves a "rendered" marker per service, "failed" otherwise).
set -eu
WORK_DIR=${VAULT_AGENT_WORK_DIR:-/run/vault-agent}

[ -f "$WORK_DIR/started" ] || { echo "agents not started yet"; exit 1; }
armed=0
for dir in "$WORK_DIR"/svc/*/; do
    [ -d "$dir" ] || continue
    armed=$((armed + 1))
    svc=$(basename "$dir")
    if [ -f "$dir/failed" ]; then
        echo "$svc: rendering failed (see container logs)"
        exit 1
    fi
    [ -f "$dir/rendered" ] || { echo "$svc: still rendering"; exit 1; }
done
[ "$armed" -gt 0 ] || { echo "no service was armed: the app must arm before starting vault-agent"; exit 1; }
echo "$armed service(s) rendered"
