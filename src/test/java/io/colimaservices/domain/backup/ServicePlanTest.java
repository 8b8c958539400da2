package io.colimaservices.domain.backup;

import io.colimaservices.domain.ServiceDefinition;
import io.colimaservices.domain.ServiceGroup;
import io.colimaservices.domain.TlsCapability;
import io.colimaservices.domain.UserError;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServicePlanTest {
    private static ServiceDefinition service(Map<String, String> labels) {
        return new ServiceDefinition("svc", ServiceGroup.DATA, "img:1", List.of(), List.of(), true, Optional.empty(),
                Optional.empty(), TlsCapability.NONE, Optional.empty(), "", Set.of(), 12, false, labels);
    }

    @Test
    void aDumpNeedsBothHalvesAndVolumesAreASecondMode() {
        ServicePlan dump = ServicePlan.of(service(Map.of(BackupLabels.BACKUP, "pg_dumpall", BackupLabels.RESTORE,
                "psql", BackupLabels.CHECK, "true"))).orElseThrow();
        assertThat(dump.mode()).isEqualTo(BackupMode.DUMP);
        assertThat(dump.baseFileName()).isEqualTo("svc.dump");
        ServicePlan volumes = ServicePlan.of(service(Map.of(BackupLabels.VOLUMES, "a_data, b_data",
                BackupLabels.VERIFY, "offline"))).orElseThrow();
        assertThat(volumes.volumes()).containsExactly("a_data", "b_data");
        assertThat(volumes.startsForVerify()).isFalse();
        assertThat(ServicePlan.of(service(Map.of()))).isEmpty();
    }

    @Test
    void contradictoryLabelsAreNamedWithTheLine() {
        assertThatThrownBy(() -> ServicePlan.of(service(Map.of(BackupLabels.BACKUP, "x"))))
                .isInstanceOf(UserError.class).hasMessageContaining("line 12").hasMessageContaining(BackupLabels.RESTORE);
        assertThatThrownBy(() -> ServicePlan.of(service(Map.of(BackupLabels.VOLUMES, "v", BackupLabels.BACKUP, "x",
                BackupLabels.RESTORE, "y")))).isInstanceOf(UserError.class).hasMessageContaining("choose one");
        assertThatThrownBy(() -> ServicePlan.of(service(Map.of(BackupLabels.VOLUMES, "v", BackupLabels.VERIFY, "x"))))
                .isInstanceOf(UserError.class).hasMessageContaining("'service' or 'offline'");
    }
}
