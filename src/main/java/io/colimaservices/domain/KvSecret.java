package io.colimaservices.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of a KV v2 secret: its fields (JSON types kept: strings, booleans, numbers) and the version number
 * a check-and-set write must name. {@link #toString()} lists field names only.
 *
 * @param version the secret's current version; 0 when it does not exist (a {@code cas} of 0 then means "create")
 */
public record KvSecret(String path, Map<String, Object> data, long version) {
    public KvSecret {
        Objects.requireNonNull(path, "path");
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    public static KvSecret absent(String path, long version) {
        return new KvSecret(path, Map.of(), version);
    }

    public boolean exists() {
        return !data.isEmpty();
    }

    public Optional<String> text(String field) {
        Object value = data.get(field);
        return value == null ? Optional.empty() : Optional.of(String.valueOf(value));
    }

    /** {@code tls_enabled} as stored: a JSON boolean, or (written by hand) the string "true"/"false". */
    public Optional<Boolean> flag(String field) {
        Object value = data.get(field);
        if (value instanceof Boolean b) {
            return Optional.of(b);
        }
        if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Optional.of(Boolean.parseBoolean(s));
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "KvSecret[secret/" + path + " v" + version + " fields " + data.keySet() + "]";
    }
}
