package io.colimaservices.app;

import io.colimaservices.cli.CliRun;
import io.colimaservices.cli.VaultHarness;
import io.colimaservices.domain.ConnectionFormat;
import io.colimaservices.domain.CredentialService;
import io.colimaservices.domain.CredentialService.CredentialEntry;
import io.colimaservices.domain.Fixtures;
import io.colimaservices.domain.StackSnapshot;
import io.colimaservices.domain.UserError;
import io.colimaservices.ui.common.ClipboardKeeper;
import io.colimaservices.ui.common.HandClock;
import io.colimaservices.ui.common.MemoryClipboard;
import io.colimaservices.ui.common.UiExecutors;
import io.colimaservices.ui.credentials.CredentialsViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two faces answer {@code creds} and {@code tls} alike (issue 15, point 2): the command line ({@code creds},
 * {@code tls SERVICE status}) and the app (the Credentials page's model, and the credential service its menu copies
 * and TLS switches go through) on the same stack and the same services. The rules are pinned too: credentials for a
 * service with an {@code io.colima-services.vault-path} label and nothing else; TLS for one that also says
 * {@code io.colima-services.tls: "true"}.
 */
class TwoFacesTest {
    /** A label for each case: both labels, a vault path only, TLS only (a name the contract knows), neither. */
    private static final String COMPOSE = """
            services:
              vault:
                image: hashicorp/vault:1.20.4
                labels:
                  io.colima-services.group: secrets
                  io.colima-services.connection: vault
              postgres:
                image: postgres:17.6
                ports: ["5432:5432"]
                labels:
                  io.colima-services.group: data
                  io.colima-services.vault-path: secret/postgresql
                  io.colima-services.tls: "true"
                  io.colima-services.connection: postgresql
              pgbouncer:
                image: edoburu/pgbouncer:v1.25.1-p0
                ports: ["6432:5432"]
                labels:
                  io.colima-services.group: data
                  io.colima-services.vault-path: secret/postgresql
                  io.colima-services.connection: postgresql
              mysql:
                image: mysql:8.0.46
                ports: ["3306:3306"]
                labels:
                  io.colima-services.group: data
                  io.colima-services.tls: "true"
                  io.colima-services.connection: mysql
              web:
                image: nginx:1.28.0
            """;
    private static final List<String> SERVICES = List.of("postgres", "pgbouncer", "mysql", "web", "nope");

    @TempDir
    Path dir;
    private VaultHarness harness;
    private AppContext context;
    private CredentialService app;
    private final MemoryClipboard clipboard = new MemoryClipboard();
    private CredentialsViewModel page;

    @BeforeEach
    void start() throws IOException {
        harness = new VaultHarness(dir, COMPOSE);
        harness.bootstrapped();
        context = harness.context();
        app = context.useCases().credentials();
        page = new CredentialsViewModel(app, new ClipboardKeeper(clipboard, new HandClock()),
                () -> Duration.ofSeconds(30), UiExecutors.direct(), Runnable::run);
        StackSnapshot snapshot = Fixtures.snapshot(context.catalog())
                .withVault(context.useCases().vault().status());
        page.show(snapshot);
        page.activate();
    }

    @AfterEach
    void stop() {
        context.close();
        harness.close();
    }

    /** An answer of either face: a value, or a refusal with its message. */
    private record Answer(boolean ok, String text) {
        static Answer of(Supplier<String> question) {
            try {
                return new Answer(true, question.get());
            } catch (UserError e) {
                return new Answer(false, e.getMessage());
            }
        }

        static Answer of(CliRun run) {
            return run.exitCode() == 0 ? new Answer(true, run.out().strip())
                    : new Answer(false, run.err().strip().replaceFirst("^error: ", "").lines().findFirst()
                    .orElse(""));
        }

        /** The CLI says the message and, after a dash, the hint: the message is the app's. */
        boolean sameAs(Answer app) {
            return ok == app.ok && (ok ? text.equals(app.text) : text.startsWith(app.text));
        }
    }

    @Test
    void credsAnswerTheSameOnBothFaces() {
        Map<String, Boolean> served = new LinkedHashMap<>();
        for (String service : SERVICES) {
            Answer cliField = Answer.of(harness.run("creds", service, "--field", "password"));
            Answer appField = Answer.of(() -> app.fieldValue(service, "password"));
            Answer cliUrl = Answer.of(harness.run("creds", service));
            Answer appUrl = Answer.of(() -> app.connectionString(service, ConnectionFormat.URL));
            assertThat(cliField.sameAs(appField)).as("creds %s --field password: cli %s, app %s", service, cliField,
                    appField).isTrue();
            assertThat(cliUrl.sameAs(appUrl)).as("creds %s: cli %s, app %s", service, cliUrl, appUrl).isTrue();

            Optional<CredentialEntry> listed = entry(service);
            assertThat(listed.isPresent()).as("%s on the Credentials page", service).isEqualTo(cliField.ok());
            if (listed.isPresent()) {
                page.selectedProperty().set(listed.get());
                page.copyField("password");
                assertThat(clipboard.text()).as("the page's copy of %s's password", service)
                        .isEqualTo(cliField.text());
            } else if (!service.equals("nope")) {
                assertThat(cliField.text()).contains(service + " keeps no secret in Vault")
                        .contains("io.colima-services.vault-path");
            }
            served.put(service, cliField.ok());
        }
        assertThat(served).containsExactly(Map.entry("postgres", true), Map.entry("pgbouncer", true),
                Map.entry("mysql", false), Map.entry("web", false), Map.entry("nope", false));
    }

    @Test
    void tlsAnswersTheSameOnBothFaces() {
        Map<String, Boolean> switchable = new LinkedHashMap<>();
        for (String service : SERVICES) {
            Answer cli = Answer.of(harness.run("tls", service, "status"));
            Answer appStatus = Answer.of(() -> "TLS " + (app.tlsStatus(service).enabled() ? "on" : "off"));
            assertThat(cli.ok()).as("tls %s status: cli %s, app %s", service, cli, appStatus)
                    .isEqualTo(appStatus.ok());
            if (cli.ok()) {
                assertThat(cli.text()).startsWith(service + ": " + appStatus.text() + " (secret/postgresql");
            } else {
                assertThat(cli.sameAs(appStatus)).as("tls %s: cli %s, app %s", service, cli, appStatus).isTrue();
                Answer appSwitch = Answer.of(() -> app.setTls(service, false, line -> { }).headline());
                assertThat(Answer.of(harness.run("tls", service, "off")).sameAs(appSwitch))
                        .as("tls %s off: the same refusal", service).isTrue();
            }
            entry(service).ifPresent(e -> assertThat(e.tlsCapable()).as("%s's TLS switch on the page", service)
                    .isEqualTo(cli.ok()));
            switchable.put(service, cli.ok());
        }
        assertThat(switchable).containsExactly(Map.entry("postgres", true), Map.entry("pgbouncer", false),
                Map.entry("mysql", false), Map.entry("web", false), Map.entry("nope", false));
        assertThat(Answer.of(harness.run("tls", "mysql", "status")).text())
                .contains("mysql has no TLS to switch (it needs the labels io.colima-services.tls: \"true\" and "
                        + "io.colima-services.vault-path");
    }

    private Optional<CredentialEntry> entry(String service) {
        return page.services().stream().filter(e -> e.service().equals(service)).findFirst();
    }
}
