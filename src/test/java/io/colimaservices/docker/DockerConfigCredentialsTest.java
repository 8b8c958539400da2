package io.colimaservices.docker;

import io.colimaservices.domain.RegistryCredentials.Lookup;
import io.colimaservices.domain.RegistryLogin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The docker CLI's config file and credential helpers, with stand-in helpers (shell scripts speaking the helper
 * protocol) on a PATH of the test's own.
 */
class DockerConfigCredentialsTest {
    private static final String SECRET = "canary-Secret-9f41c2";

    @TempDir
    Path dir;
    private Path home;
    private Path bin;
    private Path calls;

    @BeforeEach
    void setUp() throws IOException {
        home = Files.createDirectories(dir.resolve("home"));
        bin = Files.createDirectories(dir.resolve("bin"));
        calls = dir.resolve("calls.txt");
        Files.createDirectories(home.resolve(".docker"));
    }

    private DockerConfigCredentials credentials() {
        return credentials(Map.of(), Duration.ofSeconds(10));
    }

    private DockerConfigCredentials credentials(Map<String, String> extra, Duration deadline) {
        Map<String, String> env = new java.util.HashMap<>(Map.of("HOME", home.toString(), "PATH",
                bin + ":/usr/bin:/bin", "CALLS", calls.toString()));
        env.putAll(extra);
        return new DockerConfigCredentials(env, home, deadline);
    }

    private void config(String json) throws IOException {
        Files.writeString(home.resolve(".docker/config.json"), json);
    }

