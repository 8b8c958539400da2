package io.colimaservices.domain;

import java.util.Locale;

/**
 * A port published on the host. {@code hostIp} is empty when the port is bound on every address.
 */
public record PortBinding(String hostIp, int hostPort, int containerPort, String protocol) {
    public PortBinding {
        hostIp = hostIp == null ? "" : hostIp;
        protocol = protocol == null || protocol.isBlank() ? "tcp" : protocol.toLowerCase(Locale.ROOT);
        if (hostPort < 0 || hostPort > 65535 || containerPort < 1 || containerPort > 65535) {
            throw new IllegalArgumentException("port out of range: " + hostPort + ":" + containerPort);
        }
    }

    public static PortBinding tcp(int hostPort, int containerPort) {
        return new PortBinding("", hostPort, containerPort, "tcp");
    }

    /** {@code 5432:5432/tcp}, the way compose and docker print it. */
    public String display() {
        String host = hostIp.isEmpty() ? "" : hostIp + ":";
        return host + hostPort + ":" + containerPort + "/" + protocol;
    }
}
