package io.colimaservices.ui.preferences;

import io.colimaservices.domain.AppSettings;
import io.colimaservices.domain.LoadedSettings;
import io.colimaservices.domain.LoginItem;
import io.colimaservices.domain.SavedSettings;
import io.colimaservices.domain.SettingsRepository;
import io.colimaservices.domain.UserError;
import io.colimaservices.usecase.ActionTrace;
import io.colimaservices.usecase.SettingsUseCase;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A settings file and a login item in memory. Like the real repository, a save replaces a file that had problems
 * and says where it was moved; a test can make the next save, install or remove fail.
 */
public final class FakeSettings implements SettingsRepository {
    public static final Path FILE = Path.of("/Users/me/Library/Application Support/Colima Services/settings.json");
    public static final Path ASIDE = Path.of(FILE + ".bad-20261127-101500");

    public final AtomicReference<LoadedSettings> onDisk =
            new AtomicReference<>(new LoadedSettings(AppSettings.defaults(), List.of()));
    public final List<AppSettings> saves = new CopyOnWriteArrayList<>();
    public volatile RuntimeException failNextSave;
    public final Login login = new Login();

    @Override
    public Path location() {
        return FILE;
    }

    /** The settings' use case over this file and its login item, as the page gets it. */
    public SettingsUseCase useCase() {
        return new SettingsUseCase(this, () -> login, () -> { }, ActionTrace.NONE);
    }

    @Override
    public LoadedSettings load() {
        return onDisk.get();
    }

    @Override
    public SavedSettings save(AppSettings settings) {
        RuntimeException failure = failNextSave;
        if (failure != null) {
            failNextSave = null;
            throw failure;
        }
        saves.add(settings);
        boolean bad = !onDisk.get().clean();
        onDisk.set(new LoadedSettings(settings, List.of()));
        return new SavedSettings(FILE, bad ? Optional.of(ASIDE) : Optional.empty());
    }

    /** Launch at login, recorded. */
    public static final class Login implements LoginItem {
        public static final Path AGENT = Path.of("/Users/me/Library/LaunchAgents/io.colimaservices.app.plist");
        public final List<String> calls = new CopyOnWriteArrayList<>();
        public volatile boolean installed;
        public volatile RuntimeException failNext;

        @Override
        public Path location() {
            return AGENT;
        }

        @Override
        public boolean isInstalled() {
            return installed;
        }

        @Override
        public void install() {
            calls.add("install");
            fail();
            installed = true;
        }

        @Override
        public void remove() {
            calls.add("remove");
            fail();
            installed = false;
        }

        private void fail() {
            RuntimeException failure = failNext;
            if (failure != null) {
                failNext = null;
                throw failure;
            }
        }
    }

    public static UserError noLaunchCommand() {
        return new UserError(UserError.Kind.CONFIGURATION, "launch at login needs the packaged app: this copy runs "
                + "from class folders, and there is no command that would start it again",
                "install the app from its package, then turn launch at login on");
    }
}
