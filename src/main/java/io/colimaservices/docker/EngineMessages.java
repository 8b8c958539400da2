package io.colimaservices.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.exception.DockerException;

import java.io.IOException;

/**
 * The engine's own words from a docker-java exception: docker-java puts the HTTP status and the raw body in the
 * message ({@code Status 404: {"message":"manifest for x:1 not found: manifest unknown"}}); the body's
 * {@code message} is what the engine said.
 */
final class EngineMessages {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EngineMessages() {
    }

    static String of(DockerException e) {
        String text = e.getMessage() == null ? "" : e.getMessage().strip();
        int brace = text.indexOf('{');
        if (brace >= 0) {
            try {
                JsonNode body = JSON.readTree(text.substring(brace));
                if (body != null && body.hasNonNull("message")) {
                    return body.get("message").asText().strip();
                }
            } catch (IOException notJson) {
                // fall through to the text as it is
            }
        }
        return text.replaceFirst("^Status \\d+: ", "");
    }
}
