#!/bin/sh
# MongoDB entrypoint wrapper: the root user comes from the vault-agent files
# through the image's MONGO_INITDB_ROOT_USERNAME_FILE / _PASSWORD_FILE; this
# only adds TLS (preferTLS: TLS and plain both accepted on 27017) when
# secret/mongodb says tls_enabled=true, then hands over to the image's
# docker-entrypoint.sh.
set -eu
SECRETS=/run/secrets/colima

for f in username password database tls_enabled; do
    if [ ! -s "$SECRETS/$f" ]; then
        echo "mongodb: $SECRETS/$f is missing: is vault-agent armed and healthy?" >&2
        exit 1
    fi
done

if [ "$(cat "$SECRETS/tls_enabled")" = "true" ]; then
    for f in bundle.pem ca.pem; do
        if [ ! -s "$SECRETS/tls/$f" ]; then
            echo "mongodb: tls_enabled=true but $SECRETS/tls/$f is empty: issue the certificate first" >&2
            exit 1
        fi
    done
    echo "mongodb: TLS on (preferTLS on 27017)"
    # mongod wants certificate chain and key in one file: tls/bundle.pem.
    set -- "$@" \
        --tlsMode preferTLS \
        --tlsCertificateKeyFile "$SECRETS/tls/bundle.pem" \
        --tlsCAFile "$SECRETS/tls/ca.pem" \
        --tlsAllowConnectionsWithoutCertificates
else
    echo "mongodb: TLS off"
fi

exec docker-entrypoint.sh "$@"
