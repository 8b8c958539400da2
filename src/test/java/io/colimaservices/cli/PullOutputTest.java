package io.colimaservices.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.colimaservices.domain.ImageEngine;
import io.colimaservices.domain.ImageReference;
import io.colimaservices.domain.PullActions;
import io.colimaservices.domain.PullEvent;
import io.colimaservices.domain.PullFailure;
import io.colimaservices.domain.PullListener;
import io.colimaservices.domain.PullPlan;
import io.colimaservices.domain.PullPolicy;
import io.colimaservices.domain.PullProgress;
import io.colimaservices.domain.PullRun;
import io.colimaservices.domain.RegistryCredentials;
import io.colimaservices.domain.RegistryLogin;
import io.colimaservices.domain.Subscription;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PullOutputTest {
    private static final ImageReference IMAGE = ImageReference.parse("127.0.0.1:5000/exp/big:1");
    private final StringWriter text = new StringWriter();
    private final PrintWriter out = new PrintWriter(text);
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void jsonGivesTheFiveFieldsForEveryEngineMessage() throws Exception {
        PullJsonOutput output = new PullJsonOutput(out);
        output.accept(new PullProgress.Progress(new PullEvent(IMAGE.toString(), "91e0a1a95f12", "Downloading", 557056,
                67129563)));
        output.accept(new PullProgress.Progress(PullEvent.fromEngine(IMAGE.toString(), "1", "Pulling from exp/big",
                null, null)));

        List<String> lines = text.toString().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("{\"image\":\"127.0.0.1:5000/exp/big:1\",\"layer\":\"91e0a1a95f12\","
                + "\"status\":\"Downloading\",\"current\":557056,\"total\":67129563}");
        assertThat(lines.get(1)).isEqualTo("{\"image\":\"127.0.0.1:5000/exp/big:1\",\"layer\":null,"
                + "\"status\":\"Pulling from exp/big\",\"current\":null,\"total\":null}");
    }

    @Test
    void jsonMarksTheRunsOwnSteps() throws Exception {
        PullJsonOutput output = new PullJsonOutput(out);
        output.accept(new PullProgress.Skipped("api", "built from source (build:), nothing to pull"));
        output.accept(new PullProgress.Retrying(IMAGE, 2, 4, Duration.ofSeconds(2),
                new PullFailure(PullFailure.Kind.STALLED, "no progress for 60 s")));
        output.accept(new PullProgress.Failed(IMAGE, List.of("big"), new PullFailure(PullFailure.Kind.NOT_FOUND,
                "manifest unknown")));

        List<JsonNode> lines = text.toString().lines().map(this::read).toList();
        assertThat(lines).extracting(l -> l.get("status").asText()).containsExactly("skipped", "retrying", "failed");
        assertThat(lines.getFirst().get("services").get(0).asText()).isEqualTo("api");
        assertThat(lines.get(1).get("reason").asText()).isEqualTo("stalled");
        assertThat(lines.get(1).get("attempt").asInt()).isEqualTo(2);
        assertThat(lines.get(2).get("message").asText()).startsWith("127.0.0.1:5000/exp/big:1: not found");
        lines.forEach(l -> assertThat(l.fieldNames()).toIterable().startsWith("image", "layer", "status", "current",
                "total"));
    }

    @Test
    void plainLinesForStepsNoneForEngineMessages() {
        PullScreen screen = new PullScreen(out, false, 100);
        screen.accept(new PullProgress.Skipped("api", "built from source (build:), nothing to pull"));
        screen.accept(new PullProgress.Started(IMAGE, 1, 4));
        screen.accept(new PullProgress.Progress(new PullEvent(IMAGE.toString(), "l", "Downloading", 1, 2)));
        screen.accept(new PullProgress.Pulled(IMAGE, 67_129_563, Duration.ofMillis(4200)));

        assertThat(text.toString().lines()).containsExactly(
                "api: skipped, built from source (build:), nothing to pull",
                "127.0.0.1:5000/exp/big:1: pulling",
                "127.0.0.1:5000/exp/big:1: pulled 67.1 MB in 4 s");
    }

    @Test
    void aTerminalGetsALiveBlockThatRedrawsAndGoesAway() throws Exception {
        PullRun run = new PullActions(new DownloadingForEver(), registry -> RegistryCredentials.Lookup.none(),
                PullPolicy.DEFAULT).start(new PullPlan(List.of(new PullPlan.PlannedImage(IMAGE, List.of("big")),
                new PullPlan.PlannedImage(ImageReference.parse("x:1"), List.of("x"))), List.of()), p -> { });
        PullScreen screen = new PullScreen(out, true, 60);
        screen.follow(run);

        await().atMost(Duration.ofSeconds(10)).until(() -> text.toString().contains("downloading"));
        screen.accept(new PullProgress.Note("a note"));
        await().atMost(Duration.ofSeconds(10)).until(() -> text.toString().split("\u001B\\[\\d+A").length > 3);
        run.cancel();
        run.await();
        screen.close();

        String shown = text.toString();
        assertThat(shown).contains("\r\u001B[2K127.0.0.1:5000/exp/big:1  20.0 MB/40.0 MB")
                .contains("\r\u001B[2K    l1 downloading 20.0 MB/40.0 MB")
                .contains("\r\u001B[2Ktotal  0/2 images")
                .contains("a note\n");
        assertThat(shown.lines().map(l -> l.replaceAll("\u001B\\[[0-9;]*[A-Za-z]|\r", "")))
                .allSatisfy(l -> assertThat(l.length()).isLessThan(60));
        assertThat(shown).as("the block is cleared at the end").endsWith("\r\u001B[J");
    }

    private JsonNode read(String line) {
        try {
            return json.readTree(line);
        } catch (Exception e) {
            throw new AssertionError(line, e);
        }
    }

    /** An engine where every pull reaches half its one layer and then goes quiet. */
    private static final class DownloadingForEver implements ImageEngine {
        @Override
        public String host() {
            return "test";
        }

        @Override
        public boolean isPresent(ImageReference image) {
            return false;
        }

        @Override
        public Subscription pull(ImageReference image, Optional<RegistryLogin> login, PullListener listener) {
            listener.onEvent(new PullEvent(image.toString(), "l1", "Downloading", 20_000_000, 40_000_000));
            return () -> { };
        }

        @Override
        public void close() {
        }
    }
}
