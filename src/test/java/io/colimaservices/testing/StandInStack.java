package io.colimaservices.testing;

import io.colimaservices.cli.CliRun;
import io.colimaservices.cli.VaultHarness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A stand-in of the stack's secret lifecycle on a real engine, with the real stack's restart policies, run by the
 * app's CLI against the Vault API double:
 * <ul>
 *   <li>{@code vault}: idles; healthy only while the double answers {@code sys/health} with 200, so a sealed Vault
 *   reads unhealthy, as the real one does;</li>
 *   <li>{@code vault-agent}: at start, for each armed service, unwraps the one-use secret ID the app wrote, logs in
 *   with AppRole, reads the service's secret and renders {@code password} and {@code tls_enabled} into the
 *   service's tmpfs volume; healthy only when every service rendered. Unarmed, it renders nothing;</li>
 *   <li>{@code postgres}: exits 1 without its password file (the real wrappers do), else records the TLS flag it
 *   started with; healthy once started;</li>
 *   <li>{@code prometheus}: needs no secret.</li>
 * </ul>
 * Everything uses host networking and talks to the double on 127.0.0.1 only.
 */
public final class StandInStack implements AutoCloseable {
    /** The real stack's policies (compose/docker-compose.yml); see docs/stack.md, "Restart policies". */
    public static final String DAEMON_POLICY = "unless-stopped";
    public static final String AGENT_POLICY = "\"no\"";

    private static final String AGENT = """
            #!/bin/sh
            # Stand-in for configs/vault-agent/run-agents.sh (busybox sh): one-use credentials or nothing.
            set -u
            trap 'echo stopping; exit 0' TERM INT
            WORK=/run/agent
            rm -rf "$WORK"
            mkdir -p "$WORK"
            field() { busybox sed -n "s/.*\\"$1\\":\\"\\([^\\"]*\\)\\".*/\\1/p"; }
            flag() { busybox sed -n "s/.*\\"$1\\":\\([a-z]*\\).*/\\1/p"; }
            for spec in $AGENT_SERVICES; do
                svc=${spec%%=*}
                kv=${spec#*=}
                arm=/arm/$svc
                dest=/secrets/$svc
                if [ ! -s "$arm/secret_id" ] || [ ! -s "$arm/role_id" ]; then
                    echo "$svc: not armed, nothing rendered"
                    continue
                fi
                wrapped=$(cat "$arm/secret_id")
                rm -f "$arm/secret_id"
                role_id=$(cat "$arm/role_id")
                rm -rf "${dest:?}"/*
                secret_id=$(wget -q -O - --header "X-Vault-Token: $wrapped" --post-data '' \\
                    "$VAULT_ADDR/v1/sys/wrapping/unwrap" | field secret_id)
                token=$(wget -q -O - --post-data "{\\"role_id\\":\\"$role_id\\",\\"secret_id\\":\\"$secret_id\\"}" \\
                    "$VAULT_ADDR/v1/auth/approle/login" | field client_token)
                secret=$(wget -q -O - --header "X-Vault-Token: $token" "$VAULT_ADDR/v1/secret/data/$kv")
                password=$(echo "$secret" | field password)
                if [ -z "$password" ]; then
                    echo "$svc: login or read failed"
                    continue
                fi
                printf '%s' "$password" > "$dest/password"
                echo "$secret" | flag tls_enabled | tr -d '\\n' > "$dest/tls_enabled"
                touch "$WORK/$svc.rendered"
                echo "$svc: rendered"
            done
            touch "$WORK/started"
            while :; do sleep 1; done
            """;

    private static final String AGENT_HEALTH = """
            #!/bin/sh
            [ -f /run/agent/started ] || exit 1
            for spec in $AGENT_SERVICES; do
                [ -f "/run/agent/${spec%%=*}.rendered" ] || { echo "${spec%%=*} not rendered"; exit 1; }
            done
            """;

    private static final String CONSUMER = """
            #!/bin/sh
            # Stand-in for a service's entrypoint wrapper: no credentials, no start.
            trap 'exit 0' TERM INT
            if [ ! -s /run/secrets/colima/password ]; then
                echo "no password file: exiting"
                exit 1
            fi
            [ -s /data/created ] || cat /proc/sys/kernel/random/uuid > /data/created
            tls=$(cat /run/secrets/colima/tls_enabled)
            echo "started with TLS $tls"
            echo "$tls" > /tmp/tls
            while :; do sleep 1; done
            """;

