package io.colimaservices.ui.preferences;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.PrimerLight;
import io.colimaservices.domain.AppSettings;
import io.colimaservices.domain.LoadedSettings;
import io.colimaservices.domain.VmSpec;
import io.colimaservices.testing.FakePlatform;
import io.colimaservices.testing.FxSettle;
import io.colimaservices.ui.common.UiExecutors;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The Preferences page rendered headless (Monocle), clicked through against an in-memory settings file. */
class PreferencesViewTest extends ApplicationTest {
    private static final Path CHOSEN = Path.of("/Users/me/stack/docker-compose.yml");

    private final FakeSettings settings = new FakeSettings();
    private final AtomicInteger changed = new AtomicInteger();
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private PreferencesViewModel model;

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        model = new PreferencesViewModel(UiExecutors.fx(), background, settings.useCase(),
                FakePlatform.appleSiliconMac(), changed::incrementAndGet,
                ComposeFileChoice.SAVED_ONLY);
        PreferencesView view = new PreferencesView(model, (owner, current) -> Optional.of(CHOSEN));
        Scene scene = new Scene(view.root(), 1100, 790);
        scene.getStylesheets().add(getClass().getResource("/io/colimaservices/ui/app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        model.shown();
    }

    @AfterEach
    void stopBackground() {
        background.shutdownNow();
    }

    private void waitFor(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            FxSettle.settle();
            return condition.getAsBoolean();
        });
    }

    private void loaded() throws Exception {
        waitFor(() -> model.loadedProperty().get() && !model.action().busyProperty().get());
    }

    private void reload(LoadedSettings onDisk) throws Exception {
        settings.onDisk.set(onDisk);
        interact(model::load);
        loaded();
    }

    private TextField field(String id) {
        return lookup(id).queryAs(TextField.class);
    }

    private void type(String id, String text) {
        doubleClickOn(id).eraseText(field(id).getText().length() + 1).write(text);
        FxSettle.settle();
    }

    private Button button(String id) {
        return lookup(id).queryButton();
    }

    private boolean shown(String id) {
        for (Node n = lookup(id).query(); n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void showsTheFileInTheForm() throws Exception {
        loaded();

        assertThat(field("#prefs-profile").getText()).isEqualTo("default");
        assertThat(field("#prefs-cpus").getText()).isEqualTo("4");
        assertThat(field("#prefs-memory").getText()).isEqualTo("8");
        assertThat(field("#prefs-disk").getText()).isEqualTo("60");
        assertThat(field("#prefs-clipboard").getText()).isEqualTo("30");
        assertThat(lookup("#prefs-arch").queryComboBox().getValue()).isEqualTo("aarch64");
        assertThat(lookup("#prefs-rosetta").queryAs(CheckBox.class).isSelected()).isTrue();
        assertThat(lookup("#prefs-launch-at-login").queryAs(ToggleSwitch.class).isSelected()).isFalse();
        assertThat(lookup("#prefs-compose-file").queryLabeled().getText()).isEqualTo("The bundled stack");
        assertThat(lookup("#prefs-file").queryLabeled().getText()).isEqualTo("Saved in " + FakeSettings.FILE);
        assertThat(button("#prefs-save").isDisabled()).isTrue();
        assertThat(button("#prefs-revert").isDisabled()).isTrue();
        assertThat(shown("#prefs-problems")).isFalse();
        assertThat(shown("#prefs-failure")).isFalse();
    }

    @Test
    void anInvalidValueShowsTheRuleAndBlocksSaveUntilFixed() throws Exception {
        loaded();

        type("#prefs-cpus", "0");

        assertThat(shown("#prefs-cpus-error")).isTrue();
        assertThat(lookup("#prefs-cpus-error").queryLabeled().getText()).isEqualTo("cpus must be from 1 to 256, not 0");
        assertThat(shown("#prefs-invalid")).isTrue();
        assertThat(button("#prefs-save").isDisabled()).isTrue();

        type("#prefs-cpus", "6");
        assertThat(shown("#prefs-cpus-error")).isFalse();
        assertThat(button("#prefs-save").isDisabled()).isFalse();

        clickOn("#prefs-save");
        waitFor(() -> !settings.saves.isEmpty() && !model.action().busyProperty().get());

        assertThat(settings.saves).containsExactly(AppSettings.defaults().withVm(VmSpec.defaults().withCpus(6)));
        assertThat(changed.get()).isEqualTo(1);
        assertThat(lookup("#prefs-status").queryLabeled().getText()).isEqualTo("Saved to " + FakeSettings.FILE);
        assertThat(button("#prefs-save").isDisabled()).isTrue();
    }

    @Test
    void choicesAndOptionsAreSavedAsPicked() throws Exception {
        loaded();

        ComboBox<String> arch = lookup("#prefs-arch").queryComboBox();
        clickOn(arch);
        clickOn("x86_64");
        clickOn("#prefs-kubernetes");
        clickOn("#prefs-rosetta");
        clickOn("#prefs-start-vm");
        clickOn("#prefs-unseal-automatically");
        clickOn("#prefs-save");
        waitFor(() -> !settings.saves.isEmpty() && !model.action().busyProperty().get());

        AppSettings saved = settings.saves.getFirst();
        assertThat(saved.vm().arch()).isEqualTo("x86_64");
        assertThat(saved.vm().kubernetes()).isTrue();
        assertThat(saved.vm().rosetta()).isFalse();
        assertThat(saved.startVmOnLaunch()).isTrue();
        assertThat(saved.unsealAutomatically()).as("on by default, switched off").isFalse();
    }

    @Test
    void revertPutsTheFileBack() throws Exception {
        loaded();
        type("#prefs-memory", "12");
        assertThat(button("#prefs-revert").isDisabled()).isFalse();

        clickOn("#prefs-revert");
        loaded();

        assertThat(field("#prefs-memory").getText()).isEqualTo("8");
        assertThat(button("#prefs-revert").isDisabled()).isTrue();
        assertThat(settings.saves).isEmpty();
    }

    @Test
    void theComposeFileIsChosenOrResetToTheBundledStack() throws Exception {
        loaded();
        assertThat(button("#prefs-compose-bundled").isDisabled()).isTrue();

        clickOn("#prefs-compose-choose");
        // The chosen path is longer than "The bundled stack": the buttons after it in the row move right at the
        // next layout. Click the reset button where it is then, not where it was.
        FxSettle.settle();
        assertThat(lookup("#prefs-compose-file").queryLabeled().getText()).isEqualTo(CHOSEN.toString());
        assertThat(button("#prefs-compose-bundled").isDisabled()).isFalse();

        clickOn("#prefs-compose-bundled");
        assertThat(lookup("#prefs-compose-file").queryLabeled().getText()).isEqualTo("The bundled stack");
    }

    @Test
    void theLaunchSwitchRegistersTheAppAtOnce() throws Exception {
        loaded();

        clickOn("#prefs-launch-at-login");
        waitFor(() -> !settings.saves.isEmpty() && !model.action().busyProperty().get());

        assertThat(settings.login.calls).containsExactly("install");
        assertThat(settings.saves).containsExactly(AppSettings.defaults().withLaunchAtLogin(true));
        assertThat(lookup("#prefs-login-note").queryLabeled().getText())
                .isEqualTo("Registered: " + FakeSettings.Login.AGENT);
        assertThat(lookup("#prefs-launch-at-login").queryAs(ToggleSwitch.class).isSelected()).isTrue();
    }

    @Test
    void aFailedRegistrationFlipsTheSwitchBackAndSaysWhy() throws Exception {
        loaded();
        settings.login.failNext = FakeSettings.noLaunchCommand();

        clickOn("#prefs-launch-at-login");
        waitFor(() -> shown("#prefs-failure"));

        assertThat(title("prefs-failure")).isEqualTo("Launch at login not turned on");
        assertThat(detail("prefs-failure")).startsWith("launch at login needs the packaged app")
                .contains("\nHint: install the app from its package");
        assertThat(lookup("#prefs-launch-at-login").queryAs(ToggleSwitch.class).isSelected()).isFalse();
        assertThat(settings.saves).isEmpty();
    }

    @Test
    void theFilesProblemsShowUntilASaveReplacesItAndSaysWhereItWent() throws Exception {
        loaded();
        reload(new LoadedSettings(AppSettings.defaults(), List.of(FakeSettings.FILE
                + ":5: colima.cpus must be a whole number from 1 to 256, found \"four\"; using 4")));

        assertThat(shown("#prefs-problems")).isTrue();
        assertThat(title("prefs-problems")).isEqualTo("The settings file has 1 problem");
        assertThat(detail("prefs-problems")).startsWith(FakeSettings.FILE + ":5: colima.cpus must be a whole number");

        type("#prefs-cpus", "4 ");
        type("#prefs-disk", "80");
        clickOn("#prefs-save");
        waitFor(() -> shown("#prefs-moved-aside"));

        assertThat(detail("prefs-moved-aside"))
                .isEqualTo("The settings file had problems, so it was kept as " + FakeSettings.ASIDE
                        + " and replaced.");
        assertThat(shown("#prefs-problems")).isFalse();
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
