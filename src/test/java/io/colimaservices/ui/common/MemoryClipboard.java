package io.colimaservices.ui.common;

import io.colimaservices.domain.ClipboardService;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A clipboard in memory that remembers how often it was written and cleared. */
public final class MemoryClipboard implements ClipboardService {
    private String text = "";
    private final List<String> puts = new ArrayList<>();
    private int clears;

    @Override
    public synchronized void put(String value) {
        text = value;
        puts.add(value);
    }

    @Override
    public synchronized Optional<String> read() {
        return Optional.of(text);
    }

    @Override
    public synchronized void clear() {
        text = "";
        clears++;
    }

    @Override
    public String description() {
        return "memory";
    }

    public synchronized String text() {
        return text;
    }

    public synchronized int clears() {
        return clears;
    }

    public synchronized List<String> puts() {
        return List.copyOf(puts);
    }
}
