#!/bin/sh
# Forgejo entrypoint wrapper (rootful image, runs as root until s6 drops to git).
# Forgejo's database login is secret/postgresql (username/password rendered into
# this service's volume); its TLS switch is secret/forgejo's tls_enabled. Both
# reach Forgejo as FORGEJO__section__KEY variables, which the image's setup
# writes into /data/gitea/conf/app.ini on every start (so toggling TLS back
# off rewrites PROTOCOL too). Forgejo serves HTTP or HTTPS on the same port.
#
# Compose sets INSTALL_LOCK (no install wizard); the web admin is created by the
# forgejo-admin-init one-shot. Without the wizard nothing writes a SECRET_KEY,
# and Forgejo would fall back to a key every installation shares: a fresh one
# is generated here once and kept in app.ini, like the INTERNAL_TOKEN Forgejo
# generates itself.
set -eu
SECRETS=/run/secrets/colima
CONFIG=${GITEA_CUSTOM:-/data/gitea}/conf/app.ini

for f in username password tls_enabled; do
    if [ ! -s "$SECRETS/$f" ]; then
        echo "forgejo: $SECRETS/$f is missing: is vault-agent armed and healthy?" >&2
        exit 1
    fi
done

FORGEJO__database__USER=$(cat "$SECRETS/username")
FORGEJO__database__PASSWD=$(cat "$SECRETS/password")
export FORGEJO__database__USER FORGEJO__database__PASSWD

# SECRET_KEY (or SECRET_KEY_URI) with a value in app.ini: keep it. Otherwise
# hand the image's setup a new one (it writes FORGEJO__* into app.ini).
if ! grep -Eq '^[[:space:]]*SECRET_KEY(_URI)?[[:space:]]*=[[:space:]]*[^[:space:]]' "$CONFIG" 2>/dev/null; then
    echo "forgejo: generating SECRET_KEY (kept in $CONFIG)"
    FORGEJO__security__SECRET_KEY=$(tr -dc 'A-Za-z0-9' </dev/urandom | head -c 64)
    export FORGEJO__security__SECRET_KEY
fi

http_port=${FORGEJO_HOST_HTTP_PORT:-3000}
if [ "$(cat "$SECRETS/tls_enabled")" = "true" ]; then
    for f in cert.pem key.pem; do
        if [ ! -s "$SECRETS/tls/$f" ]; then
            echo "forgejo: tls_enabled=true but $SECRETS/tls/$f is empty: issue the certificate first" >&2
            exit 1
        fi
    done
    echo "forgejo: HTTPS on 3000"
    FORGEJO__server__PROTOCOL=https
    FORGEJO__server__CERT_FILE=$SECRETS/tls/cert.pem
    FORGEJO__server__KEY_FILE=$SECRETS/tls/key.pem
    FORGEJO__server__ROOT_URL="https://localhost:${http_port}/"
    export FORGEJO__server__CERT_FILE FORGEJO__server__KEY_FILE
else
    echo "forgejo: HTTP on 3000"
    FORGEJO__server__PROTOCOL=http
    FORGEJO__server__ROOT_URL="http://localhost:${http_port}/"
fi
export FORGEJO__server__PROTOCOL FORGEJO__server__ROOT_URL

exec /usr/bin/entrypoint "$@"
