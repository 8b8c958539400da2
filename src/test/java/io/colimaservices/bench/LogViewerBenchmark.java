package io.colimaservices.bench;

import atlantafx.base.theme.PrimerLight;
import io.colimaservices.testing.ComposeProject;
import io.colimaservices.testing.LiveStack;
import io.colimaservices.ui.logs.LogViewerView;
import io.colimaservices.ui.logs.LogViewerViewModel;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Issue 7's benchmark: the log viewer open in a real window on a container printing about 10,000 lines a second for
 * 60 s. Prints the JavaFX pulse intervals (p50, p99, max) and the process RSS before and after. Run under a display
 * (Xvfb): {@code scripts/bench-log-viewer}.
 */
public final class LogViewerBenchmark {
    private static final int SECONDS = Integer.getInteger("bench.seconds", 60);

    public static void main(String[] args) throws Exception {
        System.out.println("# Log viewer benchmark, " + java.time.Instant.now());
        System.out.println("machine: " + EngineBenchmarks.Machine.describe());
        String compose = """
                services:
                  chatty:
                    image: ${IMAGE}
                    network_mode: host
                    command: ["sh", "-c", "trap 'exit 0' TERM; while true; do seq -w 100000 100499; printf '\\\\033[32mgreen\\\\033[0m batch done\\\\n'; busybox usleep 50000; done"]
                """;
        try (ComposeProject project = ComposeProject.create(compose);
             LiveStack live = new LiveStack(project, Optional.empty())) {
            CompletableFuture<Void> started = new CompletableFuture<>();
            Platform.startup(() -> started.complete(null));
            started.join();
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());

            long rssBefore = rssKiB();
            project.up("chatty");
            live.watcher.relistNow();
            List<Long> frames = new CopyOnWriteArrayList<>();
            LogViewerViewModel model = new LogViewerViewModel(io.colimaservices.ui.logs.LogExport.sessions(live.context.engine(),
                    s -> live.store.current().status(s).containerId()));
            CompletableFuture<LogViewerView> shown = new CompletableFuture<>();
            Platform.runLater(() -> {
                LogViewerView view = new LogViewerView(model, new SimpleBooleanProperty(false));
                view.onFrame(frames::add);
                Stage stage = new Stage();
                Scene scene = new Scene(view.root(), 1100, 700);
                scene.getStylesheets().add(LogViewerBenchmark.class.getResource("/io/colimaservices/ui/app.css")
                        .toExternalForm());
                stage.setScene(scene);
                stage.show();
                model.open(List.of("chatty"));
                view.start();
                shown.complete(view);
            });
            LogViewerView view = shown.join();
            Thread.sleep(2_000);
            long rssStart = rssKiB();
            int framesAtStart = frames.size();
            long rowsSeen = counter(model);
            Thread.sleep(SECONDS * 1000L);
            long rowsAfter = counter(model);
            long rssEnd = rssKiB();
            Platform.runLater(() -> {
                view.stop();
                model.close();
            });
            List<Long> intervals = new ArrayList<>();
            for (int i = framesAtStart + 1; i < frames.size(); i++) {
                intervals.add(frames.get(i) - frames.get(i - 1));
            }
            Collections.sort(intervals);
            System.out.printf("%nlog viewer, %d s on a container printing ~10,000 lines/s%n", SECONDS);
            System.out.printf("  lines taken by the viewer: %,d (%,.0f lines/s), dropped (marker rows): %,d%n",
                    rowsAfter - rowsSeen, (rowsAfter - rowsSeen) / (double) SECONDS, model.droppedProperty().get());
            System.out.printf("  frames: %,d; pulse interval p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    intervals.size(), pct(intervals, 50) / 1e6, pct(intervals, 99) / 1e6,
                    intervals.getLast() / 1e6);
            System.out.printf("  RSS: %,d KiB before the viewer, %,d KiB after 2 s, %,d KiB after %d s%n",
                    rssBefore, rssStart, rssEnd, SECONDS + 2);
            System.out.printf("  rows held by the viewer at the end: %,d (bound %,d); ring buffer bound %,d lines%n",
                    model.rows().size(), LogViewerViewModel.MAX_ROWS, io.colimaservices.domain.LogBuffer.DEFAULT_CAPACITY);
        }
        System.exit(0);
    }

    /** Lines the viewer took so far: the id of its newest row. */
    private static long counter(LogViewerViewModel model) throws Exception {
        CompletableFuture<Long> result = new CompletableFuture<>();
        Platform.runLater(() -> result.complete(model.rows().isEmpty() ? 0 : model.rows().getLast().id()));
        return result.get();
    }

    private static double pct(List<Long> sorted, int p) {
        return sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static long rssKiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
