package io.colimaservices.ui.preferences;

import io.colimaservices.domain.NativePlatform;
import io.colimaservices.usecase.SettingsUseCase;
import io.colimaservices.ui.common.Section;
import io.colimaservices.ui.common.UiExecutors;
import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

import java.util.Objects;
import java.util.concurrent.Executor;

/** The Preferences page. It reads the settings file each time it is shown, unless the form holds edits. */
public final class PreferencesSection implements Section {
    private final PreferencesViewModel model;

    /**
     * @param settings the settings file and launch at login
     * @param platform the machine, for warnings about the VM's resources
     * @param settingsChanged called on the background executor after every save (e.g. {@code context::settingsChanged})
     * @param background reads and writes the file and the login item
     * @param composeFiles applies a newly saved compose file at once (the dashboard's "Choose compose file..." path)
     */
    public PreferencesSection(SettingsUseCase settings, NativePlatform platform, Runnable settingsChanged,
                              Executor background, ComposeFileChoice composeFiles) {
        this(new PreferencesViewModel(UiExecutors.fx(), background, settings, platform, settingsChanged,
                composeFiles));
    }

    /** With a model made elsewhere (tests, screenshots). */
    public PreferencesSection(PreferencesViewModel model) {
        this.model = Objects.requireNonNull(model);
    }

    @Override
    public String id() {
        return "preferences";
    }

    @Override
    public String title() {
        return "Preferences";
    }

    @Override
    public Ikon icon() {
        return Feather.SLIDERS;
    }

    @Override
    public Node build() {
        return new PreferencesView(model).root();
    }

    @Override
    public void shown() {
        model.shown();
    }

    public PreferencesViewModel model() {
        return model;
    }

    @Override
    public java.util.Optional<io.colimaservices.ui.common.ActionState> actionState() {
        return java.util.Optional.of(model.action());
    }
}
