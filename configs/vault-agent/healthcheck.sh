#!/bin/sh
# Health of the vault-agent container: healthy when this start armed at least
# one service and every armed service's agent rendered all of its files
# (run-agents.sh leaves a "rendered" marker per service, "failed" otherwise).
set -eu
WORK_DIR=${VAULT_AGENT_WORK_DIR:-/run/vault-agent}

[ -f "$WORK_DIR/started" ] || { echo "agents not started yet"; exit 1; }
armed=0
failed=""
rendering=""
for dir in "$WORK_DIR"/svc/*/; do
    [ -d "$dir" ] || continue
    armed=$((armed + 1))
    svc=$(basename "$dir")
    if [ -f "$dir/failed" ]; then
        # The marker's line says why (see start_agent in run-agents.sh).
        echo "$svc: template rendering failed: $(head -n 1 "$dir/failed")"
        failed="$failed $svc"
    elif [ ! -f "$dir/rendered" ]; then
        rendering="$rendering $svc"
    fi
done
[ "$armed" -gt 0 ] || { echo "no service was armed: the app must arm before starting vault-agent"; exit 1; }
if [ -n "$failed" ]; then
    echo "rendering failed for:$failed (container log: lines starting [<service>])"
    exit 1
fi
if [ -n "$rendering" ]; then
    echo "still rendering:$rendering"
    exit 1
fi
echo "$armed service(s) rendered"
