package io.colimaservices.domain;

import java.util.List;
import java.util.Locale;

/**
 * Which fields of a service's secret are secret: passwords, tokens, keys and the like are masked wherever they are
 * shown; a username or a database name is not (the connection string shows them, so masking them under Fields hid
 * nothing and only confused).
 */
public final class SecretFields {
    private static final List<String> SECRET_WORDS = List.of("password", "passwd", "pass", "token", "secret", "key",
            "credential", "cookie", "salt", "passphrase");

    private SecretFields() {
    }

    public static boolean isSecret(String field) {
        String name = field.toLowerCase(Locale.ROOT);
        return SECRET_WORDS.stream().anyMatch(name::contains);
    }
}
