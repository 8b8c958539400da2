package io.colimaservices.ui.credentials;

import io.colimaservices.domain.CertificateExpiry;
import io.colimaservices.domain.ConnectionFormat;
import io.colimaservices.domain.CredentialService;
import io.colimaservices.domain.CredentialService.CredentialEntry;
import io.colimaservices.domain.CredentialService.VaultToken;
import io.colimaservices.domain.Fixtures;
import io.colimaservices.domain.StackSnapshot;
import io.colimaservices.domain.VaultPhase;
import io.colimaservices.domain.VaultState;
import io.colimaservices.ui.common.ClipboardKeeper;
import io.colimaservices.ui.common.HandClock;
import io.colimaservices.ui.common.ManualExecutor;
import io.colimaservices.ui.common.MemoryClipboard;
import io.colimaservices.ui.common.Notice;
import io.colimaservices.ui.common.UiExecutors;
import javafx.beans.value.ObservableValue;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The Credentials page's ViewModel without a toolkit: fake port, hand clock, in-memory clipboard. */
class CredentialsViewModelTest {
    private static final String ADDRESS = "http://127.0.0.1:8200";
    private final FakeCredentialService fake = new FakeCredentialService();
    private final MemoryClipboard clipboard = new MemoryClipboard();
    private final HandClock clock = new HandClock();
    private final ClipboardKeeper keeper = new ClipboardKeeper(clipboard, clock);
    private final ManualExecutor background = new ManualExecutor();
    private Duration clearDelay = Duration.ofSeconds(30);
    private final CredentialsViewModel model = new CredentialsViewModel(fake, keeper, () -> clearDelay,
            UiExecutors.direct(), background);

    private static VaultState vault(VaultPhase phase) {
        return phase == VaultPhase.DOWN ? VaultState.down(ADDRESS, "Connection refused")
                : new VaultState(ADDRESS, phase, 0, 3, 5, Optional.of("1.18.5"), false, Optional.empty());
    }

    private void open(VaultPhase phase) {
        StackSnapshot snapshot = Fixtures.snapshot(Fixtures.smallStack()).withVault(vault(phase));
        model.show(snapshot);
        model.activate();
        background.runAll();
    }

    private void select(String service) {
        model.selectedProperty().set(model.services().stream().filter(e -> e.service().equals(service)).findFirst()
                .orElseThrow());
        background.runAll();
    }

    @Test
    void listsTheServicesAndShowsTheFirstWithItsSecretsMasked() {
        open(VaultPhase.UNSEALED);

        assertThat(model.services()).extracting(CredentialEntry::service)
                .containsExactly("postgres", "redis-1", "forgejo", "grafana");
        assertThat(model.selectedProperty().get().service()).isEqualTo("postgres");
        assertThat(model.details().titleProperty().get()).isEqualTo("postgres");
        assertThat(model.details().subtitleProperty().get()).isEqualTo("secret/postgresql · postgresql");
        assertThat(model.details().fields()).as("secrets masked, not the username nor the database").containsExactly(
                new CredentialsDetailViewModel.FieldRow("username", "dev_admin"),
                new CredentialsDetailViewModel.FieldRow("database", "dev_database"),
                new CredentialsDetailViewModel.FieldRow("password", CredentialService.MASK));
        assertThat(model.details().formats()).containsExactly(ConnectionFormat.values());
        assertThat(model.details().formatProperty().get()).isEqualTo(ConnectionFormat.URL);
        assertThat(model.details().connectionProperty().get())
                .isEqualTo("postgresql://dev_admin:" + CredentialService.MASK + "@localhost:5432/dev_database"
                        + "?sslmode=require");
        assertThat(fake.calls).as("values are read when copying, not on selection")
                .noneMatch(c -> c.startsWith("field ") || c.startsWith("connection ") || c.startsWith("token "));
        assertThat(model.details().canCopyProperty().get()).isTrue();
        assertThat(model.details().canCopyConnectionProperty().get()).isTrue();
        assertThat(model.vaultNoticeProperty().get()).isNull();
        assertThat(model.copying().rootTokenStoredProperty().get()).isTrue();
        assertThatNoPropertyHolds(FakeCredentialService.PG_PASSWORD);
    }

