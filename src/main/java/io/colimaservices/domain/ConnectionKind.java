package io.colimaservices.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kind of client a service speaks to, read from {@code io.colima-services.connection}. */
public enum ConnectionKind {
    POSTGRESQL, MYSQL, MONGODB, REDIS, AMQP, HTTP, VAULT, GIT;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ConnectionKind> fromLabel(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.label().equals(wanted)).findFirst();
    }
}
