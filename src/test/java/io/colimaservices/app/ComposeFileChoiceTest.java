package io.colimaservices.app;

import io.colimaservices.colima.ColimaPaths;
import io.colimaservices.domain.Catalog;
import io.colimaservices.domain.CatalogException;
import io.colimaservices.domain.StackSnapshot;
import io.colimaservices.domain.StackStore;
import io.colimaservices.settings.AppDirectories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Started from a copied jar, the compose file was missing and the app never connected to Docker: the session's
 * actions asked for the compose CLI, which read the catalog, which threw. A missing file is the file's problem
 * only; "Choose compose file..." applies a good file at once, refuses a bad one with its line.
 */
class ComposeFileChoiceTest {
    @TempDir
    Path dir;

    private AppContext context(Path composeFile) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("HOME", dir.toString());
        AppDirectories dirs = AppDirectories.of("Linux", dir, Map.of("XDG_CONFIG_HOME", dir.resolve("config").toString(),
                "XDG_STATE_HOME", dir.resolve("state").toString(), "XDG_RUNTIME_DIR", dir.resolve("run").toString()));
        return new AppContext(new LaunchOptions(Optional.of(composeFile), "p", Optional.of("unix:///nonexistent.sock")),
                env, ColimaPaths.fromSystem(), dirs, dir, () -> {
                    throw new AssertionError("no native platform needed");
                });
    }

    @Test
    void aMissingComposeFileDoesNotKeepTheSessionFromConnecting() {
        try (AppContext context = context(dir.resolve("missing/docker-compose.yml"))) {
            AppContext.CatalogResult catalog = context.catalogOrError();
            assertThat(catalog.error()).get().asString().contains("missing/docker-compose.yml").contains("not found");
            StackStore store = new StackStore(StackSnapshot.initial("p", catalog.catalog(), catalog.error(),
                    "unix:///nonexistent.sock", "http://127.0.0.1:8200", "default"));

            // What the session builds when it connects: before, this threw the catalog's error.
            assertThat(context.stackActions(store)).isNotNull();
        }
    }

    @Test
    void aChosenComposeFileIsAppliedAtOnceAndKeptAndABadOneIsRefusedWithItsLine() throws IOException {
        Path good = dir.resolve("stack/docker-compose.yml");
        Files.createDirectories(good.getParent());
        Files.writeString(good, """
                services:
                  db:
                    image: busybox
                    labels:
                      io.colima-services.group: data
                """);
        Path bad = dir.resolve("stack/broken.yml");
        Files.writeString(bad, "services:\n  db:\n    image: [busybox\n");
        try (AppContext context = context(dir.resolve("missing/docker-compose.yml"))) {
            List<Catalog> applied = new ArrayList<>();

            assertThatThrownBy(() -> context.useCases().composeFile(applied::add).choose(bad))
                    .isInstanceOf(CatalogException.class).hasMessageContaining("broken.yml:");
            assertThat(applied).isEmpty();
            assertThat(context.settings().settings().composeFile()).isEmpty();

            Catalog chosen = context.useCases().composeFile(applied::add).choose(good);

            assertThat(chosen.serviceNames()).containsExactly("db");
            assertThat(applied).containsExactly(chosen);
            assertThat(context.composeFile()).isEqualTo(good);
            assertThat(context.catalog().serviceNames()).containsExactly("db");
            assertThat(context.settings().settings().composeFile()).contains(good);
        }
    }

    @Test
    void theVaultAddressAndDockerHostChosenInPreferencesApplyWithoutARestartAndAnOptionWins() {
        try (AppContext context = new AppContext(new LaunchOptions(Optional.of(dir.resolve("c.yml")), "p",
                Optional.empty()), Map.of("HOME", dir.toString(), "XDG_CONFIG_HOME", dir.resolve("config").toString()),
                ColimaPaths.fromSystem(), AppDirectories.of("Linux", dir, Map.of("XDG_CONFIG_HOME",
                dir.resolve("config").toString())), dir, () -> {
                    throw new AssertionError("no native platform needed");
                })) {
            assertThat(context.vaultEndpoint().display()).isEqualTo("http://127.0.0.1:8200");
            String before = context.vaultGateway().address();

            context.useCases().settings().save(io.colimaservices.domain.AppSettings.defaults().withConnections(
                    new io.colimaservices.domain.Connections(Optional.of("http://127.0.0.1:18200"), Optional.empty(),
                            Optional.of("unix:///tmp/other-docker.sock"))));

            assertThat(before).isEqualTo("http://127.0.0.1:8200");
            assertThat(context.vaultGateway().address()).isEqualTo("http://127.0.0.1:18200");
            assertThat(context.vaultHttp()).isSameAs(context.vaultHttp());
            assertThat(context.dockerHost().display()).isEqualTo("unix:///tmp/other-docker.sock");
        }
        try (AppContext context = new AppContext(new LaunchOptions(Optional.of(dir.resolve("c.yml")), "p",
                Optional.of("unix:///tmp/option.sock"), "http://127.0.0.1:28200", Optional.empty()),
                Map.of("HOME", dir.toString()), ColimaPaths.fromSystem(), AppDirectories.of("Linux", dir,
                Map.of("XDG_CONFIG_HOME", dir.resolve("config").toString())), dir, () -> {
                    throw new AssertionError("no native platform needed");
                })) {
            assertThat(context.vaultEndpoint().display()).as("--vault-addr wins").isEqualTo("http://127.0.0.1:28200");
            assertThat(context.dockerHost().display()).as("--docker-host wins").isEqualTo("unix:///tmp/option.sock");
        }
    }
}
