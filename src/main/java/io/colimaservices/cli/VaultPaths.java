package io.colimaservices.cli;

import io.colimaservices.domain.ServiceDefinition;
import io.colimaservices.domain.UserError;
import io.colimaservices.vault.VaultLayout;

import java.util.Optional;

/** Where a service's secret lives: the catalog's {@code io.colima-services.vault-path} label, else the contract's. */
final class VaultPaths {
    private static final String MOUNT_PREFIX = "secret/";

    private VaultPaths() {
    }

    static String credentialPath(String service, Optional<ServiceDefinition> definition) {
        Optional<String> fromLabel = definition.flatMap(ServiceDefinition::vaultPath)
                .map(p -> p.startsWith(MOUNT_PREFIX) ? p.substring(MOUNT_PREFIX.length()) : p);
        return fromLabel.or(() -> VaultLayout.service(service).map(VaultLayout.ServiceSpec::credentialPath))
                .orElseThrow(() -> new UserError(UserError.Kind.CONFIGURATION, service
                        + " keeps no secret in Vault", "services with secrets: " + String.join(", ",
                        VaultLayout.SERVICES.stream().map(VaultLayout.ServiceSpec::name).toList())));
    }
}
