package io.colimaservices.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.colimaservices.testing.ComposeProject;
import io.colimaservices.testing.LoopbackRegistry;
import io.colimaservices.testing.Processes;
import io.colimaservices.testing.StandInImage;
import io.colimaservices.testing.TestDocker;
import io.colimaservices.testing.TestEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code up} pulls what is missing first, through the pull engine, against a registry on loopback: the image's
 * layers show progress ({@code --json}: the pull's own events), a service built from source is skipped with a note,
 * then the stack starts; a missing tag ends {@code up} with exit 4 naming the image, before any container is made.
 */
class UpPullsIT {
    private static final String LOOP = "trap 'exit 0' TERM; while true; do sleep 1; done";
    private static final String REPOSITORY = "cs-up/app";

    @TempDir
    static Path shared;
    private static LoopbackRegistry registry;
    private static String image;

    @BeforeAll
    static void publishTheStandIn() {
        TestDocker.require();
        LoopbackRegistry.require();
        registry = LoopbackRegistry.start(shared, shared.resolve("storage"));
        image = registry.host() + "/" + REPOSITORY + ":1";
        StandInImage.build(image, shared, 23, 3L << 20);
        registry.push(image, REPOSITORY + ":1");
        StandInImage.remove(image);
        assertThat(StandInImage.present(image)).as("removed locally").isFalse();
    }

    @AfterAll
    static void stopTheRegistry() {
        if (registry != null) {
            StandInImage.remove(image);
            registry.close();
        }
    }

    private static ComposeProject project(String image) throws IOException {
        ComposeProject project = ComposeProject.create("""
                services:
                  app:
                    image: %s
                    network_mode: host
                    command: ["sh", "-c", "%s"]
                  built:
                    build: {context: ./ctx}
                    network_mode: host
                    command: ["sh", "-c", "%s"]
                    depends_on: [app]
                """.formatted(image, LOOP, LOOP));
        Path context = Files.createDirectories(project.file().getParent().resolve("ctx"));
        Files.writeString(context.resolve("Dockerfile"), "FROM " + TestDocker.IMAGE + "\n");
        return project;
    }

    private static CliRun cli(ComposeProject project, String... args) {
        return CliRun.on(project, args);
    }

    private static List<String> statuses(List<JsonNode> lines, String image) {
        return lines.stream().filter(l -> image.equals(l.path("image").asText()))
                .map(l -> l.path("status").asText()).toList();
    }

    @Test
    void upPullsTheMissingImageWithProgressSkipsTheBuiltServiceThenStarts() throws Exception {
        try (ComposeProject project = project(image)) {
            try {
                CliRun up = cli(project, "up", "--json", "--timeout", "2m", "built");
                assertThat(up.exitCode()).as(up.out() + up.err()).isZero();
                List<JsonNode> lines = up.jsonLines();
                assertThat(statuses(lines, image)).startsWith("pulling").contains("Downloading")
                        .endsWith("pulled");
                assertThat(lines).anySatisfy(l -> {
                    assertThat(l.path("status").asText()).isEqualTo("skipped");
                    assertThat(l.path("services").get(0).asText()).isEqualTo("built");
                    assertThat(l.path("reason").asText()).contains("built from source");
                });
                int pulled = indexOf(lines, l -> "pulled".equals(l.path("status").asText()));
                int firstStart = indexOf(lines, l -> "app".equals(l.path("service").asText()));
                assertThat(pulled).as("the pull ends before the stack's first step").isLessThan(firstStart);
                assertThat(lines.getLast().path("status").asText()).isEqualTo("finished");
                assertThat(StandInImage.present(image)).isTrue();

                CliRun again = cli(project, "up", "--timeout", "2m", "app");
                assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
                assertThat(again.out()).contains("images: 0 pulled, 1 present", "app already up")
                        .doesNotContain("already present, not pulled");
                assertThat(Files.readString(TestEnvironment.logFile()))
                        .contains("[cli] pull for up built: " + image + " pulled");
            } finally {
                Processes.run(null, 60, "docker", "rmi", "--force", project.name() + "_built");
            }
        }
    }

    @Test
    void aMissingTagEndsUpNamingTheImageBeforeAnythingIsCreated() throws Exception {
        String missing = registry.host() + "/" + REPOSITORY + ":no-such-tag";
        try (ComposeProject project = project(missing)) {
            CliRun up = cli(project, "up", "--timeout", "1m", "app");

            assertThat(up.exitCode()).as(up.out() + up.err()).isEqualTo(ExitCodes.SERVICE_FAILED);
            assertThat(up.out()).contains("FAILED " + missing + ": not found in " + registry.host())
                    .contains("FAILED app failed: cannot pull " + missing + ": not found in " + registry.host()
                            + " (no such image or tag)")
                    .doesNotContain("creating app");
            assertThat(project.containerId("app")).isEmpty();
        }
    }

    private static int indexOf(List<JsonNode> lines, java.util.function.Predicate<JsonNode> test) {
        for (int i = 0; i < lines.size(); i++) {
            if (test.test(lines.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no such line in " + lines);
    }
}