    /** A helper that records what it was asked and answers from a table of server addresses. */
    private void helper(String name, String body) throws IOException {
        Path script = bin.resolve("docker-credential-" + name);
        Files.writeString(script, "#!/bin/sh\n[ \"$1\" = get ] || exit 3\nread -r server\n"
                + "echo \"$server\" >> \"$CALLS\"\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void noConfigFileMeansNoLogin() {
        assertThat(credentials().lookup("docker.io")).isEqualTo(Lookup.none());
    }

    @Test
    void readsTheFilesAuthsForDockerHubAndOtherRegistries() throws IOException {
        config("""
                {"auths": {
                  "https://index.docker.io/v1/": {"auth": "%s"},
                  "https://ghcr.io/v2/": {"auth": "%s"},
                  "registry.example:5000": {"identitytoken": "%s"}
                }}""".formatted(base64("hubuser:" + SECRET), base64("octo:pa:ss"), SECRET));

        Lookup hub = credentials().lookup("docker.io");
        assertThat(hub.login()).contains(new RegistryLogin("https://index.docker.io/v1/", "hubuser", SECRET, ""));
        assertThat(hub.source()).endsWith(".docker/config.json");
        assertThat(credentials().lookup("ghcr.io").login())
                .contains(new RegistryLogin("ghcr.io", "octo", "pa:ss", ""));
        assertThat(credentials().lookup("registry.example:5000").login())
                .contains(new RegistryLogin("registry.example:5000", "", "", SECRET));
        assertThat(credentials().lookup("quay.io")).isEqualTo(Lookup.none());
    }

    @Test
    void asksTheCredsStoreHelperWithTheServerAddress() throws IOException {
        config("""
                {"auths": {"https://index.docker.io/v1/": {}}, "credsStore": "teststore"}""");
        helper("teststore", """
                case "$server" in
                  https://index.docker.io/v1/) printf '{"ServerURL":"%s","Username":"hubuser","Secret":"%s"}' "$server" "$SECRET" ;;
                  *) echo "credentials not found in native keychain"; exit 1 ;;
                esac""".replace("$SECRET", SECRET));

        Lookup hub = credentials().lookup("docker.io");
        assertThat(hub.login()).contains(new RegistryLogin("https://index.docker.io/v1/", "hubuser", SECRET, ""));
        assertThat(hub.source()).isEqualTo("credential helper docker-credential-teststore");
        assertThat(credentials().lookup("127.0.0.1:5000")).isEqualTo(Lookup.none());
        assertThat(Files.readAllLines(calls)).containsExactly("https://index.docker.io/v1/", "127.0.0.1:5000");
    }

    @Test
    void aRegistrysOwnHelperWinsAndATokenUserMeansAnIdentityToken() throws IOException {
        config("""
                {"credsStore": "teststore", "credHelpers": {"127.0.0.1:5000": "tokens"}}""");
        helper("teststore", "echo 'must not be asked'; exit 1");
        helper("tokens", "printf '{\"ServerURL\":\"x\",\"Username\":\"<token>\",\"Secret\":\"" + SECRET + "\"}'");

        assertThat(credentials().lookup("127.0.0.1:5000").login())
                .contains(new RegistryLogin("127.0.0.1:5000", "", "", SECRET));
    }

    @Test
    void aHelperWithoutALoginFallsBackToTheFile() throws IOException {
        config("""
                {"auths": {"127.0.0.1:5000": {"auth": "%s"}}, "credsStore": "teststore"}"""
                .formatted(base64("fileuser:" + SECRET)));
        helper("teststore", "echo 'credentials not found in native keychain'; exit 1");

        Lookup lookup = credentials().lookup("127.0.0.1:5000");
        assertThat(lookup.login()).contains(new RegistryLogin("127.0.0.1:5000", "fileuser", SECRET, ""));
        assertThat(lookup.problem()).isEmpty();
    }

    @Test
    void aMissingHelperIsAProblemNotAFailure() throws IOException {
        config("""
                {"credsStore": "desktop"}""");

        Lookup lookup = credentials(Map.of("PATH", bin.toString()), Duration.ofSeconds(10)).lookup("docker.io");
        assertThat(lookup.login()).isEmpty();
        assertThat(lookup.problem()).hasValueSatisfying(p -> assertThat(p)
                .startsWith("docker-credential-desktop (named in ").endsWith("is not installed"));
    }

    @Test
    void aFailingHelperIsNamedWithoutItsAnswer() throws IOException {
        config("""
                {"credsStore": "broken"}""");
        helper("broken", "echo 'keychain locked'; echo '" + SECRET + "'; exit 2");

        Lookup lookup = credentials().lookup("docker.io");
        assertThat(lookup.login()).isEmpty();
        assertThat(lookup.problem()).contains("docker-credential-broken failed (exit 2): keychain locked");
    }

    @Test
    void aHelperAnsweringNonsenseIsNotQuoted() throws IOException {
        config("""
                {"credsStore": "garbled"}""");
        helper("garbled", "printf '{\"Username\": \"u\", \"Secret\": \"" + SECRET + "\" oops'");

        Lookup lookup = credentials().lookup("docker.io");
        assertThat(lookup.problem()).contains("docker-credential-garbled answered something that is not JSON");
        assertThat(lookup.toString()).doesNotContain(SECRET);
    }

    @Test
    void aHangingHelperIsStoppedAtItsDeadline() throws IOException {
        config("""
                {"credsStore": "slow"}""");
        helper("slow", "sleep 30 & wait");

        long start = System.nanoTime();
        Lookup lookup = credentials(Map.of(), Duration.ofMillis(500)).lookup("docker.io");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(lookup.problem()).contains("docker-credential-slow gave no answer within 500 ms and was stopped");
    }

    @Test
    void anUnreadableFileIsNamedWithoutItsText() throws IOException {
        config("{\"auths\": {\"x\": {\"auth\": \"" + SECRET + "\" oops");

        Lookup lookup = credentials().lookup("docker.io");
        assertThat(lookup.problem()).hasValueSatisfying(p -> assertThat(p).endsWith("is not valid JSON (line 1)")
                .doesNotContain(SECRET));
    }

    @Test
    void followsDockerConfig() throws IOException {
        Path other = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(other.resolve("config.json"), """
                {"auths": {"127.0.0.1:5000": {"auth": "%s"}}}""".formatted(base64("u:" + SECRET)));

        assertThat(credentials(Map.of("DOCKER_CONFIG", other.toString()), Duration.ofSeconds(5))
                .lookup("127.0.0.1:5000").login()).map(RegistryLogin::username).isEqualTo(Optional.of("u"));
    }
}
