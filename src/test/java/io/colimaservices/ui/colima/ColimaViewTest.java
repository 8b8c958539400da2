package io.colimaservices.ui.colima;

import atlantafx.base.theme.PrimerLight;
import io.colimaservices.domain.SocketCondition;
import io.colimaservices.domain.SocketDiagnosis;
import io.colimaservices.domain.SocketFix;
import io.colimaservices.domain.StackStore;
import io.colimaservices.domain.VmPhase;
import io.colimaservices.domain.VmSpec;
import io.colimaservices.domain.VmState;
import io.colimaservices.domain.VmWatcher;
import io.colimaservices.testing.FxSettle;
import io.colimaservices.ui.common.UiExecutors;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static io.colimaservices.domain.Fixtures.smallStack;
import static io.colimaservices.domain.Fixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Colima page rendered headless (Monocle), clicked through against a fake Colima; actions run off the FX thread.
 */
class ColimaViewTest extends ApplicationTest {
    private final FakeVm vm = new FakeVm();
    private final List<String> copied = new CopyOnWriteArrayList<>();
    private final List<Boolean> actionsOnFxThread = new CopyOnWriteArrayList<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private VmWatcher watcher;

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        StackStore store = new StackStore(snapshot(smallStack()));
        watcher = new VmWatcher(vm, vm.socketCheck(), store, () -> "default");
        vm.during = () -> actionsOnFxThread.add(javafx.application.Platform.isFxApplicationThread());
        ColimaViewModel model = new ColimaViewModel(UiExecutors.fx(), background, store,
                vm.useCase(watcher, VmSpec::defaults), copied::add);
        ColimaSection section = new ColimaSection(model);
        Scene scene = new Scene((javafx.scene.Parent) section.build(), 1000, 760);
        scene.getStylesheets().add(getClass().getResource("/io/colimaservices/ui/app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stopBackground() {
        background.shutdownNow();
    }

    private void show(VmState state) {
        vm.state.set(state);
        watcher.refresh();
        FxSettle.settle();
    }

    private void waitFor(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            FxSettle.settle();
            return condition.getAsBoolean();
        });
    }

    private String text(String id) {
        return lookup(id).queryLabeled().getText();
    }

    private boolean shown(String id) {
        Node node = lookup(id).query();
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private ListView<String> output() {
        return lookup("#vm-output").queryListView();
    }

    @Test
    void runningVmShowsStateResourcesAndSocket() {
        show(FakeVm.running("default"));

        assertThat(text("#vm-phase")).isEqualTo("Running");
        assertThat(text("#vm-profile")).isEqualTo("profile default");
        assertThat(text("#vm-fact-arch")).isEqualTo("aarch64");
        assertThat(text("#vm-fact-cpus")).isEqualTo("4");
        assertThat(text("#vm-fact-memory")).isEqualTo("8 GiB");
        assertThat(text("#vm-fact-disk")).isEqualTo("60 GiB");
        assertThat(text("#vm-fact-address")).isEqualTo("192.168.106.2");
        assertThat(text("#socket-condition")).isEqualTo("Answering");
        assertThat(text("#socket-path")).isEqualTo(FakeVm.SOCKET);
        assertThat(shown("#socket-fix")).isFalse();
        assertThat(shown("#socket-fix-command-box")).isFalse();
        assertThat(shown("#vm-not-installed")).isFalse();
        assertThat(shown("#vm-failure")).isFalse();
        assertThat(lookup("#vm-start").queryButton().isDisabled()).isTrue();
        assertThat(lookup("#vm-stop").queryButton().isDisabled()).isFalse();
    }

    @Test
    void startStreamsColimasOutputIntoTheListOffTheFxThread() throws Exception {
        show(FakeVm.stopped("default"));
        assertThat(text("#vm-phase")).isEqualTo("Stopped");

        clickOn("#vm-start");
        waitFor(() -> text("#vm-phase").equals("Running") && !output().getItems().isEmpty());

        assertThat(output().getItems()).containsExactly("INFO starting colima", "INFO runtime: docker", "INFO done");
        assertThat(actionsOnFxThread).containsExactly(false);
        assertThat(text("#vm-activity")).isEqualTo("VM default started");
        assertThat(lookup("#vm-spinner").query().isVisible()).isFalse();
        assertThat(lookup("#vm-start").queryButton().isDisabled()).isTrue();
    }

    @Test
    void aFailureShowsTheMessageAndHintNeverAStackTrace() throws Exception {
        show(FakeVm.stopped("default"));
        vm.failNext = FakeVm.startFailed();

        clickOn("#vm-start");
        waitFor(() -> shown("#vm-failure"));

        assertThat(title("vm-failure")).isEqualTo("Starting failed");
        assertThat(detail("vm-failure")).startsWith("colima start --profile default failed (exit 1)")
                .contains("\nHint: the lines above are Colima's own");
        assertThat(lookup(n -> n instanceof Text || n instanceof Labeled).queryAll()).allSatisfy(n -> {
            String shown = n instanceof Text t ? t.getText() : ((Labeled) n).getText();
            assertThat(shown == null ? "" : shown).doesNotContain("Exception", "\tat io.");
        });
        assertThat(lookup("#vm-start").queryButton().isDisabled()).as("may try again").isFalse();
    }

    @Test
    void deleteAsksForTheProfileNameTypedOut() throws Exception {
        show(FakeVm.stopped("default"));
        assertThat(shown("#vm-delete-box")).isFalse();

        clickOn("#vm-delete");
        FxSettle.settle();
        assertThat(shown("#vm-delete-box")).isTrue();
        Button confirm = lookup("#vm-delete-confirm").queryButton();
        assertThat(confirm.isDisabled()).isTrue();

        clickOn("#vm-delete-name").write("work");
        assertThat(confirm.isDisabled()).isTrue();
        doubleClickOn("#vm-delete-name").write("default");
        FxSettle.settle();
        assertThat(confirm.isDisabled()).isFalse();
        assertThat(vm.calls).noneMatch(c -> c.startsWith("delete"));

        clickOn("#vm-delete-confirm");
        waitFor(() -> text("#vm-phase").equals("Not created yet"));

        assertThat(vm.calls).contains("delete default in PT5M");
        assertThat(shown("#vm-delete-box")).isFalse();
        assertThat(lookup("#vm-delete").queryButton().isDisabled()).isTrue();
    }

    @Test
    void cancelClosesTheConfirmationWithoutDeleting() {
        show(FakeVm.running("default"));

        clickOn("#vm-delete");
        // The confirmation just shown has its place once laid out: clicking before that misses its cancel button.
        FxSettle.settle();
        clickOn("#vm-delete-cancel");

        assertThat(shown("#vm-delete-box")).isFalse();
        assertThat(vm.calls).noneMatch(c -> c.startsWith("delete"));
    }

    @Test
    void aCommandFixIsShownWithACopyButton() {
        vm.diagnosis.set(state -> new SocketDiagnosis(SocketCondition.CONTEXT_ELSEWHERE, FakeVm.SOCKET,
                "the docker CLI's current context is 'desktop-linux'", SocketFix.USE_COLIMA_CONTEXT,
                "docker context use colima"));
        show(FakeVm.running("default"));

        assertThat(text("#socket-condition")).isEqualTo("Docker context points elsewhere");
        assertThat(text("#socket-detail")).isEqualTo("the docker CLI's current context is 'desktop-linux'");
        assertThat(shown("#socket-fix")).isFalse();
        assertThat(text("#socket-fix-command")).isEqualTo("docker context use colima");

        clickOn("#socket-fix-copy");

        assertThat(copied).containsExactly("docker context use colima");
        assertThat(text("#vm-notice")).isEqualTo("Copied: docker context use colima");
    }

    @Test
    void aVmFixIsAButtonThatRunsTheAction() throws Exception {
        vm.diagnosis.set(state -> state.phase() == VmPhase.RUNNING && vm.calls.stream()
                .noneMatch(c -> c.startsWith("restart"))
                ? new SocketDiagnosis(SocketCondition.REFUSING, FakeVm.SOCKET, "connection refused",
                SocketFix.RESTART_VM, "colima restart --profile default")
                : FakeVm.usual(state));
        show(FakeVm.running("default"));
        assertThat(text("#socket-condition")).isEqualTo("Refusing connections");
        assertThat(text("#socket-fix")).isEqualTo("Restart VM");

        clickOn("#socket-fix");
        waitFor(() -> text("#socket-condition").equals("Answering"));

        assertThat(vm.calls).contains("restart default cpus=4 in PT15M");
        assertThat(shown("#socket-fix")).isFalse();
    }

    @Test
    void notInstalledShowsHowToInstall() throws Exception {
        show(VmState.of("default", VmPhase.NOT_INSTALLED));
        waitFor(() -> text("#vm-tool-description").startsWith("colima not found on PATH"));

        assertThat(shown("#vm-not-installed")).isTrue();
        assertThat(text("#vm-install-command")).isEqualTo("brew install colima");
        assertThat(shown("#socket-fix-command-box")).as("said once, above").isFalse();
        assertThat(lookup("#vm-start").queryButton().isDisabled()).isTrue();

        clickOn("#vm-install-copy");

        assertThat(copied).containsExactly("brew install colima");
    }

    /** The title of a page message (a {@code MessageArea}). */
    private String title(String id) {
        return lookup("#" + id + "-title").queryAs(Label.class).getText();
    }

    /** The detail of a page message (a {@code MessageArea}). */
    private String detail(String id) {
        return lookup("#" + id + "-detail").queryAs(Label.class).getText();
    }
}
