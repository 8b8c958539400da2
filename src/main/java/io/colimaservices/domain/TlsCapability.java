package io.colimaservices.domain;

import java.util.List;

/**
 * Whether a service can serve TLS, and on which host ports when they differ from its plain ones
 * (Redis 6390-6392, RabbitMQ 5671). An empty port list with {@code capable} means TLS on the usual port.
 */
public record TlsCapability(boolean capable, List<Integer> tlsPorts) {
    public static final TlsCapability NONE = new TlsCapability(false, List.of());

    public TlsCapability {
        tlsPorts = List.copyOf(tlsPorts);
    }
}
