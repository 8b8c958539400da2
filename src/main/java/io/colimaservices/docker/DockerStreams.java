package io.colimaservices.docker;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.transport.DockerHttpClient;
import io.colimaservices.domain.EngineEventListener;
import io.colimaservices.domain.LogFrameSink;
import io.colimaservices.domain.LogRequest;
import io.colimaservices.domain.Subscription;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Long-lived streams read straight from the transport, each on its own virtual thread: the events stream (one JSON
 * object per message) and container logs (frames with their boundaries kept). The streaming client has a connect
 * deadline but no read deadline: a quiet stream is normal.
 */
final class DockerStreams implements java.io.Closeable {
    private static final List<String> EVENTS = List.of("create", "start", "restart", "die", "stop", "kill", "oom",
            "health_status", "pause", "unpause", "destroy");

    private final DockerHttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    DockerStreams(DockerHttpClient http) {
        this.http = http;
    }

    Subscription events(String project, EngineEventListener listener) {
        String filters;
        try {
            filters = json.writeValueAsString(Map.of(
                    "type", List.of("container"),
                    "label", List.of(ComposeLabels.PROJECT + "=" + project),
                    "event", EVENTS));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String path = "/events?filters=" + URLEncoder.encode(filters, StandardCharsets.UTF_8);
        return stream("docker-events", path, (body, closed) -> {
            listener.onConnected();
            try (JsonParser parser = json.getFactory().createParser(body);
                 MappingIterator<JsonNode> messages = json.readValues(parser, JsonNode.class)) {
                while (!closed.get() && messages.hasNextValue()) {
                    EventDecoder.decode(messages.nextValue()).ifPresent(listener::onEvent);
                }
            }
        }, listener::onClosed);
    }

    Subscription logs(String containerId, LogRequest request, LogFrameSink sink) {
        StringBuilder path = new StringBuilder("/containers/").append(containerId)
                .append("/logs?stdout=1&stderr=1&timestamps=").append(request.timestamps() ? 1 : 0)
                .append("&follow=").append(request.follow() ? 1 : 0)
                .append("&tail=").append(request.tail() == LogRequest.ALL_SINCE ? "all" : String.valueOf(request.tail()));
        request.since().ifPresent(since -> path.append("&since=").append(since.getEpochSecond()).append('.')
                .append(String.format("%09d", since.getNano())));
        return stream("docker-logs-" + containerId.substring(0, Math.min(12, containerId.length())), path.toString(),
                (body, closed) -> StreamReader.pump(new BufferedInputStream(body, 1 << 16), sink), sink::onClosed);
    }

    private interface BodyReader {
        void read(InputStream body, AtomicBoolean closed) throws IOException;
    }

    private Subscription stream(String name, String path, BodyReader reader,
                                java.util.function.Consumer<Optional<Throwable>> onClosed) {
        AtomicBoolean closed = new AtomicBoolean();
        AtomicReference<DockerHttpClient.Response> open = new AtomicReference<>();
        Thread.ofVirtual().name(name).start(() -> {
            Optional<Throwable> failure = Optional.empty();
            DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                    .method(DockerHttpClient.Request.Method.GET).path(path).build();
            try (DockerHttpClient.Response response = http.execute(request)) {
                open.set(response);
                if (closed.get()) {
                    return;
                }
                if (response.getStatusCode() / 100 != 2) {
                    String body = new String(response.getBody().readNBytes(2_000), StandardCharsets.UTF_8);
                    throw new IOException("HTTP " + response.getStatusCode() + ": " + body.strip());
                }
                reader.read(response.getBody(), closed);
            } catch (IOException | RuntimeException e) {
                failure = Optional.of(e);
            } finally {
                if (!closed.getAndSet(true)) {
                    onClosed.accept(failure);
                }
            }
        });
        return () -> {
            if (!closed.getAndSet(true)) {
                DockerHttpClient.Response response = open.get();
                if (response != null) {
                    response.close();
                }
            }
        };
    }

    @Override
    public void close() {
        try {
            http.close();
        } catch (IOException ignored) {
            // closing a pool of idle connections cannot fail in a way worth reporting
        }
    }
}