    @Test
    void copyingAFieldCountsDownAndClearsTheClipboardByTheWallClock() {
        open(VaultPhase.UNSEALED);

        model.copying().copyField("password");
        background.runAll();
        assertThat(clipboard.text()).isEqualTo(FakeCredentialService.PG_PASSWORD);
        assertThat(model.copying().copyStatusProperty().get()).isEqualTo("Copied the password of postgres: clears in 30 s");
        assertThatNoPropertyHolds(FakeCredentialService.PG_PASSWORD);

        clock.advance(Duration.ofMillis(10_400));
        keeper.check();
        assertThat(model.copying().copyStatusProperty().get()).isEqualTo("Copied the password of postgres: clears in 20 s");
        assertThat(clipboard.text()).isEqualTo(FakeCredentialService.PG_PASSWORD);

        // A check that comes late (App Nap, sleep) still clears: the deadline is wall-clock time.
        clock.advance(Duration.ofMinutes(5));
        keeper.check();
        assertThat(clipboard.text()).isEmpty();
        assertThat(clipboard.clears()).isEqualTo(1);
        assertThat(model.copying().copyStatusProperty().get()).isEqualTo("Cleared the clipboard (it held the password of "
                + "postgres).");
    }

    @Test
    void theConfiguredDelayIsUsedAndSomethingCopiedSinceIsLeftAlone() {
        open(VaultPhase.UNSEALED);
        clearDelay = Duration.ofSeconds(5);

        model.copying().copyField("username");
        background.runAll();
        assertThat(model.copying().copyStatusProperty().get()).isEqualTo("Copied the username of postgres: clears in 5 s");

        clipboard.put("something the user copied");
        clock.advance(Duration.ofSeconds(6));
        keeper.check();
        assertThat(clipboard.text()).isEqualTo("something the user copied");
        assertThat(model.copying().copyStatusProperty().get()).isEqualTo("Left the clipboard alone: it holds something else "
                + "now.");
    }

    @Test
    void formatSelectorShowsTheMaskedStringAndCopiesTheRealOne() {
        open(VaultPhase.UNSEALED);

        model.details().formatProperty().set(ConnectionFormat.JDBC);
        background.runAll();
        assertThat(model.details().connectionProperty().get()).isEqualTo("jdbc:postgresql://localhost:5432/dev_database"
                + "?user=dev_admin&password=" + CredentialService.MASK + "&sslmode=require");

        model.copying().copyConnection();
        background.runAll();
        assertThat(clipboard.text()).isEqualTo("jdbc:postgresql://localhost:5432/dev_database?user=dev_admin"
                + "&password=" + FakeCredentialService.PG_PASSWORD + "&sslmode=require");
        assertThat(model.copying().copyStatusProperty().get()).isEqualTo("Copied the jdbc connection string of postgres: "
                + "clears in 30 s");

        // redis has no JDBC: the selector falls back to its first format.
        select("redis-1");
        assertThat(model.details().formats()).containsExactly(ConnectionFormat.URL, ConnectionFormat.ENV, ConnectionFormat.JSON);
        assertThat(model.details().formatProperty().get()).isEqualTo(ConnectionFormat.URL);
        assertThat(model.details().connectionProperty().get()).isEqualTo("rediss://:" + CredentialService.MASK
                + "@localhost:6390");
        assertThat(fake.calls.stream().filter(c -> c.startsWith("masked redis-1")).count())
                .as("one render per selection").isEqualTo(1);
    }

