package io.colimaservices.app;

import io.colimaservices.domain.VaultPhase;
import io.colimaservices.ui.common.ActionFailures;
import io.colimaservices.ui.common.ActionState;
import io.colimaservices.ui.common.Notice;
import io.colimaservices.ui.common.UiExecutors;
import io.colimaservices.ui.credentials.FakeCredentialService;
import io.colimaservices.ui.vault.FakeVaultOperations;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The menu's actions end where the user sees them: a failing tray action shows its failure on its page while the
 * window is open (and brings that page forward), as a notification while it is not; never only in the log.
 */
class MenuRouterTest {
    private final FakeCredentialService credentials = new FakeCredentialService();
    private final FakeVaultOperations vault = new FakeVaultOperations();
    private final List<Notice> notifications = new ArrayList<>();
    private final List<String> shown = new ArrayList<>();
    private final List<String> copied = new ArrayList<>();
    private final Map<String, ActionState> pages = new HashMap<>();
    private boolean windowShowing;
    private int vaultRefreshes;

    private final ActionFailures.Window window = new ActionFailures.Window() {
        @Override
        public boolean isShowing() {
            return windowShowing;
        }

        @Override
        public Optional<ActionState> messages(String section) {
            return Optional.ofNullable(pages.get(section));
        }

        @Override
        public void show(String section) {
            shown.add(section);
        }
    };

    private final MenuRouter router = new MenuRouter(new Desktop(),
            () -> new MenuRouter.Actions(credentials, vault.useCase(), Optional.empty(), null),
            () -> Duration.ofSeconds(30), () -> vaultRefreshes++, Runnable::run,
            new ActionFailures(UiExecutors.direct(), window, notifications::add));

    @Test
    void aFailingCopyWhileTheWindowIsClosedIsANotification() {
        credentials.sealed = true;

        router.copyPassword("postgres");

        assertThat(copied).isEmpty();
        assertThat(notifications).singleElement().satisfies(n -> {
            assertThat(n.tone()).isEqualTo(Notice.Tone.DANGER);
            assertThat(n.title()).isEqualTo("Could not copy the password of postgres");
            assertThat(n.detail()).isEqualTo("Vault at http://127.0.0.1:8200 is sealed (progress 0/3)\n"
                    + "Hint: run 'colima-services vault unseal'");
        });
        assertThat(shown).isEmpty();
    }

    @Test
    void aFailingCopyWhileTheWindowIsOpenShowsOnTheCredentialsPage() {
        ActionState page = page("credentials");
        windowShowing = true;
        credentials.sealed = true;

        router.copyConnectionString("postgres");

        assertThat(notifications).isEmpty();
        assertThat(page.failureProperty().get().title()).isEqualTo("Could not copy the connection string of postgres");
        assertThat(page.noticeProperty().get()).isEqualTo(page.failureProperty().get());
        assertThat(shown).containsExactly("credentials");
    }

    @Test
    void anOpenWindowWhosePageWasNeverBuiltStillNotifies() {
        windowShowing = true;

        credentials.sealed = true;

        router.setTls("postgres", false);

        assertThat(notifications).singleElement().satisfies(n -> {
            assertThat(n.title()).isEqualTo("Turning TLS off for postgres failed");
            assertThat(n.detail()).startsWith("Vault at http://127.0.0.1:8200 is sealed");
        });
    }

    @Test
    void aFailingUnsealShowsOnTheVaultPageAndAsksForAFreshState() {
        ActionState page = page("vault");
        windowShowing = true;
        vault.phase = VaultPhase.SEALED;

        router.unsealVault();

        assertThat(page.failureProperty().get().title()).isEqualTo("Unseal failed");
        assertThat(page.failureProperty().get().detail()).startsWith("no unseal key shares in ");
        assertThat(shown).containsExactly("vault");
        assertThat(vaultRefreshes).isEqualTo(1);
    }

    @Test
    void aVmActionWithoutVmControlSaysSo() {
        router.startVm();

        assertThat(notifications).singleElement().satisfies(n -> {
            assertThat(n.title()).isEqualTo("Starting the VM failed");
            assertThat(n.detail()).contains("no VM control");
        });
    }

    @Test
    void aCopyThatWorksReachesTheClipboardAndNoMessage() {
        router.copyPassword("postgres");

        assertThat(copied).containsExactly(FakeCredentialService.PG_PASSWORD + " for PT30S");
        assertThat(notifications).isEmpty();
    }

    private ActionState page(String id) {
        ActionState state = new ActionState(UiExecutors.direct(), Runnable::run);
        pages.put(id, state);
        return state;
    }

    /** The desktop as the router sees it; records what it was asked. */
    private final class Desktop implements MenuRouter.Desktop {
        @Override
        public void show(String section) {
            shown.add(section);
        }

        @Override
        public void showLogsOf(String service) {
            shown.add("logs " + service);
        }

        @Override
        public void startTarget(String target) {
        }

        @Override
        public void startTier(String tier) {
        }

        @Override
        public void stopTarget(String target) {
        }

        @Override
        public void restartService(String service) {
        }

        @Override
        public boolean vmThroughPage(boolean start) {
            return false;
        }

        @Override
        public void openUrl(String url) {
        }

        @Override
        public int useComposeFile(java.nio.file.Path file) {
            throw new UnsupportedOperationException("not used by the menu");
        }

        @Override
        public void copyPlain(String text) {
        }

        @Override
        public void copySecret(String value, Duration delay) {
            copied.add(value + " for " + delay);
        }

        @Override
        public void showCommand(String title, String message, String commandLine) {
        }

        @Override
        public void quit() {
        }
    }
}
