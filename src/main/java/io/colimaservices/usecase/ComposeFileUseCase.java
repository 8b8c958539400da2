package io.colimaservices.usecase;

import io.colimaservices.domain.AppSettings;
import io.colimaservices.domain.Catalog;
import io.colimaservices.domain.CatalogLoader;
import io.colimaservices.domain.SettingsRepository;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * "Choose compose file...": reads the chosen file first (a bad one is refused with its file and line, and nothing
 * changes), then keeps the choice in the settings and hands the catalog to the face, which applies it at once: no
 * restart. Leaves a trace line.
 */
public final class ComposeFileUseCase {
    private final SettingsRepository settings;
    private final CatalogLoader loader;
    private final Consumer<Catalog> apply;
    private final ActionTrace trace;

    /** @param apply the face's: its catalog replaced (the app's store, the compose CLI's files) */
    public ComposeFileUseCase(SettingsRepository settings, CatalogLoader loader, Consumer<Catalog> apply,
                              ActionTrace trace) {
        this.settings = settings;
        this.loader = loader;
        this.apply = apply;
        this.trace = trace;
    }

    /** @throws io.colimaservices.domain.CatalogException when the file cannot be read: nothing is saved */
    public Catalog choose(Path file) {
        Path chosen = file.toAbsolutePath().normalize();
        return trace.run("compose-file " + chosen, () -> {
            Catalog catalog = loader.load(chosen);
            AppSettings current = settings.load().settings();
            settings.save(current.withComposeFile(Optional.of(chosen)));
            apply.accept(catalog);
            return catalog;
        }, catalog -> "now in use: " + catalog.serviceNames().size() + " services");
    }
}
