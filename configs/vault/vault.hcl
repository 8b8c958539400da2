# Vault server for the Colima Services dev stack.
#
# Storage is the file backend on the `vault_data` volume: one node, no HA,
# which is all a laptop stack needs (see docs/stack.md). The app initialises,
# unseals and bootstraps this server over http://localhost:8200; no container
# ever receives the root token.

ui            = true
disable_mlock = true # file storage + dev VM; the container runs without IPC_LOCK

storage "file" {
  path = "/vault/file"
}

# Plain HTTP inside the private bridge network and on the host's loopback port.
# Vault's own TLS would need a certificate before the PKI that issues it
# exists, so the API stays plain; service TLS comes from pki_int/ instead.
listener "tcp" {
  address     = "0.0.0.0:8200"
  tls_disable = true

  # Prometheus scrapes /v1/sys/metrics without a token (nothing secret in it),
  # so no token has to be handed to the prometheus container.
  telemetry {
    unauthenticated_metrics_access = true
  }
}

# Optional TLS listener. To use it: issue a certificate for "vault" from
# pki_int/ (or any CA), put it where the container can read it (for example a
# read-only bind mount of ${COLIMA_SERVICES_RUNTIME}/vault-tls at
# /vault/tls), publish the port in compose/docker-compose.override.yml
# ("8210:8210") and uncomment:
#
# listener "tcp" {
#   address       = "0.0.0.0:8210"
#   tls_cert_file = "/vault/tls/cert.pem"
#   tls_key_file  = "/vault/tls/key.pem"
# }

# File storage is not HA, so no cluster_addr is needed.
api_addr = "http://vault:8200"

telemetry {
  prometheus_retention_time = "24h"
  disable_hostname          = true
}

log_level = "info"
