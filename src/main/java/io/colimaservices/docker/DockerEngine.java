package io.colimaservices.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.transport.DockerHttpClient;
import io.colimaservices.domain.ContainerEngine;
import io.colimaservices.domain.ContainerStats;
import io.colimaservices.domain.EngineEventListener;
import io.colimaservices.domain.EngineInfo;
import io.colimaservices.domain.LogFrameSink;
import io.colimaservices.domain.LogRequest;
import io.colimaservices.domain.Subscription;
import io.colimaservices.domain.ServiceStatus;
import io.colimaservices.domain.UserError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link ContainerEngine} over docker-java with the httpclient5 transport. */
public final class DockerEngine implements ContainerEngine {
    private static final Logger LOG = LoggerFactory.getLogger(DockerEngine.class);

    private final DockerHost host;
    private final DockerClient quick;
    private final DockerClient slow;
    private final DockerStreams streams;
    private final DockerHttpClient quickHttp;
    private final StatsReader stats;

    public DockerEngine(DockerHost host) {
        this.host = host;
        this.quick = DockerClients.quick(host);
        this.slow = DockerClients.slow(host);
        this.streams = new DockerStreams(DockerClients.streaming(host));
        this.quickHttp = DockerClients.quickHttp(host);
        this.stats = new StatsReader(quickHttp);
    }

    @Override
    public String host() {
        return host.display();
    }

    public DockerHost dockerHost() {
        return host;
    }

    @Override
    public EngineInfo ping() {
        try {
            Version version = quick.versionCmd().exec();
            return EngineInfo.reachable(host.display(), version.getVersion());
        } catch (RuntimeException e) {
            return EngineInfo.unreachable(host.display(), DockerFailures.describe(e));
        }
    }

    @Override
    public List<ServiceStatus> listProject(String project) {
        List<Container> containers = call("list containers", () -> quick.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of(ComposeLabels.PROJECT, project))
                .exec());
        Map<String, ServiceStatus> byService = new LinkedHashMap<>();
        containers.stream()
                .filter(c -> !"true".equalsIgnoreCase(labels(c).get(ComposeLabels.ONEOFF)))
                .sorted(Comparator.comparing(Container::getCreated))
                .forEach(c -> {
                    String service = labels(c).get(ComposeLabels.SERVICE);
                    if (service == null) {
                        return;
                    }
                    ServiceStatus status = inspect(service, c);
                    // With several containers for one service (scaled, or a leftover), a running one wins,
                    // else the newest.
                    ServiceStatus previous = byService.get(service);
                    if (previous == null || status.isRunning() || !previous.isRunning()) {
                        byService.put(service, status);
                    }
                });
        return new ArrayList<>(byService.values());
    }

    @Override
    public ServiceStatus inspect(String service, String containerId) {
        try {
            InspectContainerResponse inspect = call("inspect " + service,
                    () -> quick.inspectContainerCmd(containerId).exec());
            return ContainerMapper.fromInspect(service, containerId, inspect);
        } catch (NotFoundException e) {
            throw gone("inspect", containerId, e);
        }
    }

    @Override
    public Instant daemonTime() {
        String time = call("read the daemon's clock", () -> quick.infoCmd().exec()).getSystemTime();
        return ContainerMapper.time(time).orElseThrow(() -> new UserError(UserError.Kind.OTHER,
                "Docker at " + host.display() + " reported no usable clock (" + time + ")", ""));
    }

    @Override
    public Subscription subscribeEvents(String project, EngineEventListener listener) {
        return streams.events(project, listener);
    }

    @Override
    public void start(String containerId) {
        try {
            call("start " + containerId, () -> slow.startContainerCmd(containerId).exec());
        } catch (NotModifiedException alreadyRunning) {
            // starting a running container is what the caller wanted
        } catch (NotFoundException e) {
            throw gone("start", containerId, e);
        }
    }

    @Override
    public void stop(String containerId, Duration grace) {
        try {
            call("stop " + containerId, () -> slow.stopContainerCmd(containerId)
                    .withTimeout((int) Math.max(0, grace.toSeconds())).exec());
        } catch (NotModifiedException alreadyStopped) {
            // stopping a stopped container is what the caller wanted
        } catch (NotFoundException e) {
            throw gone("stop", containerId, e);
        }
    }

    @Override
    public void restart(String containerId, Duration grace) {
        try {
            call("restart " + containerId, () -> slow.restartContainerCmd(containerId)
                    .withTimeout((int) Math.max(0, grace.toSeconds())).exec());
        } catch (NotFoundException e) {
            throw gone("restart", containerId, e);
        }
    }

    private static UserError gone(String what, String containerId, Exception cause) {
        return new UserError(UserError.Kind.OTHER, "cannot " + what + " container " + shortId(containerId)
                + ": it no longer exists", "", cause);
    }

    private static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    @Override
    public ContainerStats stats(String containerId) {
        try {
            return stats.read(containerId);
        } catch (IOException | RuntimeException e) {
            throw new UserError(DockerFailures.isTransport(e) ? UserError.Kind.DOCKER_UNREACHABLE : UserError.Kind.OTHER,
                    "cannot read the stats of " + shortId(containerId) + ": " + DockerFailures.describe(e), "", e);
        }
    }

    @Override
    public Subscription streamLogs(String containerId, LogRequest request, LogFrameSink sink) {
        return streams.logs(containerId, request, sink);
    }

    private ServiceStatus inspect(String service, Container container) {
        try {
            InspectContainerResponse inspect = call("inspect " + service,
                    () -> quick.inspectContainerCmd(container.getId()).exec());
            return ContainerMapper.fromInspect(service, container, inspect);
        } catch (NotFoundException gone) {
            return ServiceStatus.absent(service);
        }
    }

    private static Map<String, String> labels(Container c) {
        return c.getLabels() == null ? Map.of() : c.getLabels();
    }

    /** Runs a docker-java call, turning transport failures into "Docker unreachable" naming the host. */
    <T> T call(String what, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (NotModifiedException | NotFoundException e) {
            throw e;
        } catch (RuntimeException e) {
            if (DockerFailures.isTransport(e)) {
                throw new UserError(UserError.Kind.DOCKER_UNREACHABLE,
                        "Docker unreachable at " + host.display() + " (" + host.source() + "): "
                                + DockerFailures.describe(e),
                        "start Colima (colima start) or pass --docker-host", e);
            }
            throw new UserError(UserError.Kind.OTHER, "Docker refused to " + what + ": " + DockerFailures.describe(e),
                    "", e);
        }
    }

    @Override
    public void close() {
        for (java.io.Closeable c : new java.io.Closeable[] {quick, slow, streams, quickHttp}) {
            try {
                c.close();
            } catch (IOException e) {
                LOG.debug("closing docker client", e);
            }
        }
    }
}
