package io.colimaservices.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The shapes a service's connection string comes in (the CLI's {@code creds --format}). */
public enum ConnectionFormat {
    URL, JDBC, ENV, JSON;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code url}, {@code jdbc}, {@code env} or {@code json}, any case. */
    public static ConnectionFormat parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserError(UserError.Kind.CONFIGURATION, "unknown format '" + text + "'",
                    "formats: url, jdbc, env, json");
        }
    }

    /** Whether a service of {@code kind} has this format: clients of a server only, JDBC for SQL databases only. */
    public boolean supports(ConnectionKind kind) {
        boolean client = switch (kind) {
            case POSTGRESQL, MYSQL, MONGODB, REDIS, AMQP, GIT -> true;
            case HTTP, VAULT -> false;
        };
        return client && (this != JDBC || kind == ConnectionKind.POSTGRESQL || kind == ConnectionKind.MYSQL);
    }

    /** The formats a service of {@code kind} has, in this order. */
    public static List<ConnectionFormat> of(ConnectionKind kind) {
        return Arrays.stream(values()).filter(f -> f.supports(kind)).toList();
    }
}
