package io.colimaservices.domain.backup;

import io.colimaservices.backup.JsonManifestFormat;
import io.colimaservices.backup.OpenPgpZstdCodec;
import io.colimaservices.domain.ContainerExec;
import io.colimaservices.domain.ContainerState;
import io.colimaservices.domain.ExecIo;
import io.colimaservices.domain.ExecProcess;
import io.colimaservices.domain.ExecRequest;
import io.colimaservices.domain.ExecTarget;
import io.colimaservices.domain.MemorySecretStore;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What a restore warns about before it replaces data: the definition and the image since the backup. */
class BackupRestorerTest {
    private static BackupRestorer restorer(String hashNow, String imageIdNow) {
        ContainerExec exec = new ContainerExec() {
            @Override
            public ExecTarget locate(String project, String service) {
                return new ExecTarget(service, Optional.of("c1"), ContainerState.RUNNING);
            }

            @Override
            public ExecProcess start(String containerId, ExecRequest request, ExecIo io) {
                throw new AssertionError("not used");
            }
        };
        BackupEngine engine = new Unused.NoEngine() {
            @Override
            public Container inspect(String containerId) {
                return new Container("c1", "/p-db-1", "db:2", imageIdNow, Optional.empty(),
                        Map.of("com.docker.compose.config-hash", hashNow), true, Optional.empty(), List.of());
            }
        };
        return new BackupRestorer(new BackupTools(() -> null, "p", exec, engine, new Unused.NoControl(),
                new OpenPgpZstdCodec(), new JsonManifestFormat(), new BackupKeys(new MemorySecretStore()),
                BackupHooks.NONE, Clock.systemUTC(), "t", Duration.ofMinutes(1)));
    }

    private static BackupManifest.ServiceEntry entry() {
        return new BackupManifest.ServiceEntry("db", BackupMode.DUMP, "db.dump.zst.gpg", "db:1",
                "sha256:aaaaaaaaaaaaaaaaaaaa", Optional.empty(), Optional.of("hash-then"), List.of(), Instant.EPOCH,
                Instant.EPOCH, 1, 1, "00", Optional.empty());
    }

    @Test
    void nothingIsSaidWhenNothingChanged() {
        assertThat(restorer("hash-then", "sha256:aaaaaaaaaaaaaaaaaaaa").differences(entry())).isEmpty();
    }

    @Test
    void aChangedDefinitionAndAnotherImageAreNamed() {
        List<String> warnings = restorer("hash-now", "sha256:bbbbbbbbbbbbbbbbbbbb").differences(entry());
        assertThat(warnings).containsExactly("db: its definition in the compose file changed since the backup",
                "db: the backup was made with image db:1 (aaaaaaaaaaaa), the service now runs db:2 (bbbbbbbbbbbb)");
    }
}
