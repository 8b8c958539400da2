package io.colimaservices.domain;

import java.util.Locale;

/** Vault's state as the app sees it. */
public enum VaultPhase {
    /** Not asked yet. */
    UNKNOWN,
    /** Unreachable: the container is down or the address is wrong. */
    DOWN,
    UNINITIALIZED,
    SEALED,
    UNSEALED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
