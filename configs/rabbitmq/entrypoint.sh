#!/bin/sh
# RabbitMQ entrypoint wrapper. The image (3.9+) no longer reads
# RABBITMQ_DEFAULT_*_FILE, so the default user, password and vhost from
# secret/rabbitmq are exported as RABBITMQ_DEFAULT_USER/PASS/VHOST here (read
# by rabbitmq-server on the first boot of an empty node). When tls_enabled is
# true, an AMQPS listener on 5671 is added next to plain AMQP on 5672.
set -eu
SECRETS=/run/secrets/colima
TLS_CONF=/etc/rabbitmq/conf.d/30-colima-tls.conf

for f in username password vhost tls_enabled; do
    if [ ! -s "$SECRETS/$f" ]; then
        echo "rabbitmq: $SECRETS/$f is missing: is vault-agent armed and healthy?" >&2
        exit 1
    fi
done

RABBITMQ_DEFAULT_USER=$(cat "$SECRETS/username")
RABBITMQ_DEFAULT_PASS=$(cat "$SECRETS/password")
RABBITMQ_DEFAULT_VHOST=$(cat "$SECRETS/vhost")
export RABBITMQ_DEFAULT_USER RABBITMQ_DEFAULT_PASS RABBITMQ_DEFAULT_VHOST

if [ "$(cat "$SECRETS/tls_enabled")" = "true" ]; then
    for f in cert.pem key.pem ca.pem; do
        if [ ! -s "$SECRETS/tls/$f" ]; then
            echo "rabbitmq: tls_enabled=true but $SECRETS/tls/$f is empty: issue the certificate first" >&2
            exit 1
        fi
    done
    echo "rabbitmq: AMQP on 5672, AMQPS on 5671"
    # Paths only; the container layer is fine for this file.
    cat > "$TLS_CONF" <<CONF
listeners.ssl.default = 5671
ssl_options.cacertfile = $SECRETS/tls/ca.pem
ssl_options.certfile = $SECRETS/tls/cert.pem
ssl_options.keyfile = $SECRETS/tls/key.pem
ssl_options.verify = verify_none
ssl_options.fail_if_no_peer_cert = false
CONF
else
    echo "rabbitmq: AMQP on 5672, TLS off"
    rm -f "$TLS_CONF"
fi

exec docker-entrypoint.sh "$@"
