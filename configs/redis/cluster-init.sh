#!/bin/sh
# redis-cluster-init: one-shot that forms (or completes) the Redis cluster from
# the nodes that are running. Safe to run any number of times.
#
#   nothing formed yet, all 3 nodes up   -> redis-cli --cluster create (3 masters)
#   nothing formed yet, fewer nodes up   -> the first node takes all 16384 slots
#                                           (minimal tier runs redis-1 alone)
#   cluster formed, an empty node is up  -> add it as a master and rebalance
#                                           (minimal -> standard)
#   cluster formed, every node in it     -> nothing to do
#
# A node "is expected" when its service name resolves: Docker's DNS only knows
# running containers, so a node of a tier that is not started is skipped
# quickly, while a started one gets time to come up.
# Runs in the redis image (busybox sh + redis-cli). The password comes from the
# vault-agent file of redis-1 (one password is shared by the three nodes).
set -eu

PASSWORD_FILE=${REDIS_PASSWORD_FILE:-/run/secrets/colima/password}
# name=ip:port; IPs because CLUSTER MEET needs addresses, names for presence.
# Set by compose from the nodes' static addresses (COLIMA_SERVICES_NET): no
# default here, so a changed subnet cannot leave a stale list behind.
NODES=${REDIS_CLUSTER_NODES:?set REDIS_CLUSTER_NODES to "name=ip:port ..." (compose/docker-compose.yml does)}
WAIT=${REDIS_CLUSTER_WAIT_SECONDS:-90}        # for a node that resolves
ABSENT_GRACE=${REDIS_CLUSTER_ABSENT_GRACE:-10} # for a name that does not
TOTAL_SLOTS=16384

log() { printf 'redis-cluster-init: %s\n' "$*"; }

if [ ! -s "$PASSWORD_FILE" ]; then
    log "$PASSWORD_FILE is missing: is vault-agent armed and healthy?"
    exit 1
fi
REDISCLI_AUTH=$(cat "$PASSWORD_FILE")
export REDISCLI_AUTH

rc() { # rc <ip:port> <command...>
    _addr=$1
    shift
    redis-cli --no-auth-warning -h "${_addr%:*}" -p "${_addr##*:}" "$@"
}

# info_field <ip:port> <field>: one field of CLUSTER INFO (CRLF stripped).
info_field() {
    rc "$1" cluster info 2>/dev/null | tr -d '\r' | sed -n "s/^$2://p"
}

is_up() { [ "$(rc "$1" ping 2>/dev/null)" = "PONG" ]; }

resolves() {
    # No resolver tool in the image: assume the node is expected.
    command -v nslookup >/dev/null 2>&1 || return 0
    nslookup "$1" >/dev/null 2>&1
}

