package io.colimaservices.domain;

import java.util.List;
import java.util.Objects;

/**
 * What a trust store says about the stack's root CA.
 *
 * @param store    which store ("the NSS database sql:/home/me/.pki/nssdb")
 * @param detail   one line in words
 * @param commands when the store cannot be asked or changed here, the exact commands that would do what was asked
 *                 (shown to the user to run themselves); empty otherwise
 */
public record TrustReport(Trust trust, String store, String detail, List<String> commands) {

    public enum Trust {
        TRUSTED, NOT_TRUSTED,
        /** The store or its tool is missing: nothing could be read or changed. */
        UNKNOWN;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public TrustReport {
        Objects.requireNonNull(trust, "trust");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(detail, "detail");
        commands = List.copyOf(commands);
    }

    public boolean trusted() {
        return trust == Trust.TRUSTED;
    }
}
