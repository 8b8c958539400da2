package io.colimaservices.vault;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.colimaservices.domain.UserError;
import io.github.jopenlibs.vault.SslConfig;
import io.github.jopenlibs.vault.VaultException;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one HTTP client every Vault call goes through (the driver's included): one connection pool, a connect
 * timeout, and a deadline on every request. Raw calls use this class directly where the driver has no endpoint
 * (sys/init, policies, AppRole with response wrapping, PKI, token create) or where its implementation builds a
 * fresh HttpClient per request and so ignores ours (its {@code Seal}, {@code Mounts} and {@code Wrapping} classes in
 * 6.2.1 call {@code new Rest()}).
 *
 * <p>Request and response bodies may hold secrets: they are never logged, and error messages are built from
 * Vault's {@code errors} list only (Vault does not echo submitted values there).
 */
public final class VaultHttp implements AutoCloseable {
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    static final ObjectMapper MAPPER = new ObjectMapper();

    private final VaultEndpoint endpoint;
    private HttpClient client;
    private final Duration requestTimeout;

    /** A response: the status and the parsed body ({@link MissingNode} when there was none). */
    public record Response(int status, JsonNode body) {
        public boolean ok() {
            return status == 200 || status == 204;
        }

        /** Vault's {@code errors} list, joined (empty when it gave none, as on a plain 404). */
        public String errors() {
            List<String> list = new ArrayList<>();
            body.path("errors").forEach(e -> list.add(e.asText()));
            return String.join("; ", list);
        }
    }

    public VaultHttp(VaultEndpoint endpoint) {
        this(endpoint, REQUEST_TIMEOUT);
    }

    public VaultHttp(VaultEndpoint endpoint, Duration requestTimeout) {
        this.endpoint = endpoint;
        this.requestTimeout = requestTimeout;
    }

    public VaultEndpoint endpoint() {
        return endpoint;
    }

    /**
     * The shared client, for the driver's {@code VaultConfig.httpClient}. Built on the first call, not in the
     * constructor: building it sets up the JDK's TLS defaults and security providers (a quarter of a second), which
     * must not happen on the thread that starts the app.
     */
    synchronized HttpClient client() {
        if (client == null) {
            HttpClient.Builder builder = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(CONNECT_TIMEOUT)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .executor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
            endpoint.caFile().ifPresent(ca -> builder.sslContext(sslContextTrusting(ca)));
            client = builder.build();
        }
        return client;
    }

    Duration requestTimeout() {
        return requestTimeout;
    }

    public Response get(String path, Optional<String> token) {
        return send("GET", path, token, null, Map.of());
    }

    public Response post(String path, Optional<String> token, Object body) {
        return send("POST", path, token, body, Map.of());
    }

    public Response put(String path, Optional<String> token, Object body) {
        return send("PUT", path, token, body, Map.of());
    }

    /**
     * One request to {@code /v1/<path>}.
     *
     * @throws UserError of kind VAULT when Vault cannot be reached in time
     */
    public Response send(String method, String path, Optional<String> token, Object body,
                         Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(requestTimeout);
        token.filter(t -> !t.isEmpty()).ifPresent(t -> request.header("X-Vault-Token", t));
        headers.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofByteArray(json(body)));
        }
        try {
            HttpResponse<byte[]> response = client().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), parse(response.body()));
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError(UserError.Kind.VAULT, "interrupted while talking to Vault at " + endpoint.display());
        }
    }

    URI uri(String path) {
        return URI.create(endpoint.display() + "/v1/" + (path.startsWith("/") ? path.substring(1) : path));
    }

    /** The message for a Vault that does not answer: names the address, never a request body. */
    public VaultUnreachable unreachable(Exception e) {
        String why = switch (e) {
            case HttpConnectTimeoutException t -> "no connection within " + CONNECT_TIMEOUT.toSeconds() + " s";
            case HttpTimeoutException t -> "no answer within " + requestTimeout.toSeconds() + " s";
            case ConnectException c -> "connection refused";
            default -> e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        };
        return new VaultUnreachable("Vault unreachable at " + endpoint.display() + " (" + why + ")",
                "start the stack's vault service, or point --vault-addr at a running Vault");
    }

    static byte[] json(Object body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a request body", e);
        }
    }

    static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            // Not JSON (a PEM endpoint, or a proxy's HTML page): keep the text as a string node.
            return MAPPER.getNodeFactory().textNode(new String(body, StandardCharsets.UTF_8));
        }
    }

    private static SSLContext sslContextTrusting(java.nio.file.Path caFile) {
        try {
            // verify(true) explicitly: SslConfig would otherwise consult VAULT_SSL_VERIFY in the environment.
            return new SslConfig().verify(true).pemFile(caFile.toFile()).build().getSslContext();
        } catch (VaultException e) {
            throw new UserError(UserError.Kind.CONFIGURATION, "--vault-ca '" + caFile + "' is not a PEM CA certificate",
                    "give the PEM file of the CA that signed Vault's certificate", e);
        }
    }

    @Override
    public void close() {
        HttpClient built;
        synchronized (this) {
            built = client;
        }
        if (built != null) {
            built.close();
        }
    }
}
