package io.colimaservices.domain;

import java.util.Locale;

/** The shapes a service's connection string comes in (the CLI's {@code creds --format}). */
public enum ConnectionFormat {
    URL, JDBC, ENV, JSON;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
