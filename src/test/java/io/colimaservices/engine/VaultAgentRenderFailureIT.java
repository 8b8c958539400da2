package io.colimaservices.engine;

import io.colimaservices.cli.CliRun;
import io.colimaservices.testing.ComposeProject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stack's vault-agent supervisor and health check (configs/vault-agent) in a container on the real engine,
 * with stand-ins for {@code vault} and {@code su-exec} (the real image cannot run here): a template that fails to
 * render makes {@code up} fail, before its timeout, with a report that names the service and the reason.
 */
class VaultAgentRenderFailureIT {
    private static final Path AGENT_CONFIG = Path.of(System.getProperty("project.basedir", "."))
            .resolve("configs/vault-agent").toAbsolutePath();

    /** Renders every template destination of the agent's HCL, or fails like the agent on a missing key. */
    private static final String VAULT_STAND_IN = """
            #!/bin/sh
            cfg=${2#-config=}
            svc=$(basename "$(dirname "$cfg")")
            case " $FAIL_SERVICES " in
              *" $svc "*)
                echo '[INFO]  agent: (runner) rendering templates'
                echo '[ERROR] agent: (runner) watcher reported error: map has no entry for key "admin_password"'
                echo '[ERROR] agent: template server exited'
                exit 1 ;;
            esac
            grep destination "$cfg" | sed 's/.*= "\\(.*\\)"/\\1/' | while read -r d; do
              mkdir -p "$(dirname "$d")"
              case $d in */tls/*) : > "$d" ;; *) printf x > "$d" ;; esac
            done
            """;

    @Test
    void aFailedRenderFailsUpWithTheServiceAndTheReason() throws IOException {
        String compose = """
                services:
                  secrets-agent:
                    image: ${IMAGE}
                    network_mode: host
                    labels: {io.colima-services.group: secrets}
                    entrypoint: ["/bin/sh", "/vault/agent-config/run-agents.sh"]
                    environment:
                      PATH: /standin:/bin
                      VAULT_AGENT_ARM_DIR: /arm
                      VAULT_AGENT_SECRETS_ROOT: /secrets
                      VAULT_AGENT_TIMEOUT: "10"
                      FAIL_SERVICES: forgejo
                    volumes:
                      - %s:/vault/agent-config:ro
                      - ./standin:/standin:ro
                      - ./arm:/arm
                      - ./secrets:/secrets
                    healthcheck:
                      test: ["CMD", "/bin/sh", "/vault/agent-config/healthcheck.sh"]
                      interval: 1s
                      timeout: 5s
                      retries: 2
                      start_period: 3s
                """.formatted(AGENT_CONFIG);
        try (ComposeProject project = ComposeProject.create(compose)) {
            Path dir = project.file().getParent();
            Path standin = Files.createDirectories(dir.resolve("standin"));
            for (String applet : List.of("basename", "chmod", "chown", "cp", "date", "dirname", "env", "find", "grep",
                    "head", "mkdir", "mv", "rm", "sed", "tail", "timeout", "tr", "touch", "cat", "printf")) {
                Files.createSymbolicLink(standin.resolve(applet), Path.of("/bin/busybox"));
            }
            executable(standin.resolve("vault"), VAULT_STAND_IN);
            executable(standin.resolve("su-exec"), "#!/bin/sh\nshift\nexec \"$@\"\n");
            for (String service : List.of("postgres", "forgejo")) {
                Path arm = Files.createDirectories(dir.resolve("arm").resolve(service));
                Files.writeString(arm.resolve("role_id"), "role-" + service);
                Files.writeString(arm.resolve("secret_id"), "wrapped-" + service);
                Files.createDirectories(dir.resolve("secrets").resolve(service));
            }

            CliRun run = CliRun.of("--compose-file", project.file().toString(), "--project-name", project.name(),
                    "up", "secrets-agent", "--timeout", "60");

            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(4);
            assertThat(run.out()).contains("FAILED secrets-agent failed: unhealthy")
                    .contains("last health check: forgejo: template rendering failed: vault agent exited with "
                            + "code 1: [ERROR] agent: (runner) watcher reported error: map has no entry for key "
                            + "\"admin_password\"")
                    .contains("rendering failed for: forgejo")
                    .doesNotContain("timeout");
            assertThat(dir.resolve("secrets/postgres/password")).exists();
            assertThat(dir.resolve("arm/forgejo/secret_id")).as("moved off the host when armed").doesNotExist();
        }
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
