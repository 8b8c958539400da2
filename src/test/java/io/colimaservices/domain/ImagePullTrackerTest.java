package io.colimaservices.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ImagePullTrackerTest {
    private static final String IMAGE = "127.0.0.1:5000/exp/big:1";
    private static final long LAYER = 67_129_563;
    private static final long SECOND = 1_000_000_000L;

    private final ImagePullTracker tracker = new ImagePullTracker(ImageReference.parse(IMAGE), List.of("big"));

    @Test
    void followsAFreshPullToItsLastStatus() {
        tracker.attemptStarted(1, 0);
        List<PullEvent> events = RecordedPulls.events("fresh-pull.jsonl", IMAGE);
        for (int i = 0; i < events.size(); i++) {
            tracker.apply(events.get(i), i * SECOND / 10);
        }

        ImagePullView view = tracker.view(events.size() * SECOND / 10);
        assertThat(tracker.finalStatusSeen()).isTrue();
        assertThat(view.downloaded()).isEqualTo(LAYER);
        assertThat(view.size()).isEqualTo(LAYER);
        assertThat(view.sizeComplete()).isTrue();
        assertThat(view.layersDone()).isEqualTo(2);
        assertThat(view.layerCount()).isEqualTo(2);
        assertThat(view.layers()).extracting(LayerView::phase).containsExactly(LayerPhase.EXISTS, LayerPhase.DONE);
    }

    @Test
    void imageWideMessagesAreNoLayers() {
        List<PullEvent> events = RecordedPulls.events("fresh-pull.jsonl", IMAGE);

        assertThat(events.getFirst().status()).isEqualTo("Pulling from exp/big");
        assertThat(events.getFirst().isLayer()).as("its id is the tag").isFalse();
        assertThat(events.getLast().isLayer()).isFalse();
        assertThat(events.get(1).layer()).isEqualTo("d6f06ce14914");
    }

    /**
     * Recorded with the registry behind a proxy that cut the blob's connection after 20 MB: the engine retried by
     * itself ("Retrying in 5 seconds" .. "1 second") and resumed, counting from zero against what was left.
     */
    @Test
    void aDownloadTheEngineResumesKeepsItsBytes() {
        tracker.attemptStarted(1, 0);
        List<Long> downloaded = new ArrayList<>();
        List<LayerPhase> phases = new ArrayList<>();
        List<PullEvent> events = RecordedPulls.events("registry-cut-resumed.jsonl", IMAGE);
        for (int i = 0; i < events.size(); i++) {
            tracker.apply(events.get(i), i * SECOND / 10);
            LayerView layer = tracker.view(i * SECOND / 10).layers().stream()
                    .filter(l -> l.id().equals("91e0a1a95f12")).findFirst()
                    .orElse(new LayerView("none yet", LayerPhase.WAITING, -1, 0, 0, ""));
            downloaded.add(layer.downloaded());
            phases.add(layer.phase());
        }

        assertThat(phases).contains(LayerPhase.RETRYING);
        assertThat(downloaded).as("never goes back").isSorted();
        int resumed = phases.lastIndexOf(LayerPhase.RETRYING) + 1;
        assertThat(events.get(resumed).total()).as("the engine counts what is left").isLessThan(LAYER);
        assertThat(downloaded.get(resumed)).isGreaterThan(20_000_000L);
        assertThat(tracker.view(events.size() * SECOND).downloaded()).isEqualTo(LAYER);
        assertThat(tracker.view(events.size() * SECOND).layers().getLast().status()).isEqualTo("Pull complete");
    }

    @Test
    void aDownloadStartedOverCountsFromItsNewStartAndRatesStayPositive() {
        tracker.attemptStarted(1, 0);
        tracker.apply(layer("Downloading", 40_000_000, LAYER), SECOND);
        tracker.attemptStarted(2, 2 * SECOND);
        tracker.apply(layer("Downloading", 1_000_000, LAYER), 3 * SECOND);

        ImagePullView view = tracker.view(3 * SECOND);
        assertThat(view.downloaded()).isEqualTo(1_000_000);
        assertThat(view.attempt()).isEqualTo(2);
        assertThat(view.rate().orElseThrow()).isPositive();
    }

    @Test
    void rateAndEstimateComeFromTheLastSeconds() {
        tracker.attemptStarted(1, 0);
        tracker.apply(layer("Pulling fs layer", -1, -1), 0);
        for (int s = 1; s <= 10; s++) {
            tracker.apply(layer("Downloading", s * 1_000_000L, 20_000_000), s * SECOND);
        }

        ImagePullView view = tracker.view(10 * SECOND);
        assertThat(view.rate().orElseThrow()).isCloseTo(1_000_000, org.assertj.core.data.Offset.offset(1.0));
        // 10 MB to download and 20 MB to unpack, at 1 MB/s of work.
        assertThat(view.eta()).contains(Duration.ofSeconds(30));
        assertThat(PullText.line(view)).isEqualTo(IMAGE + "  10.0 MB/20.0 MB  1.00 MB/s  ~30 s  (0/1 layers)");
    }

    @Test
    void silenceBringsTheRateDown() {
        tracker.attemptStarted(1, 0);
        for (int s = 1; s <= 5; s++) {
            tracker.apply(layer("Downloading", s * 1_000_000L, 20_000_000), s * SECOND);
        }
        double moving = tracker.view(5 * SECOND).rate().orElseThrow();

        assertThat(tracker.view(8 * SECOND).rate().orElseThrow()).isLessThan(moving);
        assertThat(tracker.view(20 * SECOND).rate().orElseThrow()).isZero();
        assertThat(tracker.view(20 * SECOND).eta()).as("no pace, no estimate").isEmpty();
    }

    @Test
    void sizesAreALowerBoundWhileLayersWait() {
        tracker.attemptStarted(1, 0);
        tracker.apply(new PullEvent(IMAGE, "a", "Pulling fs layer", -1, -1), 0);
        tracker.apply(new PullEvent(IMAGE, "b", "Pulling fs layer", -1, -1), 0);
        tracker.apply(new PullEvent(IMAGE, "b", "Waiting", -1, -1), 0);
        tracker.apply(new PullEvent(IMAGE, "a", "Downloading", 500, 1000), SECOND);

        ImagePullView view = tracker.view(SECOND);
        assertThat(view.sizeComplete()).isFalse();
        assertThat(view.size()).isEqualTo(1000);
        assertThat(PullText.amount(view.downloaded(), view.size(), view.sizeComplete())).isEqualTo("500 B/1.00 kB+");
    }

    private static PullEvent layer(String status, long current, long total) {
        return new PullEvent(IMAGE, "91e0a1a95f12", status, current, total);
    }
}