    @Test
    void aServiceWithoutConnectionStringOrFieldsSaysSo() {
        open(VaultPhase.UNSEALED);
        select("forgejo");

        assertThat(model.details().formats()).isEmpty();
        assertThat(model.details().hasFormatsProperty().get()).isFalse();
        assertThat(model.details().connectionNoteProperty().get()).isEqualTo("forgejo has no connection string (git).");
        assertThat(model.details().fields()).isEmpty();
        assertThat(model.details().fieldsNoteProperty().get()).isEqualTo("No fields besides the TLS flag.");
        assertThat(model.details().canCopyConnectionProperty().get()).isFalse();
        assertThat(model.tls().tlsCapableProperty().get()).isTrue();

        select("grafana");
        assertThat(model.tls().tlsCapableProperty().get()).isFalse();
        assertThat(model.tls().canToggleTlsProperty().get()).isFalse();
        assertThat(model.details().fields()).extracting(CredentialsDetailViewModel.FieldRow::name).containsExactly("username",
                "password");
    }

    @Test
    void tlsSwitchRunsWithProgressAndUpdatesTheString() {
        open(VaultPhase.UNSEALED);
        assertThat(model.tls().tlsEnabledProperty().get()).isTrue();
        assertThat(model.tls().canToggleTlsProperty().get()).isTrue();

        model.tls().setTls(false);
        assertThat(model.action().busyProperty().get()).isTrue();
        assertThat(model.tls().canToggleTlsProperty().get()).as("disabled while it runs").isFalse();
        assertThat(model.tls().tlsEnabledProperty().get()).isFalse();
        assertThat(model.action().activityProperty().get()).isEqualTo("Turning TLS off for postgres: this restarts "
                + "vault-agent and postgres and can take a minute…");
        background.runAll();

        assertThat(model.tls().tlsLines()).containsExactly("secret/postgres: tls_enabled=false", "re-armed vault-agent",
                "restarting vault-agent and waiting until it is healthy",
                "restarting postgres and waiting until it is healthy");
        assertThat(model.action().busyProperty().get()).isFalse();
        assertThat(model.tls().tlsEnabledProperty().get()).isFalse();
        assertThat(model.action().noticeProperty().get()).isEqualTo(Notice.success("TLS is off for postgres",
                "Restarted vault-agent and postgres: healthy."));
        assertThat(model.details().connectionProperty().get()).doesNotContain("sslmode");
        assertThat(fake.calls).contains("tls postgres false");

        model.tls().setTls(false);
        assertThat(background.pending()).as("already off: nothing to do").isZero();
    }

    @Test
    void tlsSwitchWithoutARestarterSaysWhatToRestart() {
        fake.restarter = false;
        open(VaultPhase.UNSEALED);
        model.tls().setTls(false);
        background.runAll();
        assertThat(model.action().noticeProperty().get()).isEqualTo(Notice.warning("TLS is off for postgres in Vault",
                "To apply it, restart them: docker compose restart vault-agent postgres"));
    }

    @Test
    void failedTlsSwitchShowsTheErrorAndTheStateVaultReallyHas() {
        open(VaultPhase.UNSEALED);
        fake.failTlsBeforeChange = true;
        model.tls().setTls(false);
        background.runAll();
        assertThat(model.tls().tlsEnabledProperty().get()).as("back on").isTrue();
        assertThat(model.action().noticeProperty().get().title()).isEqualTo("Switching TLS off for postgres failed");
        assertThat(model.action().noticeProperty().get().detail()).contains("nothing was overwritten", "Hint: try again");

        // The flag changed, then the restart did not complete: the switch shows what Vault holds, the notice says
        // what postgres still runs with, and the page offers the restart again.
        fake.failTlsRestart = true;
        model.tls().setTls(false);
        background.runAll();
        assertThat(model.tls().tlsEnabledProperty().get()).isFalse();
        assertThat(model.action().noticeProperty().get().title())
                .isEqualTo("TLS is off in Vault; postgres still runs with TLS on");
        assertThat(model.action().noticeProperty().get().detail()).contains("did not become healthy", "Restart again");
        assertThat(model.tls().tlsRestartPendingProperty().get()).isEqualTo("postgres");
        assertThat(model.action().busyProperty().get()).isFalse();

        model.tls().retryTlsRestart();
        background.runAll();
        assertThat(fake.calls).contains("tls apply postgres");
        assertThat(model.tls().tlsRestartPendingProperty().get()).isEmpty();
        assertThat(model.action().noticeProperty().get().tone()).isEqualTo(Notice.Tone.SUCCESS);
    }

