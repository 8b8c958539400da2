package io.colimaservices.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/**
 * Builds docker-java clients with deadlines. docker-java sets no timeouts unless told, so every client here has
 * a connect timeout; request clients also have a read timeout. Streams (events, logs) cannot have one, since
 * a quiet stream is normal: they rely on reconnection and the periodic re-list instead.
 */
final class DockerClients {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** A directory that never exists: see {@link #config}. */
    private static final String NO_DOCKER_CONFIG = Path.of(System.getProperty("java.io.tmpdir"),
            "colima-services-docker-java-reads-no-config-" + UUID.randomUUID()).toString();

    private DockerClients() {
    }

    /** For quick calls (version, list, inspect): an answer in a few seconds or the engine counts as down. */
    static DockerClient quick(DockerHost host) {
        return build(host, Duration.ofSeconds(5), 8);
    }

    /** For calls that legitimately take long (stop with its grace period, restart, wait). */
    static DockerClient slow(DockerHost host) {
        return build(host, Duration.ofSeconds(90), 8);
    }

    /** Raw requests answered quickly (stats), read by our own code. */
    static DockerHttpClient quickHttp(DockerHost host) {
        return http(config(host), Duration.ofSeconds(5), 8);
    }

    /** For long-lived streams (events, logs), read by our own code: no read timeout. */
    static DockerHttpClient streaming(DockerHost host) {
        return http(config(host), Duration.ZERO, 64);
    }

    /** The engine is reached over TLS (DOCKER_TLS_VERIFY and DOCKER_CERT_PATH, as the docker CLI reads them). */
    static boolean usesTls(DockerHost host) {
        return config(host).getSSLConfig() != null;
    }

    private static DockerClient build(DockerHost host, Duration responseTimeout, int maxConnections) {
        DockerClientConfig config = config(host);
        return DockerClientImpl.getInstance(config, http(config, responseTimeout, maxConnections));
    }

    /** For pulls: a connect deadline, no read deadline (the pull decides when silence means a stall). */
    static DockerClient pulling(DockerHost host) {
        return build(host, Duration.ZERO, 8);
    }

    /**
     * The host and the TLS settings only. docker-java would also read the docker CLI's {@code config.json} (from the
     * JVM's home, not the app's environment): it fails the whole client on a file it cannot parse and ignores
     * credential helpers, so it is pointed at a directory that does not exist; registry logins come from
     * {@link DockerConfigCredentials}.
     */
    private static DockerClientConfig config(DockerHost host) {
        return DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(host.uri().toString())
                .withDockerConfig(NO_DOCKER_CONFIG)
                .build();
    }

    private static DockerHttpClient http(DockerClientConfig config, Duration responseTimeout, int maxConnections) {
        ApacheDockerHttpClient.Builder http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(maxConnections)
                .connectionTimeout(CONNECT_TIMEOUT);
        if (!responseTimeout.isZero()) {
            http.responseTimeout(responseTimeout);
        }
        return http.build();
    }
}
