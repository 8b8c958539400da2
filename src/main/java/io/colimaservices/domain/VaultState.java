package io.colimaservices.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * Vault's seal state, from {@code /v1/sys/seal-status}.
 *
 * @param progress unseal shares submitted so far (while sealed)
 * @param standby true for an unsealed standby node of an HA cluster
 */
public record VaultState(String address, VaultPhase phase, int progress, int threshold, int shares,
                         Optional<String> version, boolean standby, Optional<String> error) {
    public VaultState {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(error, "error");
    }

    public static VaultState unknown(String address) {
        return new VaultState(address, VaultPhase.UNKNOWN, 0, 0, 0, Optional.empty(), false, Optional.empty());
    }

    public static VaultState down(String address, String error) {
        return new VaultState(address, VaultPhase.DOWN, 0, 0, 0, Optional.empty(), false, Optional.ofNullable(error));
    }
}
