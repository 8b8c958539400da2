#!/bin/sh
# Redis node entrypoint wrapper (redis:*-alpine image, busybox sh).
# Starts redis-server with the shared redis.conf, this node's port
# (REDIS_PORT) and, when secret/redis-N says tls_enabled=true, a TLS port
# (REDIS_TLS_PORT) next to the plain one. The password is included by
# redis.conf from the vault-agent file, never passed on the command line.
set -eu
SECRETS=/run/secrets/colima
: "${REDIS_PORT:?REDIS_PORT must be set}"
: "${REDIS_TLS_PORT:?REDIS_TLS_PORT must be set}"

for f in redis-auth.conf tls_enabled; do
    if [ ! -s "$SECRETS/$f" ]; then
        echo "redis: $SECRETS/$f is missing: is vault-agent armed and healthy?" >&2
        exit 1
    fi
done

set -- redis-server /usr/local/etc/redis/redis.conf --port "$REDIS_PORT"

if [ "$(cat "$SECRETS/tls_enabled")" = "true" ]; then
    for f in cert.pem key.pem ca.pem; do
        if [ ! -s "$SECRETS/tls/$f" ]; then
            echo "redis: tls_enabled=true but $SECRETS/tls/$f is empty: issue the certificate first" >&2
            exit 1
        fi
    done
    echo "redis: plain on $REDIS_PORT, TLS on $REDIS_TLS_PORT"
    set -- "$@" \
        --tls-port "$REDIS_TLS_PORT" \
        --tls-cert-file "$SECRETS/tls/cert.pem" \
        --tls-key-file "$SECRETS/tls/key.pem" \
        --tls-ca-cert-file "$SECRETS/tls/ca.pem" \
        --tls-auth-clients optional
else
    echo "redis: plain on $REDIS_PORT, TLS off"
fi

# The image's entrypoint drops to the redis user (and fixes /data ownership).
exec docker-entrypoint.sh "$@"
