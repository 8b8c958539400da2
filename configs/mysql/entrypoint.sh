#!/bin/sh
# MySQL entrypoint wrapper: credentials come from the vault-agent files through
# the image's *_FILE variables (MYSQL_ROOT_PASSWORD_FILE, MYSQL_USER_FILE, ...);
# this only decides TLS from secret/mysql's tls_enabled, then hands over to the
# image's docker-entrypoint.sh.
set -eu
SECRETS=/run/secrets/colima

for f in root_password username password database tls_enabled; do
    if [ ! -s "$SECRETS/$f" ]; then
        echo "mysql: $SECRETS/$f is missing: is vault-agent armed and healthy?" >&2
        exit 1
    fi
done

if [ "$(cat "$SECRETS/tls_enabled")" = "true" ]; then
    for f in cert.pem key.pem ca.pem; do
        if [ ! -s "$SECRETS/tls/$f" ]; then
            echo "mysql: tls_enabled=true but $SECRETS/tls/$f is empty: issue the certificate first" >&2
            exit 1
        fi
    done
    echo "mysql: TLS on with the Vault-issued certificate (port 3306, TLS optional for clients)"
    set -- "$@" \
        "--ssl-cert=$SECRETS/tls/cert.pem" \
        "--ssl-key=$SECRETS/tls/key.pem" \
        "--ssl-ca=$SECRETS/tls/ca.pem"
else
    # MySQL 8 would otherwise serve TLS with its own self-signed certificate;
    # an empty tls_version is the documented way to switch TLS off.
    echo "mysql: TLS off"
    set -- "$@" "--tls-version="
fi

exec docker-entrypoint.sh "$@"
