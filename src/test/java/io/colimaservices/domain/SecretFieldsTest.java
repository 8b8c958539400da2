package io.colimaservices.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Mask secrets only: passwords, tokens, keys; a username or a database is shown (the connection string shows it). */
class SecretFieldsTest {
    @Test
    void passwordsTokensAndKeysAreSecretNamesAndDatabasesAreNot() {
        assertThat(List.of("password", "admin_password", "root_token", "secret_key_base", "api-key", "PASSPHRASE",
                "erlang_cookie")).allMatch(SecretFields::isSecret);
        assertThat(List.of("username", "user", "database", "vhost", "host", "port", "email", "tls_enabled"))
                .noneMatch(SecretFields::isSecret);
    }

    @Test
    void anOverviewNeverCarriesASecretsValue() {
        CredentialService.SecretOverview overview = new CredentialService.SecretOverview("postgres", "postgresql",
                List.of("username", "password"), Optional.empty(), Map.of("username", "dev_admin"));
        assertThat(overview.shown("username")).isEqualTo("dev_admin");
        assertThat(overview.shown("password")).isEqualTo(CredentialService.MASK);
        assertThatThrownBy(() -> new CredentialService.SecretOverview("postgres", "postgresql",
                List.of("password"), Optional.empty(), Map.of("password", "x")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