    @Test
    void certificateExpiryLevels() {
        fake.certificates.put("postgres", CertificateExpiry.of(FakeCredentialService.NOW.plus(Duration.ofDays(5))
                .plusSeconds(60), FakeCredentialService.NOW));
        open(VaultPhase.UNSEALED);
        assertThat(model.tls().expiryLevelProperty().get()).isEqualTo(CertificateExpiry.Level.CRITICAL);
        assertThat(model.tls().expiryTextProperty().get()).isEqualTo("Certificate expires in 5 days (critical).");

        select("redis-1");
        assertThat(model.tls().expiryLevelProperty().get()).isEqualTo(CertificateExpiry.Level.WARN);
        assertThat(model.tls().expiryTextProperty().get()).isEqualTo("Certificate expires in 20 days (renew soon).");

        fake.certificates.put("redis-1", CertificateExpiry.of(FakeCredentialService.NOW.plus(Duration.ofDays(300)),
                FakeCredentialService.NOW));
        select("postgres");
        select("redis-1");
        assertThat(model.tls().expiryLevelProperty().get()).isEqualTo(CertificateExpiry.Level.OK);
        assertThat(model.tls().expiryTextProperty().get()).isEqualTo("Certificate valid for 300 more days.");

        select("forgejo");
        assertThat(model.tls().expiryLevelProperty().get()).isNull();
        assertThat(model.tls().expiryTextProperty().get()).startsWith("No certificate stored yet");
    }

    @Test
    void sealedVaultDisablesWhatNeedsItButTheTokensCanStillBeCopied() {
        fake.sealed = true;
        open(VaultPhase.SEALED);

        assertThat(model.vaultAvailableProperty().get()).isFalse();
        assertThat(model.vaultNoticeProperty().get().title()).isEqualTo("Vault is sealed");
        assertThat(model.services()).hasSize(4);
        assertThat(model.details().fields()).isEmpty();
        assertThat(model.details().fieldsNoteProperty().get()).isEqualTo("The fields show once Vault is unsealed.");
        assertThat(model.details().canCopyProperty().get()).isFalse();
        assertThat(model.details().canCopyConnectionProperty().get()).isFalse();
        assertThat(model.tls().canToggleTlsProperty().get()).isFalse();
        assertThat(fake.calls).noneMatch(c -> c.startsWith("overview") || c.startsWith("masked"));
        model.copying().copyField("password");
        model.tls().setTls(false);
        assertThat(background.pending()).isZero();

        model.copying().copyToken(VaultToken.ROOT);
        background.runAll();
        assertThat(clipboard.text()).isEqualTo(FakeCredentialService.ROOT_TOKEN);
        assertThat(model.copying().copyStatusProperty().get()).isEqualTo("Copied the root token: clears in 30 s");
        assertThatNoPropertyHolds(FakeCredentialService.ROOT_TOKEN);

        // Unsealed meanwhile: the selection loads.
        fake.sealed = false;
        model.showVault(vault(VaultPhase.UNSEALED));
        background.runAll();
        assertThat(model.details().fields()).hasSize(3);
        assertThat(model.details().canCopyProperty().get()).isTrue();
    }

    @Test
    void downVaultIsSaidWithItsAddress() {
        open(VaultPhase.DOWN);
        Notice notice = model.vaultNoticeProperty().get();
        assertThat(notice.tone()).isEqualTo(Notice.Tone.DANGER);
        assertThat(notice.detail()).contains(ADDRESS, "Connection refused");
        assertThat(model.details().canCopyProperty().get()).isFalse();
    }