    private static final String COMPOSE = """
            x-base: &base
              image: ${IMAGE}
              network_mode: host
            volumes:
              secrets-postgres:
                driver: local
                driver_opts: {type: tmpfs, device: tmpfs, o: "size=1m"}
              postgres-data:
            services:
              vault:
                <<: *base
                restart: ${DAEMON_POLICY}
                command: ["sh", "-c", "trap 'exit 0' TERM; while :; do sleep 1; done"]
                healthcheck:
                  test: ["CMD", "wget", "-q", "-O", "/dev/null", "${VAULT_ADDR}/v1/sys/health"]
                  interval: 1s
                  timeout: 2s
                  retries: 2
                labels:
                  io.colima-services.group: secrets
                  io.colima-services.connection: vault
              vault-agent:
                <<: *base
                restart: ${AGENT_POLICY}
                command: ["sh", "/standin/agent.sh"]
                environment:
                  VAULT_ADDR: "${VAULT_ADDR}"
                  AGENT_SERVICES: "postgres=postgresql"
                volumes:
                  - ${COLIMA_SERVICES_RUNTIME:-./runtime}/vault-agent:/arm
                  - ./standin:/standin:ro
                  - secrets-postgres:/secrets/postgres
                depends_on: {vault: {condition: service_healthy}}
                healthcheck:
                  test: ["CMD", "sh", "/standin/agent-health.sh"]
                  interval: 1s
                  timeout: 2s
                  retries: 2
                  start_period: 120s
                labels: {io.colima-services.group: secrets}
              postgres:
                <<: *base
                restart: ${DAEMON_POLICY}
                command: ["sh", "/standin/consumer.sh"]
                environment:
                  SETTING: "one"
                volumes:
                  - secrets-postgres:/run/secrets/colima:ro
                  - postgres-data:/data
                  - ./standin:/standin:ro
                depends_on:
                  vault: {condition: service_healthy}
                  vault-agent: {condition: service_healthy}
                healthcheck:
                  test: ["CMD", "test", "-s", "/tmp/tls"]
                  interval: 1s
                  timeout: 2s
                  retries: 2
                labels:
                  io.colima-services.group: data
                  io.colima-services.vault-path: secret/postgresql
                  io.colima-services.tls: "true"
                  io.colima-services.connection: postgresql
              prometheus:
                <<: *base
                restart: ${DAEMON_POLICY}
                command: ["sh", "-c", "trap 'exit 0' TERM; while :; do sleep 1; done"]
                healthcheck: {test: ["CMD", "true"], interval: 1s, timeout: 2s, retries: 2}
                labels: {io.colima-services.group: observability}
            """;

    public final VaultHarness harness;
    public final String project = "csit-" + UUID.randomUUID().toString().substring(0, 8);
    private final Optional<String> dockerHost;
    private final Map<String, String> dockerEnvironment;

    /** @param daemon the engine to use (a daemon of the test's own); empty: the machine's */
    public StandInStack(Path root, Optional<OwnDockerDaemon> daemon) {
        this(root, daemon, "");
    }

    /** @param moreServices compose text appended under {@code services:} (indented by two spaces) */
    public StandInStack(Path root, Optional<OwnDockerDaemon> daemon, String moreServices) {
        TestDocker.require();
        this.dockerHost = daemon.map(OwnDockerDaemon::host);
        this.dockerEnvironment = daemon.map(OwnDockerDaemon::environment).orElse(Map.of());
        try {
            harness = new VaultHarness(root, "");
            harness.useEngineRestarter();
            Files.writeString(harness.composeFile(), (COMPOSE + moreServices).replace("${IMAGE}", TestDocker.IMAGE)
                    .replace("${VAULT_ADDR}", harness.vault.address())
                    .replace("${DAEMON_POLICY}", DAEMON_POLICY).replace("${AGENT_POLICY}", AGENT_POLICY));
            Path scripts = Files.createDirectories(harness.composeFile().resolveSibling("standin"));
            write(scripts.resolve("agent.sh"), AGENT);
            write(scripts.resolve("agent-health.sh"), AGENT_HEALTH);
            write(scripts.resolve("consumer.sh"), CONSUMER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** Vault initialised, unsealed and bootstrapped by the CLI (shares stored, AppRoles made). */
    public StandInStack bootstrapped() {
        harness.bootstrapped();
        return this;
    }

    /** Runs the CLI in process on this stack: {@code cli("up", "data")}. */
    public CliRun cli(String... args) {
        List<String> all = new ArrayList<>(List.of("--project-name", project));
        dockerHost.ifPresent(h -> all.addAll(List.of("--docker-host", h)));
        all.addAll(List.of(args));
        return harness.run(all.toArray(String[]::new));
    }

    /** Changes a service's definition as an app update would (its environment). */
    public void changeDefinition(String from, String to) {
        try {
            String text = Files.readString(harness.composeFile());
            if (!text.contains(from)) {
                throw new AssertionError("no '" + from + "' in the stand-in compose file");
            }
            Files.writeString(harness.composeFile(), text.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the docker CLI on this stack's engine. */
    public Processes.Result docker(String... args) {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        return Processes.run(null, 60, dockerEnvironment, null, command.toArray(String[]::new));
    }

    /** The id of the service's container (empty when none). */
    public String containerId(String service) {
        return docker("ps", "-aq", "--filter", "label=com.docker.compose.project=" + project, "--filter",
                "label=com.docker.compose.service=" + service).output().strip();
    }

    /** {@code docker inspect -f FORMAT} of the service's container. */
    public String inspect(String service, String format) {
        return docker("inspect", "-f", format, containerId(service)).output().strip();
    }

    public Optional<String> dockerHost() {
        return dockerHost;
    }

    @Override
    public void close() {
        List<String> down = new ArrayList<>(ComposeProject.composeCommand());
        down.addAll(List.of("-p", project, "-f", harness.composeFile().toString(), "down", "-v", "-t", "1"));
        Processes.run(harness.composeFile().getParent(), 120, dockerEnvironment, null, down.toArray(String[]::new));
        harness.close();
    }
}
