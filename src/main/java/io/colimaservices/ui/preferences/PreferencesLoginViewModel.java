package io.colimaservices.ui.preferences;

import io.colimaservices.domain.SavedSettings;
import io.colimaservices.usecase.SettingsUseCase;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

import java.util.Optional;

/**
 * The Preferences page's launch-at-login panel: it applies at once, not with Save (the login item is installed or
 * removed, then the choice saved), as the page's action.
 */
public final class PreferencesLoginViewModel {
    private final PreferencesViewModel page;
    private final BooleanProperty launchAtLogin = new SimpleBooleanProperty(this, "launchAtLogin");
    private final ReadOnlyStringWrapper loginNote = new ReadOnlyStringWrapper("");
    /** The switch is being set from what is known: not the user's choice. */
    private boolean quiet;

    PreferencesLoginViewModel(PreferencesViewModel page) {
        this.page = page;
        launchAtLogin.addListener((o, was, now) -> {
            if (!quiet) {
                apply(now);
            }
        });
    }

    /** What was read: whether the item is installed, whether the settings want it, where it is. */
    void show(boolean installed, boolean wanted, String item) {
        setSwitch(installed);
        loginNote.set(words(installed, wanted, item));
    }

    private static String words(boolean installed, boolean wanted, String item) {
        if (installed) {
            return "Registered: " + item;
        }
        return wanted ? "The settings say on, but nothing is registered at " + item + ": turn it on to register it"
                : "Not registered (" + item + ")";
    }

    private void setSwitch(boolean on) {
        quiet = true;
        launchAtLogin.set(on);
        quiet = false;
    }

    private record Applied(SettingsUseCase.LoginChange change, Optional<String> notTaken) {
    }

    private void apply(boolean on) {
        if (page.baseline() == null || page.action().isBusy()) {
            setSwitch(!on); // not read yet, or a save runs: nothing was changed
            return;
        }
        String doing = on ? "Registering the app to start at login\u2026" : "Removing the login item\u2026";
        page.action().begin(doing);
        page.file().showStatus(doing);
        var base = page.baseline();
        page.action().work().run("launch at login", () -> {
            SettingsUseCase.LoginChange change = page.settings().setLaunchAtLogin(on, base);
            return new Applied(change, change.saveFailure().isPresent() ? Optional.empty() : page.tell());
        }, applied -> {
            page.action().end();
            String item = applied.change().loginItem().toString();
            loginNote.set(words(on, on, item));
            if (applied.change().saveFailure().isPresent()) {
                page.file().showStatus("");
                page.action().failShowingMessage("Launch at login is " + (on ? "on" : "off") + ", but the settings were not saved",
                        applied.change().saveFailure().get());
                return;
            }
            SavedSettings saved = applied.change().saved().orElseThrow();
            page.setBaseline(page.baseline().withLaunchAtLogin(on));
            page.saved(saved, on ? "Launch at login on" : "Launch at login off", applied.notTaken());
        }, e -> {
            page.action().end();
            page.file().showStatus("");
            setSwitch(!on);
            page.action().failShowingMessage(on ? "Launch at login not turned on" : "Launch at login not turned off", e);
        });
    }

    /** Turning it on or off installs or removes the login item at once, then saves the choice. */
    public BooleanProperty launchAtLoginProperty() {
        return launchAtLogin;
    }

    /** Where the login item is, and whether it is there. */
    public ReadOnlyStringProperty loginNoteProperty() {
        return loginNote.getReadOnlyProperty();
    }
}
