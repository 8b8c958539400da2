package io.colimaservices.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ContainerConfig;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.model.Volume;
import io.colimaservices.domain.UserError;
import io.colimaservices.domain.backup.BackupEngine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link BackupEngine} on docker-java: inspect and list with the quick client (5 s deadlines), stop and start with
 * the slow one (they include the grace period). Throwaway containers idle in a shell until removed, run as root
 * without network, and carry {@link BackupEngine#THROWAWAY_LABEL} and none of compose's labels.
 */
public final class DockerBackupEngine implements BackupEngine, AutoCloseable {
    /** Waits in the shell (a signal ends it at once) until the container is removed. */
    static final String IDLE = "trap 'exit 0' TERM INT; while :; do sleep 3600 & wait $!; done";
    private static final String COMPOSE_VOLUME = "com.docker.compose.volume";

    private final DockerHost host;
    private final DockerClient quick;
    private final DockerClient slow;

    public DockerBackupEngine(DockerHost host) {
        this.host = host;
        this.quick = DockerClients.quick(host);
        this.slow = DockerClients.slow(host);
    }

    @Override
    public Container inspect(String containerId) {
        InspectContainerResponse c = found("inspect container " + shortId(containerId),
                () -> quick.inspectContainerCmd(containerId).exec());
        ContainerConfig config = c.getConfig();
        Map<String, String> labels = config.getLabels() == null ? Map.of() : config.getLabels();
        List<Mount> mounts = new ArrayList<>();
        if (c.getMounts() != null) {
            for (InspectContainerResponse.Mount m : c.getMounts()) {
                Optional<String> volume = Optional.ofNullable(m.getName()).filter(n -> !n.isBlank());
                mounts.add(new Mount(volume.isPresent() ? "volume" : "bind", volume,
                        volume.flatMap(this::composeName), m.getSource() == null ? "" : m.getSource(),
                        m.getDestination() == null ? "" : m.getDestination().getPath(),
                        !Boolean.TRUE.equals(m.getRW())));
            }
        }
        InspectContainerResponse.ContainerState state = c.getState();
        Optional<String> health = Optional.ofNullable(state == null ? null : state.getHealth())
                .map(h -> h.getStatus()).filter(s -> !s.isBlank() && !s.equals("none"));
        return new Container(c.getId(), c.getName() == null ? "" : c.getName(),
                config.getImage() == null ? "" : config.getImage(), c.getImageId(), digest(c.getImageId()), labels,
                state != null && Boolean.TRUE.equals(state.getRunning()), health, mounts);
    }

    private Optional<String> digest(String imageId) {
        try {
            List<String> digests = call("inspect image " + shortId(imageId),
                    () -> quick.inspectImageCmd(imageId).exec().getRepoDigests());
            return digests == null || digests.isEmpty() ? Optional.empty() : Optional.of(digests.getFirst());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private Optional<String> composeName(String volume) {
        try {
            InspectVolumeResponse inspect = call("inspect volume " + volume,
                    () -> quick.inspectVolumeCmd(volume).exec());
            return Optional.ofNullable(inspect.getLabels()).map(l -> l.get(COMPOSE_VOLUME));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<String> projectContainers(String project) {
        return call("list the containers of " + project, () -> quick.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(ComposeLabels.PROJECT, project)).exec())
                .stream().map(com.github.dockerjava.api.model.Container::getId).toList();
    }

    @Override
    public List<String> projectVolumes(String project) {
        var volumes = call("list the volumes of " + project, () -> quick.listVolumesCmd()
                .withFilter("label", List.of(ComposeLabels.PROJECT + "=" + project)).exec()).getVolumes();
        return volumes == null ? List.of() : volumes.stream().map(InspectVolumeResponse::getName).toList();
    }

    @Override
    public List<String> containersUsing(String volume) {
        return call("list the containers using " + volume, () -> quick.listContainersCmd().withShowAll(true)
                .withVolumeFilter(List.of(volume)).exec())
                .stream().map(com.github.dockerjava.api.model.Container::getId).toList();
    }

    @Override
    public String startHelper(String image, String name, Map<String, String> volumeAtPath,
                              List<String> readOnlyVolumes) {
        List<Bind> binds = new ArrayList<>();
        volumeAtPath.forEach((volume, path) -> binds.add(new Bind(volume, new Volume(path),
                readOnlyVolumes.contains(volume) ? AccessMode.ro : AccessMode.rw)));
        String id = create("create a helper from " + shortId(image), () -> quick.createContainerCmd(image)
                .withName(name)
                .withEntrypoint("/bin/sh", "-c")
                .withCmd(IDLE)
                .withUser("0")
                .withLabels(Map.of(THROWAWAY_LABEL, "true"))
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none").withBinds(binds)));
        try {
            start(id);
        } catch (UserError e) {
            remove(id);
            throw e;
        }
        return id;
    }

    @Override
    public String createCopy(String sourceId, String name, Map<String, String> replacements) {
        InspectContainerResponse source = found("inspect container " + shortId(sourceId),
                () -> quick.inspectContainerCmd(sourceId).exec());
        ContainerConfig config = source.getConfig();
        List<Bind> binds = new ArrayList<>();
        if (source.getMounts() != null) {
            for (InspectContainerResponse.Mount m : source.getMounts()) {
                String path = m.getDestination().getPath();
                String volume = m.getName();
                if (volume != null && replacements.containsKey(volume)) {
                    binds.add(new Bind(replacements.get(volume), new Volume(path), AccessMode.rw));
                } else {
                    binds.add(new Bind(volume != null && !volume.isBlank() ? volume : m.getSource(), new Volume(path),
                            AccessMode.ro));
                }
            }
        }
        Map<String, String> labels = new HashMap<>();
        if (config.getLabels() != null) {
            config.getLabels().forEach((k, v) -> {
                if (!k.startsWith("com.docker.compose.")) {
                    labels.put(k, v);
                }
            });
        }
        labels.put(THROWAWAY_LABEL, "true");
        HostConfig hostConfig = HostConfig.newHostConfig().withNetworkMode("none").withBinds(binds);
        HostConfig sourceHost = source.getHostConfig();
        if (sourceHost != null) {
            if (sourceHost.getTmpFs() != null) {
                hostConfig.withTmpFs(sourceHost.getTmpFs());
            }
            if (sourceHost.getCapAdd() != null) {
                hostConfig.withCapAdd(sourceHost.getCapAdd());
            }
        }
        return create("create a copy of " + shortId(sourceId), () -> {
            CreateContainerCmd cmd = quick.createContainerCmd(source.getImageId()).withName(name)
                    .withLabels(labels).withHostConfig(hostConfig);
            if (config.getEntrypoint() != null) {
                cmd.withEntrypoint(config.getEntrypoint());
            }
            if (config.getCmd() != null) {
                cmd.withCmd(config.getCmd());
            }
            if (config.getEnv() != null) {
                cmd.withEnv(config.getEnv());
            }
            if (config.getUser() != null && !config.getUser().isBlank()) {
                cmd.withUser(config.getUser());
            }
            if (config.getWorkingDir() != null && !config.getWorkingDir().isBlank()) {
                cmd.withWorkingDir(config.getWorkingDir());
            }
            if (config.getHealthcheck() != null) {
                cmd.withHealthcheck(config.getHealthcheck());
            }
            if (config.getHostName() != null && !config.getHostName().isBlank()) {
                // Some data directories are tied to the host name (RabbitMQ's node name); no network, so no clash.
                cmd.withHostName(config.getHostName());
            }
            return cmd;
        });
    }

    private String create(String what, Supplier<CreateContainerCmd> command) {
        try {
            return call(what, () -> command.get().exec().getId());
        } catch (NotFoundException e) {
            throw new UserError(UserError.Kind.BACKUP, "cannot " + what + ": " + DockerFailures.describe(e), "", e);
        } catch (ConflictException e) {
            throw new UserError(UserError.Kind.BACKUP, "cannot " + what + ": " + DockerFailures.describe(e), "", e);
        }
    }

    @Override
    public void start(String containerId) {
        try {
            found("start container " + shortId(containerId), () -> slow.startContainerCmd(containerId).exec());
        } catch (NotModifiedException alreadyRunning) {
            // what the caller wanted
        }
    }

    @Override
    public void stop(String containerId, Duration grace) {
        try {
            found("stop container " + shortId(containerId), () -> slow.stopContainerCmd(containerId)
                    .withTimeout((int) Math.max(0, grace.toSeconds())).exec());
        } catch (NotModifiedException alreadyStopped) {
            // what the caller wanted
        }
    }

    @Override
    public void remove(String containerId) {
        try {
            call("remove container " + shortId(containerId), () -> slow.removeContainerCmd(containerId)
                    .withForce(true).withRemoveVolumes(true).exec());
        } catch (NotFoundException gone) {
            // what the caller wanted
        } catch (ConflictException e) {
            // "removal already in progress": it goes
        }
    }

    @Override
    public void createVolume(String name) {
        call("create volume " + name, () -> quick.createVolumeCmd().withName(name)
                .withLabels(Map.of(THROWAWAY_LABEL, "true")).exec());
    }

    @Override
    public void removeVolume(String name) {
        try {
            call("remove volume " + name, () -> quick.removeVolumeCmd(name).exec());
        } catch (NotFoundException gone) {
            // what the caller wanted
        } catch (ConflictException e) {
            throw new UserError(UserError.Kind.BACKUP, "cannot remove volume " + name + ": it is in use", "", e);
        }
    }

    private <T> T found(String what, Supplier<T> call) {
        try {
            return call(what, call);
        } catch (NotFoundException e) {
            throw new UserError(UserError.Kind.BACKUP, "cannot " + what + ": it no longer exists", "", e);
        }
    }

    /** A docker-java call; transport failures become "Docker unreachable" naming the host. */
    private <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (NotFoundException | ConflictException | NotModifiedException | UserError e) {
            throw e;
        } catch (RuntimeException e) {
            if (DockerFailures.isTransport(e)) {
                throw new UserError(UserError.Kind.DOCKER_UNREACHABLE, "Docker unreachable at " + host.display()
                        + " (" + host.source() + "): " + DockerFailures.describe(e),
                        "start Colima (colima start) or pass --docker-host", e);
            }
            throw new UserError(UserError.Kind.BACKUP, "Docker refused to " + what + ": "
                    + DockerFailures.describe(e), "", e);
        }
    }

    private void call(String what, Runnable call) {
        call(what, () -> {
            call.run();
            return null;
        });
    }

    private void found(String what, Runnable call) {
        found(what, () -> {
            call.run();
            return null;
        });
    }

    private static String shortId(String id) {
        String bare = id.startsWith("sha256:") ? id.substring(7) : id;
        return bare.length() > 12 ? bare.substring(0, 12) : bare;
    }

    @Override
    public void close() {
        for (java.io.Closeable c : new java.io.Closeable[] {quick, slow}) {
            try {
                c.close();
            } catch (java.io.IOException e) {
                // closing
            }
        }
    }
}
