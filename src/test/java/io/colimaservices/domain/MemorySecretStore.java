package io.colimaservices.domain;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A secret store in memory, for tests of what is kept in one. */
public final class MemorySecretStore implements SecretStore {
    private final Map<String, String> values = new TreeMap<>();

    @Override
    public synchronized Optional<String> read(String name) {
        return Optional.ofNullable(values.get(name));
    }

    @Override
    public synchronized void write(String name, String value) {
        values.put(name, value);
    }

    @Override
    public synchronized boolean delete(String name) {
        return values.remove(name) != null;
    }

    @Override
    public String description() {
        return "the test's memory";
    }

    @Override
    public boolean weaker() {
        return false;
    }

    public synchronized Map<String, String> all() {
        return Map.copyOf(values);
    }
}
