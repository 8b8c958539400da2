package io.colimaservices.domain;

import java.util.List;
import java.util.Objects;

/**
 * What {@code sys/init} returned: the unseal key shares and the initial root token. {@link #toString()} never
 * shows them, so a stray log line or debugger print cannot leak them.
 */
public record InitResult(List<String> shares, int threshold, String rootToken) {
    public InitResult {
        shares = List.copyOf(shares);
        Objects.requireNonNull(rootToken, "rootToken");
        if (shares.isEmpty() || threshold < 1 || threshold > shares.size()) {
            throw new IllegalArgumentException("threshold " + threshold + " of " + shares.size() + " shares");
        }
    }

    @Override
    public String toString() {
        return "InitResult[" + shares.size() + " shares, threshold " + threshold + ", root token (hidden)]";
    }
}
