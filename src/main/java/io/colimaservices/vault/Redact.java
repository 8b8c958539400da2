package io.colimaservices.vault;

import java.util.Collection;

/** Last line of defence for messages that quote another system (Vault's errors): removes any secret we know. */
public final class Redact {
    public static final String MASK = "[redacted]";

    private Redact() {
    }

    public static String scrub(String message, Collection<String> secrets) {
        String result = message == null ? "" : message;
        for (String secret : secrets) {
            if (secret != null && secret.length() >= 4) {
                result = result.replace(secret, MASK);
            }
        }
        return result;
    }
}
