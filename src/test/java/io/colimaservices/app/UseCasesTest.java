package io.colimaservices.app;

import io.colimaservices.colima.ColimaPaths;
import io.colimaservices.domain.CredentialService.CredentialEntry;
import io.colimaservices.domain.UserError;
import io.colimaservices.testing.TestEnvironment;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The registry builds use cases without touching an adapter: the app makes them on the FX thread at start, which
 * must not build Vault's client nor ask the secret store (docs/design.md, "Start"); a use case asks its adapters
 * when it is called.
 */
class UseCasesTest {
    private static final Path BUNDLED = Path.of(System.getProperty("project.basedir", "."))
            .resolve("compose/docker-compose.yml");

    @Test
    void buildingTheUseCasesTouchesNoAdapterAndCallingOneAsksOnlyWhatItNeeds() {
        Map<String, String> environment = TestEnvironment.withOwnAppDirectories();
        // An address the Vault adapter refuses: building Vault's client would throw.
        try (AppContext context = new AppContext(new LaunchOptions(Optional.of(BUNDLED), "p", Optional.empty(),
                "ftp://nowhere", Optional.empty()), environment, ColimaPaths.fromSystem())) {
            UseCases useCases = context.useCases();
            useCases.stack();
            useCases.vault();
            useCases.tls();
            useCases.ca();
            useCases.vm();
            useCases.settings();
            useCases.shell();
            useCases.pulls();

            // The list of services with credentials needs the catalog only.
            assertThat(useCases.credentials().services()).extracting(CredentialEntry::service)
                    .contains("postgres", "forgejo");
            assertThatThrownBy(() -> useCases.vault().status()).isInstanceOf(UserError.class)
                    .hasMessageContaining("ftp://nowhere");
        }
    }
}
