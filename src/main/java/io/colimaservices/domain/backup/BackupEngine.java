package io.colimaservices.domain.backup;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What backups need of the engine beyond exec: a service's container as it is, throwaway containers and volumes
 * (the volume mode's tar, a deep verify's copy), and removal for a reset. Every request has a deadline; failures
 * are {@link io.colimaservices.domain.UserError}s naming the container or volume. Throwaway objects carry
 * {@link #THROWAWAY_LABEL} and never the compose project's labels, so the stack's views never see them.
 */
public interface BackupEngine {
    String THROWAWAY_LABEL = "io.colima-services.throwaway";

    /** One mount of a container. {@code volume} is the engine's volume name, {@code composeName} compose's key. */
    record Mount(String type, Optional<String> volume, Optional<String> composeName, String source,
                 String destination, boolean readOnly) {
        public Mount {
            Objects.requireNonNull(volume, "volume");
            Objects.requireNonNull(composeName, "composeName");
        }

        public boolean isVolume() {
            return "volume".equals(type) && volume.isPresent();
        }
    }

    /**
     * A container as the engine has it.
     *
     * @param image       the image as configured ({@code postgres:17.6-bookworm})
     * @param imageId     the image's id ({@code sha256:...})
     * @param imageDigest a repository digest of the image, when it came from a registry
     * @param health      the health status ({@code healthy}, {@code starting}, {@code unhealthy}), empty without a
     *                    health check
     */
    record Container(String id, String name, String image, String imageId, Optional<String> imageDigest,
                     Map<String, String> labels, boolean running, Optional<String> health, List<Mount> mounts) {
        public Container {
            labels = Map.copyOf(labels);
            mounts = List.copyOf(mounts);
            Objects.requireNonNull(imageDigest, "imageDigest");
            Objects.requireNonNull(health, "health");
        }

        /** Compose's hash of the service's definition, which changes when the compose file's service changes. */
        public Optional<String> definitionHash() {
            return Optional.ofNullable(labels.get("com.docker.compose.config-hash"));
        }
    }

    /** @throws io.colimaservices.domain.UserError when the container does not exist */
    Container inspect(String containerId);

    /** Every container of the compose project (running or not, one-offs included), by id. */
    List<String> projectContainers(String project);

    /** Every volume of the compose project. */
    List<String> projectVolumes(String project);

    /** The containers (any project) that mount this volume. */
    List<String> containersUsing(String volume);

    /**
     * Creates and starts a helper: {@code image} running an idle shell as root, without network, with each
     * volume mounted at its path (read-only where asked), for commands to be run in it by exec.
     */
    String startHelper(String image, String name, Map<String, String> volumeAtPath, List<String> readOnlyVolumes);

    /**
     * Creates (not starts) a copy of {@code sourceId}: same image, entrypoint, command, environment, user, working
     * directory and health check; each volume named in {@code replacements} replaced by its substitute; every
     * other volume and bind mount read-only; no network, no published ports, no container name of the stack's,
     * none of compose's labels.
     */
    String createCopy(String sourceId, String name, Map<String, String> replacements);

    void start(String containerId);

    void stop(String containerId, Duration grace);

    /** Removes a container whatever its state; a container already gone is no failure. */
    void remove(String containerId);

    void createVolume(String name);

    /** Removes a volume; one already gone is no failure. */
    void removeVolume(String name);
}
