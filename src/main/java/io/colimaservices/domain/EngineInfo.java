package io.colimaservices.domain;

import java.util.Objects;
import java.util.Optional;

/** Whether the Docker engine answered, at which address, and which version it runs. */
public record EngineInfo(String host, boolean reachable, Optional<String> version, Optional<String> error) {
    /** The error of {@link #unknown(String)}: nothing asked yet. */
    public static final String NOT_CHECKED = "not checked yet";

    public EngineInfo {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(error, "error");
    }

    public static EngineInfo reachable(String host, String version) {
        return new EngineInfo(host, true, Optional.ofNullable(version), Optional.empty());
    }

    public static EngineInfo unreachable(String host, String error) {
        return new EngineInfo(host, false, Optional.empty(), Optional.ofNullable(error));
    }

    /** Before the first call has returned. */
    public static EngineInfo unknown(String host) {
        return new EngineInfo(host, false, Optional.empty(), Optional.of(NOT_CHECKED));
    }
}
