package io.colimaservices.domain;

import java.util.List;
import java.util.Objects;

/**
 * Settings as read from disk: every value that was valid, defaults for the rest, and one message per problem
 * (naming the file, the setting and, when known, the line). A bad file never stops the app.
 */
public record LoadedSettings(AppSettings settings, List<String> problems) {
    public LoadedSettings {
        Objects.requireNonNull(settings, "settings");
        problems = List.copyOf(problems);
    }

    public boolean clean() {
        return problems.isEmpty();
    }
}
