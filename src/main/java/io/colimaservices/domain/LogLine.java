package io.colimaservices.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of a service's log: when Docker received it, from which output, and its text as written (ANSI colour
 * codes included; faces parse or strip them).
 */
public record LogLine(String service, Instant time, LogSource source, String text) {
    public LogLine {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
    }
}
