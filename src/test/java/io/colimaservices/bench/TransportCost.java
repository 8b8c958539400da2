package io.colimaservices.bench;

import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;

import java.io.InputStream;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Raw read speed of a container's log: docker-java's transport against a plain JDK unix socket. */
public final class TransportCost {
    public static void main(String[] args) throws Exception {
        String id = args[0];
        String path = "/containers/" + id + "/logs?stdout=1&stderr=1&timestamps=1&tail=all";
        DockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(URI.create("unix:///var/run/docker.sock"))
                .sslConfig(DefaultDockerClientConfig.createDefaultConfigBuilder().build().getSSLConfig())
                .connectionTimeout(Duration.ofSeconds(2)).build();
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            long bytes = 0;
            try (DockerHttpClient.Response r = http.execute(DockerHttpClient.Request.builder()
                    .method(DockerHttpClient.Request.Method.GET).path(path).build())) {
                InputStream in = r.getBody();
                byte[] buf = new byte[1 << 16];
                int n;
                while ((n = in.read(buf)) > 0) {
                    bytes += n;
                }
            }
            System.out.printf("docker-java transport: %,d bytes in %.2f s%n", bytes, (System.nanoTime() - t0) / 1e9);
            t0 = System.nanoTime();
            bytes = 0;
            try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of("/var/run/docker.sock"))) {
                ch.write(ByteBuffer.wrap(("GET " + path + " HTTP/1.0\r\nHost: docker\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII)));
                ByteBuffer buf = ByteBuffer.allocate(1 << 16);
                int n;
                while ((n = ch.read(buf)) > 0) {
                    bytes += n;
                    buf.clear();
                }
            }
            System.out.printf("JDK unix socket:       %,d bytes in %.2f s%n", bytes, (System.nanoTime() - t0) / 1e9);
        }
    }
}
