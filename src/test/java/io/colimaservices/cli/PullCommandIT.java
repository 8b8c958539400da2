package io.colimaservices.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.colimaservices.app.AppContext;
import io.colimaservices.app.LaunchOptions;
import io.colimaservices.colima.ColimaPaths;
import io.colimaservices.testing.LoopbackRegistry;
import io.colimaservices.testing.Processes;
import io.colimaservices.testing.SocketProxy;
import io.colimaservices.testing.StandInImage;
import io.colimaservices.testing.TcpProxy;
import io.colimaservices.testing.TestDocker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code pull} against a real registry on loopback (Debian's docker-registry) and the real engine: a stand-in image
 * of the test image's busybox layer plus two layers of random bytes is pushed, removed locally, and pulled back;
 * then a missing tag, an image published only for another architecture, a pull cut at the engine's socket, a
 * registry that goes silent, a registry connection cut (which the engine resumes by itself), and a registry that
 * wants a login given by a credential helper.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class PullCommandIT {
    private static final long LAYER_A = 12L << 20;
    private static final long LAYER_B = 4L << 20;
    private static final String REPOSITORY = "cs-pull/big";
    private static final String USER = "cs-puller";
    /** The stand-in keychain's password; its bcrypt hash below was made once with Python's crypt (cost 5). */
    private static final String PASSWORD = "cs-pull-canary-4e1b7a9c2f";
    private static final String HASH = "$2b$05$e7phmHvka.te6db.oKejT.mXJ/i53REUqt7cFpf6nv.A1pTKGXcry";

    @TempDir
    static Path shared;
    private static LoopbackRegistry registry;
    private static String otherArchitecture;
    private static String engineArchitecture;

    @TempDir
    Path dir;
    private final List<String> pulledNames = new ArrayList<>();
    private final List<AutoCloseable> closeAfter = new ArrayList<>();

    @BeforeAll
    static void publishTheStandIn() throws IOException {
        TestDocker.require();
        LoopbackRegistry.require();
        registry = LoopbackRegistry.start(shared, Files.createDirectories(shared.resolve("storage")));
        String name = registry.host() + "/" + REPOSITORY + ":1";
        StandInImage.build(name, shared, 19, LAYER_A, LAYER_B);
        registry.push(name, REPOSITORY + ":1");
        engineArchitecture = Processes.run(null, 20, "docker", "version", "--format", "{{.Server.Arch}}")
                .orFail("docker version").output().strip();
        otherArchitecture = engineArchitecture.equals("arm64") ? "amd64" : "arm64";
        registry.putManifestList(REPOSITORY, "1", "only-" + otherArchitecture, otherArchitecture);
        StandInImage.remove(name);
        assertThat(StandInImage.present(name)).as("removed locally").isFalse();
    }

    @AfterAll
    static void stopTheRegistry() {
        if (registry != null) {
            StandInImage.remove(registry.host() + "/" + REPOSITORY + ":1");
            registry.close();
        }
    }

    @AfterEach
    void removeWhatWasPulled() throws Exception {
        for (AutoCloseable c : closeAfter.reversed()) {
            c.close();
        }
        StandInImage.remove(pulledNames.toArray(String[]::new));
    }

    private String image(String host, String tag) {
        String name = host + "/" + REPOSITORY + ":" + tag;
        pulledNames.add(name);
        return name;
    }

    private Path compose(Map<String, String> services) throws IOException {
        StringBuilder yaml = new StringBuilder("services:\n");
        services.forEach((name, body) -> yaml.append("  ").append(name).append(":\n    ").append(body
                .replace("\n", "\n    ")).append('\n'));
        Path file = dir.resolve("docker-compose.yml");
        Files.writeString(file, yaml);
        return file;
    }

    private Map<String, String> environment(Path home) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        env.put("PATH", dir.resolve("bin") + ":/usr/bin:/bin");
        return env;
    }

    private CliRun pull(Path composeFile, String... args) {
        return pull(composeFile, "unix:///var/run/docker.sock", new StringWriter(), args);
    }

    private CliRun pull(Path composeFile, String dockerHost, StringWriter out, String... args) {
        Path home = dir.resolve("home");
        List<String> full = new ArrayList<>(List.of("--compose-file", composeFile.toString(), "--docker-host",
                dockerHost, "pull"));
        full.addAll(List.of(args));
        StringWriter err = new StringWriter();
        Map<String, String> env = environment(home);
        int code = CliMain.run(full.toArray(String[]::new), new ByteArrayInputStream(new byte[0]),
                new PrintWriter(out, true), new PrintWriter(err, true),
                options -> new AppContext(options, env, new ColimaPaths(env, home)));
        return new CliRun(code, out.toString(), err.toString());
    }

    private List<JsonNode> lines(String out) {
        return CliRun.jsonLines(out);
    }

    private static List<JsonNode> withStatus(List<JsonNode> lines, String status) {
        return lines.stream().filter(l -> l.path("status").asText().equals(status)).toList();
    }

    @Test
    void pullsTheImageWithProgressPerLayerThenLeavesItAlone() throws IOException {
        String big = image(registry.host(), "1");
        Path file = compose(Map.of(
                "big", "image: " + big + "\nlabels: {io.colima-services.group: data}",
                "also-big", "image: " + big,
                "api", "build: ./api\ndepends_on: [big]",
                "elsewhere", "image: " + registry.host() + "/" + REPOSITORY + ":only-" + otherArchitecture));

        CliRun run = pull(file, "api", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> lines = lines(run.out());
        assertThat(lines).allSatisfy(l -> assertThat(l.fieldNames()).toIterable()
                .startsWith("image", "layer", "status", "current", "total"));
        assertThat(withStatus(lines, "skipped")).singleElement()
                .satisfies(l -> assertThat(l.get("services").get(0).asText()).isEqualTo("api"));
        List<JsonNode> downloading = withStatus(lines, "Downloading");
        assertThat(downloading).allSatisfy(l -> {
            assertThat(l.get("image").asText()).isEqualTo(big);
            assertThat(l.get("current").asLong()).isPositive();
        });
        Map<String, Long> layerTotals = new LinkedHashMap<>();
        downloading.forEach(l -> layerTotals.putIfAbsent(l.get("layer").asText(), l.get("total").asLong()));
        assertThat(layerTotals).as("both random layers downloaded, each at least its size").hasSize(2);
        assertThat(layerTotals.values()).anySatisfy(t -> assertThat(t).isGreaterThanOrEqualTo(LAYER_A))
                .anySatisfy(t -> assertThat(t).isBetween(LAYER_B, LAYER_A));
        assertThat(withStatus(lines, "Already exists")).as("the busybox layer is the test image's").hasSize(1);
        assertThat(withStatus(lines, "pulled")).singleElement().satisfies(l -> assertThat(l.get("current").asLong())
                .isEqualTo(layerTotals.values().stream().mapToLong(Long::longValue).sum()));
        assertThat(run.out()).doesNotContain("only-" + otherArchitecture);
        assertThat(StandInImage.present(big)).isTrue();

        CliRun again = pull(file, "big", "also-big");

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains(big + ": already present, not pulled")
                .contains("pulled 0, already present 1").doesNotContain("pulling");
    }

    @Test
    void aMissingTagFailsNamingTheImage() throws IOException {
        String missing = image(registry.host(), "no-such-tag");
        Path file = compose(Map.of("missing", "image: " + missing));

        CliRun run = pull(file, "missing");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.SERVICE_FAILED);
        assertThat(run.err()).contains("error: cannot pull " + missing + ": not found in " + registry.host()
                + " (no such image or tag)").contains("manifest unknown").contains("[missing]")
                .contains("hint: check the image name and tag");
        assertThat(run.out()).contains("FAILED " + missing);
    }

    @Test
    void anImageNotPublishedForThisArchitectureFailsNamingIt() throws IOException {
        String foreign = image(registry.host(), "only-" + otherArchitecture);
        Path file = compose(Map.of("foreign", "image: " + foreign));

        CliRun run = pull(file, "--json");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.SERVICE_FAILED);
        assertThat(run.err()).contains("cannot pull " + foreign + ": not published for this machine's platform")
                .contains("no matching manifest for linux/" + engineArchitecture);
        assertThat(withStatus(lines(run.out()), "failed")).singleElement()
                .satisfies(l -> assertThat(l.get("reason").asText()).isEqualTo("wrong_platform"));
    }

    /** The app's own connection to the engine breaks mid-layer (a VM's socket forward dying): the app retries. */
    @Test
    void aPullCutAtTheEnginesSocketIsRetriedAndCompletes() throws Exception {
        TcpProxy slow = closing(new TcpProxy(registry.port(), 8_000_000, TcpProxy.Fault.NONE, 0));
        SocketProxy socket = closing(new SocketProxy(dir, Path.of("/var/run/docker.sock")));
        socket.open();
        String big = image("127.0.0.1:" + slow.port(), "1");
        Path file = compose(Map.of("big", "image: " + big));
        StringWriter out = new StringWriter();

        CompletableFuture<CliRun> running = CompletableFuture.supplyAsync(() -> pull(file, socket.uri(), out,
                "--json"));
        await().atMost(Duration.ofSeconds(60)).until(() -> lines(complete(out)).stream().anyMatch(l ->
                l.path("status").asText().equals("Downloading") && l.path("current").asLong() > 4_000_000));
        socket.cut();
        socket.open();
        CliRun run = running.get(120, TimeUnit.SECONDS);

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        List<JsonNode> lines = lines(run.out());
        assertThat(withStatus(lines, "retrying")).singleElement()
                .satisfies(l -> assertThat(l.get("reason").asText()).isEqualTo("broken"));
        assertThat(withStatus(lines, "pulling")).extracting(l -> l.get("attempt").asInt()).containsExactly(1, 2);
        assertThat(withStatus(lines, "pulled")).hasSize(1);
        assertThat(StandInImage.present(big)).isTrue();
    }

    /** The registry goes silent mid-layer; the engine would wait for ever, the app gives up on the attempt. */
    @Test
    void aStalledPullIsStoppedAndRetried() throws Exception {
        TcpProxy silent = closing(new TcpProxy(registry.port(), 8_000_000, TcpProxy.Fault.STALL, 2_000_000));
        String big = image("127.0.0.1:" + silent.port(), "1");
        Path file = compose(Map.of("big", "image: " + big));

        CliRun run = pull(file, "--json", "--stall-timeout", "3s");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(silent.faulted()).isTrue();
        List<JsonNode> lines = lines(run.out());
        assertThat(withStatus(lines, "retrying")).singleElement().satisfies(l -> {
            assertThat(l.get("reason").asText()).isEqualTo("stalled");
            assertThat(l.get("message").asText()).contains("no progress for 3 s");
        });
        assertThat(StandInImage.present(big)).isTrue();
    }

    /** The registry's connection is reset mid-layer: the engine retries by itself and resumes where it was. */
    @Test
    void aRegistryCutTheEngineResumesCountsEachByteOnce() throws Exception {
        TcpProxy cutting = closing(new TcpProxy(registry.port(), 16_000_000, TcpProxy.Fault.CUT, 4_000_000));
        String big = image("127.0.0.1:" + cutting.port(), "1");
        Path file = compose(Map.of("big", "image: " + big));

        CliRun run = pull(file, "--json");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(cutting.faulted()).isTrue();
        List<JsonNode> lines = lines(run.out());
        assertThat(lines).anySatisfy(l -> assertThat(l.get("status").asText()).startsWith("Retrying in"));
        assertThat(withStatus(lines, "retrying")).as("no attempt of the app's own was needed").isEmpty();
        Map<String, Long> layerTotals = new LinkedHashMap<>();
        withStatus(lines, "Downloading").forEach(l -> layerTotals.putIfAbsent(l.get("layer").asText(),
                l.get("total").asLong()));
        assertThat(withStatus(lines, "pulled")).singleElement().satisfies(l -> assertThat(l.get("current").asLong())
                .isEqualTo(layerTotals.values().stream().mapToLong(Long::longValue).sum()));
    }

    /**
     * A registry that wants a login, which the docker CLI's configuration names a credential helper for: the
     * helper's password reaches the registry, and nothing the run prints, logs or writes holds it.
     */
    @Test
    void signsInWithTheCredentialHelperAndLeaksNothing() throws Exception {
        Path htpasswd = dir.resolve("htpasswd");
        Files.writeString(htpasswd, USER + ":" + HASH + "\n");
        LoopbackRegistry locked = closing(LoopbackRegistry.start(dir, shared.resolve("storage"),
                Optional.of(htpasswd)));
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path helper = bin.resolve("docker-credential-cstest");
        Files.writeString(helper, """
                #!/bin/sh
                # Stand-in for a keychain helper: one login, for one registry.
                [ "$1" = get ] || exit 3
                read -r server
                if [ "$server" = "%s" ]; then
                  printf '{"ServerURL":"%%s","Username":"%s","Secret":"%s"}' "$server"
                else
                  echo "credentials not found in native keychain"; exit 1
                fi
                """.formatted(locked.host(), USER, PASSWORD));
        Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwx------"));
        Path dockerConfig = Files.createDirectories(dir.resolve("home/.docker")).resolve("config.json");
        Files.writeString(dockerConfig, "{\"credsStore\": \"cstest\"}");
        String big = image(locked.host(), "1");
        Path file = compose(Map.of("big", "image: " + big));

        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger app = logging.getLogger("io.colimaservices");
        Level rootLevel = root.getLevel();
        Level appLevel = app.getLevel();
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.setContext(logging);
        logs.start();
        root.addAppender(logs);
        root.setLevel(Level.ALL);
        app.setLevel(Level.ALL);
        CliRun signedIn;
        CliRun anonymous;
        try {
            signedIn = pull(file, "big");
            StandInImage.remove(big);
            Files.delete(dockerConfig);
            anonymous = pull(file, "big");
        } finally {
            root.detachAppender(logs);
            root.setLevel(rootLevel);
            app.setLevel(appLevel);
        }

        assertThat(signedIn.exitCode()).as(signedIn.out() + signedIn.err()).isZero();
        assertThat(signedIn.out()).contains("signing in to " + locked.host()
                + " with the login from credential helper docker-credential-cstest");
        assertThat(anonymous.exitCode()).isEqualTo(ExitCodes.SERVICE_FAILED);
        assertThat(anonymous.err()).contains("cannot pull " + big + ": " + locked.host() + " refused access")
                .contains("hint: sign in with docker login");

        List<String> forms = secretForms(PASSWORD);
        StringBuilder logText = new StringBuilder();
        logs.list.forEach(e -> logText.append(e.getFormattedMessage()).append('\n').append(e.getThrowableProxy()
                == null ? "" : e.getThrowableProxy().getMessage()).append('\n'));
        for (String form : forms) {
            assertThat(signedIn.out() + signedIn.err() + anonymous.out() + anonymous.err()).doesNotContain(form);
            assertThat(logText.toString()).doesNotContain(form);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.equals(helper)).toList()) {
                String content = Files.readString(f, StandardCharsets.ISO_8859_1);
                forms.forEach(form -> assertThat(content).as(dir.relativize(f).toString()).doesNotContain(form));
            }
        }
        // Control: the search finds the secret where it is meant to be.
        assertThat(Files.readString(helper)).contains(forms.getFirst());
    }

    /** The secret as it is, and every base64 spelling of it inside a longer text (a header, a JSON body). */
    private static List<String> secretForms(String secret) {
        List<String> forms = new ArrayList<>(List.of(secret));
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        for (int shift = 0; shift < 3; shift++) {
            byte[] padded = new byte[shift + bytes.length];
            System.arraycopy(bytes, 0, padded, shift, bytes.length);
            String encoded = Base64.getEncoder().withoutPadding().encodeToString(padded);
            int from = shift == 0 ? 0 : 4;
            int usable = (bytes.length - (shift == 0 ? 0 : 3 - shift)) / 3 * 4;
            String middle = encoded.substring(from, from + usable);
            forms.add(middle);
            forms.add(middle.replace('+', '-').replace('/', '_'));
        }
        return forms;
    }

    private <T extends AutoCloseable> T closing(T resource) {
        closeAfter.add(resource);
        return resource;
    }

    /** The lines written so far, without a last one still being written. */
    private static String complete(StringWriter out) {
        String text = out.toString();
        int end = text.lastIndexOf('\n');
        return end < 0 ? "" : text.substring(0, end + 1);
    }
}