# --- which nodes are up -------------------------------------------------------
up=""
absent=""
for node in $NODES; do
    name=${node%%=*}
    addr=${node#*=}
    start=$(date +%s)
    state=absent
    while :; do
        if is_up "$addr"; then
            state=up
            break
        fi
        now=$(date +%s)
        if resolves "$name"; then
            [ $((now - start)) -lt "$WAIT" ] || break
        else
            [ $((now - start)) -lt "$ABSENT_GRACE" ] || break
        fi
        sleep 2
    done
    if [ "$state" = up ]; then
        up="$up $addr"
        log "$name ($addr) is up"
    else
        absent="$absent $name"
        log "$name ($addr) is not running: skipped"
    fi
done
up=${up# }
if [ -z "$up" ]; then
    log "no Redis node answers"
    exit 1
fi

# --- find a node that already belongs to a formed cluster --------------------
seed=""
for addr in $up; do
    assigned=$(info_field "$addr" cluster_slots_assigned)
    if [ "${assigned:-0}" -gt 0 ]; then
        seed=$addr
        break
    fi
done

# shellcheck disable=SC2086 # one positional parameter per node
set -- $up
if [ -z "$seed" ]; then
    if [ $# -ge 3 ]; then
        log "creating a cluster of $# masters: $up"
        # shellcheck disable=SC2086 # one argument per node
        redis-cli --no-auth-warning --cluster create $up --cluster-replicas 0 --cluster-yes
        seed=$1
    else
        seed=$1
        log "only $# node(s) up: $seed takes all $TOTAL_SLOTS slots"
        rc "$seed" cluster addslotsrange 0 $((TOTAL_SLOTS - 1)) >/dev/null
    fi
fi

# A node just added is in "handshake" until gossip completes; adding the next
# node or rebalancing before every node agrees fails (or ignores the new one).
# Settled: every running member knows as many nodes as the seed, none is
# still in handshake, each added node is a master, and slot maps agree.
settled() {
    _nodes=$(rc "$seed" cluster nodes) || return 1
    case $_nodes in *handshake* | *noaddr*) return 1 ;; esac
    for _a in $added; do
        printf '%s\n' "$_nodes" | grep " ${_a}@" | grep -q master || return 1
    done
    _want=$(info_field "$seed" cluster_known_nodes)
    for _a in $members; do
        [ "$(info_field "$_a" cluster_known_nodes)" = "$_want" ] || return 1
        case $(rc "$_a" cluster nodes) in *handshake*) return 1 ;; esac
    done
    ! redis-cli --no-auth-warning --cluster check "$seed" 2>/dev/null | grep -q "Nodes don't agree"
}
wait_settled() {
    _deadline=$(($(date +%s) + 60))
    until settled; do
        if [ "$(date +%s)" -ge "$_deadline" ]; then
            log "the cluster did not settle within 60s"
            return 1
        fi
        sleep 1
    done
}

# --- add nodes that are up but not part of the cluster -----------------------
added=""
members=$seed
for addr in $up; do
    [ "$addr" != "$seed" ] || continue
    # A node the seed already knows (connected or not) is a member.
    if rc "$seed" cluster nodes | grep -q " ${addr}@"; then
        members="$members $addr"
        continue
    fi
    known=$(info_field "$addr" cluster_known_nodes)
    assigned=$(info_field "$addr" cluster_slots_assigned)
    if [ "${known:-1}" -gt 1 ] || [ "${assigned:-0}" -gt 0 ]; then
        log "$addr belongs to another cluster: left alone (reset it or drop its volume)"
        continue
    fi
    log "adding $addr as a master"
    redis-cli --no-auth-warning --cluster add-node "$addr" "$seed"
    added="$added $addr"
    members="$members $addr"
    wait_settled
done

# --- spread slots over empty masters ------------------------------------------

wait_settled
empty_masters=$(rc "$seed" cluster nodes | awk '$3 ~ /master/ && $3 !~ /fail/ && NF == 8' | wc -l)
if [ -n "$added" ] || [ "$empty_masters" -gt 0 ]; then
    log "rebalancing slots over the masters"
    # Capture, then print without the per-slot progress bars.
    if ! out=$(redis-cli --no-auth-warning --cluster rebalance "$seed" --cluster-use-empty-masters 2>&1); then
        printf '%s\n' "$out"
        log "rebalance failed"
        exit 1
    fi
    printf '%s\n' "$out" | grep -v '^#*$' || true
fi

# --- report --------------------------------------------------------------------
deadline=$(($(date +%s) + 60))
state=$(info_field "$seed" cluster_state)
while [ "$state" != ok ] && [ "$(date +%s)" -lt "$deadline" ]; do
    sleep 2
    state=$(info_field "$seed" cluster_state)
done
log "cluster_state=$state, slots assigned=$(info_field "$seed" cluster_slots_assigned), nodes=$(info_field "$seed" cluster_known_nodes)"
if [ "$state" != ok ]; then
    if [ -n "$absent" ]; then
        log "slots owned by stopped nodes ($absent) are unavailable until they run again"
        exit 0
    fi
    exit 1
fi
