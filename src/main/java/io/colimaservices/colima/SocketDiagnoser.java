package io.colimaservices.colima;

import io.colimaservices.domain.DockerSocketCheck;
import io.colimaservices.domain.SocketCondition;
import io.colimaservices.domain.SocketDiagnosis;
import io.colimaservices.domain.SocketFix;
import io.colimaservices.domain.VmPhase;
import io.colimaservices.domain.VmState;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Names what is wrong between Docker clients and the Colima profile's socket, and the one action that fixes it.
 * The socket itself comes first (missing, dangling link, not a socket, refusing, not answering), since nothing
 * else helps while it is broken; then whether {@code DOCKER_HOST}, or else the docker CLI's current context,
 * points somewhere else (the CLI and {@code docker compose} then talk to another engine, or to none).
 */
public final class SocketDiagnoser implements DockerSocketCheck {
    public static final Duration PROBE_DEADLINE = Duration.ofSeconds(2);

    private final ColimaPaths paths;
    private final Map<String, String> environment;
    private final DockerCliConfig dockerConfig;
    private final Duration probeDeadline;

    public SocketDiagnoser(ColimaPaths paths, Map<String, String> environment, Path home) {
        this(paths, environment, home, PROBE_DEADLINE);
    }

    public SocketDiagnoser(ColimaPaths paths, Map<String, String> environment, Path home, Duration probeDeadline) {
        this.paths = Objects.requireNonNull(paths);
        this.environment = Map.copyOf(environment);
        this.dockerConfig = new DockerCliConfig(environment, home);
        this.probeDeadline = Objects.requireNonNull(probeDeadline);
    }

    @Override
    public SocketDiagnosis diagnose(VmState vm) {
        Path socket = ColimaSocket.expected(vm, paths);
        UnixSocketProbe.Probe probe = UnixSocketProbe.probe(socket, probeDeadline);
        if (probe.result() != UnixSocketProbe.Result.ANSWERING) {
            return broken(vm, socket, probe);
        }
        String dockerHost = environment.getOrDefault("DOCKER_HOST", "");
        // The docker CLI ignores its context while DOCKER_HOST is set: look at the one that is in force.
        Optional<SocketDiagnosis> elsewhere = dockerHost.isBlank()
                ? contextElsewhere(vm, socket)
                : dockerHostElsewhere(vm, socket, dockerHost.strip());
        return elsewhere.orElseGet(() ->
                new SocketDiagnosis(SocketCondition.ANSWERING, socket.toString(), probe.detail(), SocketFix.NONE, ""));
    }

    private SocketDiagnosis broken(VmState vm, Path socket, UnixSocketProbe.Probe probe) {
        SocketCondition condition = switch (probe.result()) {
            case MISSING -> SocketCondition.MISSING;
            case DANGLING_LINK -> SocketCondition.DANGLING_LINK;
            case NOT_A_SOCKET -> SocketCondition.NOT_A_SOCKET;
            case REFUSING -> SocketCondition.REFUSING;
            case NOT_ANSWERING, ANSWERING -> SocketCondition.NOT_ANSWERING;
        };
        String profile = vm.profile();
        String detail = probe.detail() + " (" + vmWords(vm) + ")";
        return switch (vm.phase()) {
            case NOT_INSTALLED -> new SocketDiagnosis(condition, socket.toString(), detail, SocketFix.INSTALL_COLIMA,
                    "brew install colima");
            // Colima says running yet its socket is dead: a stale socket or a dead port forwarder. A restart
            // recreates both; starting again would only print "already running".
            case RUNNING, UNKNOWN, STARTING, STOPPING -> new SocketDiagnosis(condition, socket.toString(), detail,
                    SocketFix.RESTART_VM, "colima restart --profile " + profile);
            // Stopped or never created: a leftover socket or link is expected, and starting replaces it.
            case STOPPED, ABSENT -> new SocketDiagnosis(condition, socket.toString(), detail, SocketFix.START_VM,
                    "colima start --profile " + profile);
        };
    }

    private static Optional<SocketDiagnosis> dockerHostElsewhere(VmState vm, Path socket, String dockerHost) {
        Optional<Path> target = ColimaSocket.unixPath(dockerHost);
        if (target.isPresent() && ColimaSocket.same(target.get(), socket)) {
            return Optional.empty();
        }
        return Optional.of(new SocketDiagnosis(SocketCondition.DOCKER_HOST_ELSEWHERE, socket.toString(),
                "DOCKER_HOST is " + dockerHost + ", not Colima's unix://" + socket + " (" + vmWords(vm)
                        + "): docker, docker compose and this app talk to that engine instead",
                SocketFix.FIX_DOCKER_HOST, "export DOCKER_HOST=unix://" + socket
                + "   (or unset DOCKER_HOST to use the docker context)"));
    }

    private Optional<SocketDiagnosis> contextElsewhere(VmState vm, Path socket) {
        DockerCliConfig.CurrentContext context = dockerConfig.current();
        Optional<Path> target = context.host().flatMap(ColimaSocket::unixPath);
        if (target.isPresent() && ColimaSocket.same(target.get(), socket)) {
            return Optional.empty();
        }
        String pointsAt = context.problem().orElseGet(() -> "it points at " + context.host().orElse("nothing"));
        String name = ColimaPaths.dockerContextName(vm.profile());
        return Optional.of(new SocketDiagnosis(SocketCondition.CONTEXT_ELSEWHERE, socket.toString(),
                "the docker CLI's current context is '" + context.name() + "' (" + context.source() + "): " + pointsAt
                        + ", not Colima's unix://" + socket,
                SocketFix.USE_COLIMA_CONTEXT, "docker context use " + name));
    }

    private static String vmWords(VmState vm) {
        return vm.phase() == VmPhase.UNKNOWN
                ? "VM '" + vm.profile() + "' state unknown"
                : "VM '" + vm.profile() + "' " + vm.phase().label();
    }
}
