package io.colimaservices.settings;

import io.colimaservices.domain.AppSettings;
import io.colimaservices.domain.LoadedSettings;
import io.colimaservices.domain.SavedSettings;
import io.colimaservices.domain.SettingsRepository;
import io.colimaservices.domain.UserError;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * Settings as JSON in {@code settings.json} in the app-support directory. A missing file means the defaults; a
 * bad or partly bad one gives the defaults where it is bad and a message per problem, never an exception.
 * <p>A file with problems is never silently overwritten: the first save after it moves it aside to
 * {@code settings.json.bad-<yyyyMMdd-HHmmss>} and says so ({@link SavedSettings#movedAside()}), so a hand edit with
 * one typo can still be recovered. The check is made on the file as it is on disk at save time, not as it was at
 * load time, so a file fixed meanwhile by hand is simply replaced.
 */
public final class JsonSettingsRepository implements SettingsRepository {
    public static final String FILE_NAME = "settings.json";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path file;
    private final Clock clock;

    public JsonSettingsRepository(Path directory) {
        this(directory, Clock.systemDefaultZone());
    }

    public JsonSettingsRepository(Path directory, Clock clock) {
        this.file = directory.resolve(FILE_NAME);
        this.clock = clock;
    }

    @Override
    public Path location() {
        return file;
    }

    @Override
    public LoadedSettings load() {
        if (!Files.exists(file)) {
            return new LoadedSettings(AppSettings.defaults(), List.of());
        }
        try {
            return SettingsJson.read(file, Files.readString(file, StandardCharsets.UTF_8));
        } catch (MalformedInputException e) {
            return new LoadedSettings(AppSettings.defaults(), List.of(file + ": not UTF-8 text; using the default "
                    + "settings"));
        } catch (IOException e) {
            return new LoadedSettings(AppSettings.defaults(), List.of(file + ": cannot be read (" + e
                    + "); using the default settings"));
        }
    }

    @Override
    public SavedSettings save(AppSettings settings) {
        try {
            Optional<Path> aside = Optional.empty();
            if (Files.exists(file) && !load().clean()) {
                aside = Optional.of(moveAside());
            }
            AtomicFiles.write(file, SettingsJson.write(settings));
            return new SavedSettings(file, aside);
        } catch (IOException e) {
            throw new UserError(UserError.Kind.CONFIGURATION, "cannot write " + file + ": " + e.getMessage(),
                    "check that " + file.getParent() + " is writable", e);
        }
    }

    private Path moveAside() throws IOException {
        String stamp = LocalDateTime.now(clock).format(STAMP);
        Path target = file.resolveSibling(FILE_NAME + ".bad-" + stamp);
        for (int n = 2; Files.exists(target); n++) {
            target = file.resolveSibling(FILE_NAME + ".bad-" + stamp + "-" + n);
        }
        return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
    }
}