    @Test
    void missingTokenCannotBeCopied() {
        fake.appStored = false;
        open(VaultPhase.UNSEALED);
        assertThat(model.copying().appTokenStoredProperty().get()).isFalse();
        model.copying().copyToken(VaultToken.APP);
        assertThat(background.pending()).isZero();
    }

    @Test
    void lateAnswersForAnEarlierSelectionAreDropped() {
        open(VaultPhase.UNSEALED);
        model.selectedProperty().set(model.services().get(1));
        model.selectedProperty().set(model.services().get(3));
        background.runAll();
        assertThat(model.details().titleProperty().get()).isEqualTo("grafana");
        assertThat(model.details().fields()).extracting(CredentialsDetailViewModel.FieldRow::name).containsExactly("username",
                "password");
    }

    @Test
    void sealedWhileCopyingShowsVaultsMessage() {
        open(VaultPhase.UNSEALED);
        fake.sealed = true;
        model.copying().copyField("password");
        background.runAll();
        assertThat(model.action().noticeProperty().get().title()).isEqualTo("Could not copy the password of postgres");
        assertThat(model.action().noticeProperty().get().detail()).contains("is sealed", "Hint: run");
        assertThat(clipboard.puts()).isEmpty();
    }

    /** Every string property of the ViewModel: none may hold a secret value. */
    private void assertThatNoPropertyHolds(String secret) {
        List<String> values = new ArrayList<>();
        for (Method m : CredentialsViewModel.class.getMethods()) {
            if (m.getParameterCount() == 0 && ObservableValue.class.isAssignableFrom(m.getReturnType())) {
                try {
                    values.add(String.valueOf(((ObservableValue<?>) m.invoke(model)).getValue()));
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
        }
        values.add(model.details().fields().toString());
        values.add(model.tls().tlsLines().toString());
        assertThat(values).isNotEmpty().noneMatch(v -> v.contains(secret));
    }

    @Test
    void aServicesMessagesAndTlsLinesGoWhenAnotherIsSelectedAndComeBackWithIt() {
        open(VaultPhase.UNSEALED);
        fake.failTlsBeforeChange = true;
        model.tls().setTls(false);
        background.runAll();
        assertThat(model.action().noticeProperty().get().title()).isEqualTo("Switching TLS off for postgres failed");

        select("redis-1");
        assertThat(model.action().noticeProperty().get()).as("postgres's banner is not redis-1's").isNull();

        fake.failTlsBeforeChange = false;
        select("postgres");
        model.tls().setTls(false);
        model.selectedProperty().set(model.services().stream().filter(e -> e.service().equals("redis-1"))
                .findFirst().orElseThrow());
        background.runAll();

        assertThat(model.tls().tlsLines()).as("postgres's progress is not shown under redis-1").isEmpty();
        assertThat(model.action().noticeProperty().get()).isNull();

        select("postgres");
        assertThat(model.action().noticeProperty().get()).as("the outcome waits for its service")
                .isEqualTo(Notice.success("TLS is off for postgres", "Restarted vault-agent and postgres: healthy."));
    }

    @Test
    void theListSaysWhetherTlsIsOnNotOnlyThatItCanBe() {
        open(VaultPhase.SEALED);
        CredentialEntry postgres = model.services().getFirst();
        assertThat(model.describe(postgres)).as("not known while sealed").isEqualTo("postgresql \u00b7 TLS-capable");

        model.showVault(vault(VaultPhase.UNSEALED));
        background.runAll();
        assertThat(model.describe(postgres)).isEqualTo("postgresql \u00b7 TLS on");
        CredentialEntry grafana = model.services().getLast();
        assertThat(model.describe(grafana)).as("cannot switch TLS").doesNotContain("TLS");

        model.tls().setTls(false);
        background.runAll();
        assertThat(model.describe(postgres)).isEqualTo("postgresql \u00b7 TLS off");
    }
}
