package io.colimaservices.domain;

import java.util.Objects;

/**
 * A value with the version the store gave it when it was published: versions grow by one with every published
 * change, so of two values the one with the higher version is the newer.
 */
public record Versioned<T>(long version, T value) {
    public Versioned {
        Objects.requireNonNull(value, "value");
    }

    public boolean isNewerThan(Versioned<?> other) {
        return other == null || version > other.version;
    }
}
