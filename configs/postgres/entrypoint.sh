#!/bin/sh
# PostgreSQL entrypoint wrapper: credentials come from the vault-agent files
# through the image's own *_FILE support (POSTGRES_USER_FILE, ...); this only
# adds TLS when secret/postgresql says tls_enabled=true, then hands over to the
# image's docker-entrypoint.sh. TLS is optional for clients (sslmode=prefer
# works either way): plain and TLS share port 5432.
set -eu
SECRETS=/run/secrets/colima

for f in username password database tls_enabled; do
    if [ ! -s "$SECRETS/$f" ]; then
        echo "postgres: $SECRETS/$f is missing: is vault-agent armed and healthy?" >&2
        exit 1
    fi
done

if [ "$(cat "$SECRETS/tls_enabled")" = "true" ]; then
    for f in cert.pem key.pem ca.pem; do
        if [ ! -s "$SECRETS/tls/$f" ]; then
            echo "postgres: tls_enabled=true but $SECRETS/tls/$f is empty: issue the certificate first" >&2
            exit 1
        fi
    done
    echo "postgres: TLS on (port 5432 accepts TLS and plain)"
    # key.pem is rendered owned by uid 999 (postgres), mode 0400, which is
    # what PostgreSQL demands of ssl_key_file.
    set -- "$@" \
        -c ssl=on \
        -c "ssl_cert_file=$SECRETS/tls/cert.pem" \
        -c "ssl_key_file=$SECRETS/tls/key.pem" \
        -c "ssl_ca_file=$SECRETS/tls/ca.pem"
else
    echo "postgres: TLS off"
fi

exec docker-entrypoint.sh "$@"
