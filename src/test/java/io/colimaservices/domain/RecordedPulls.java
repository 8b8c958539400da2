package io.colimaservices.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Pull streams recorded from Docker 20.10 ({@code POST /images/create} against the loopback registry), read the
 * way the adapter reads them: one {@link PullEvent} per message.
 */
final class RecordedPulls {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RecordedPulls() {
    }

    static List<PullEvent> events(String resource, String image) {
        try (InputStream in = RecordedPulls.class.getResourceAsStream("/pull/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no recording " + resource);
            }
            List<PullEvent> events = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                JsonNode m = JSON.readTree(line);
                JsonNode detail = m.path("progressDetail");
                events.add(PullEvent.fromEngine(image, m.hasNonNull("id") ? m.get("id").asText() : null,
                        m.path("status").asText(null),
                        detail.hasNonNull("current") ? detail.get("current").asLong() : null,
                        detail.hasNonNull("total") ? detail.get("total").asLong() : null));
            }
            return events;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
