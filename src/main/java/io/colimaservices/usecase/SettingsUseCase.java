package io.colimaservices.usecase;

import io.colimaservices.domain.AppSettings;
import io.colimaservices.domain.LoadedSettings;
import io.colimaservices.domain.LoginItem;
import io.colimaservices.domain.SavedSettings;
import io.colimaservices.domain.SettingsRepository;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The settings and the login item for both faces ({@code settings}, {@code settings launch-at-login on|off}, the
 * Preferences page): read them, save them, turn launch at login on or off (the login item installed or removed
 * first, then the choice saved). Every change leaves a trace line.
 */
public final class SettingsUseCase {
    private final SettingsRepository repository;
    private final Supplier<LoginItem> loginItem;
    private final Runnable saved;
    private final ActionTrace trace;

    /** The settings as on disk, where they are, and the login item's state. */
    public record Current(LoadedSettings loaded, Path file, Path loginItem, boolean loginItemInstalled) {
        public AppSettings settings() {
            return loaded.settings();
        }
    }

    /**
     * A launch-at-login change: the login item changed ({@code loginItem}), then the choice was saved, or saving it
     * failed ({@code saveFailure}: the login item is as asked, the file still says otherwise).
     */
    public record LoginChange(boolean on, Path loginItem, Optional<SavedSettings> saved,
                              Optional<RuntimeException> saveFailure) {
    }

    /** @param saved told after every save (the faces forget the settings they read) */
    public SettingsUseCase(SettingsRepository repository, Supplier<LoginItem> loginItem, Runnable saved,
                           ActionTrace trace) {
        this.repository = repository;
        this.loginItem = loginItem;
        this.saved = saved;
        this.trace = trace;
    }

    public Current load() {
        LoginItem item = loginItem.get();
        return new Current(repository.load(), repository.location(), item.location(), item.isInstalled());
    }

    /** Writes the settings whole; a file that had problems is moved aside first. */
    public SavedSettings save(AppSettings settings) {
        SavedSettings result = trace.run("settings save", () -> repository.save(settings),
                s -> "saved to " + s.file() + s.movedAside().map(p -> " (the old file kept as " + p + ")").orElse(""));
        saved.run();
        return result;
    }

    /**
     * Installs or removes the login item (throws when that fails: nothing was saved), then saves the choice on top
     * of {@code base}.
     */
    public LoginChange setLaunchAtLogin(boolean on, AppSettings base) {
        LoginItem item = loginItem.get();
        String action = "settings launch-at-login " + (on ? "on" : "off");
        trace.run(action, () -> {
            if (on) {
                item.install();
            } else {
                item.remove();
            }
        }, (on ? "installed " : "removed ") + item.location());
        try {
            return new LoginChange(on, item.location(), Optional.of(save(base.withLaunchAtLogin(on))),
                    Optional.empty());
        } catch (RuntimeException e) {
            return new LoginChange(on, item.location(), Optional.empty(), Optional.of(e));
        }
    }
}
