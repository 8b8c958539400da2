package io.colimaservices.ui.logs;

import io.colimaservices.domain.FakeEngine;
import io.colimaservices.domain.LogLine;
import io.colimaservices.domain.LogSession;
import io.colimaservices.domain.LogSource;
import io.colimaservices.domain.MuxEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The viewer's model without a toolkit. */
class LogViewerViewModelTest {
    private final List<String> opened = new ArrayList<>();
    private final LogViewerViewModel model = new LogViewerViewModel((services, request) -> {
        opened.add(services + " tail " + request.tail() + (request.follow() ? " follow" : ""));
        return new LogSession(new FakeEngine(), s -> Optional.empty(), services, request, 10);
    });
    private long id;

    private LogRow row(String text, LogSource source) {
        return LogRow.of(id++, new LogLine("api", Instant.ofEpochSecond(id), source, text));
    }

    @Test
    void streamsRunOnlyBetweenOpenAndClose() {
        model.open(List.of("api", "db"));
        assertThat(model.isOpen()).isTrue();
        assertThat(opened).containsExactly("[api, db] tail 1000 follow");
        assertThat(model.titleProperty().get()).isEqualTo("Logs: api, db");

        model.close();

        assertThat(model.isOpen()).isFalse();
        assertThat(model.pull()).isZero();
    }

    @Test
    void filtersByOutputAndSearchesLiterallyOrByRegex() {
        model.append(List.of(row("GET /health 200", LogSource.STDOUT), row("\u001b[31mERROR\u001b[0m db down",
                LogSource.STDERR), row("GET /users 500", LogSource.STDOUT)));

        model.streamsProperty().set(StreamFilter.STDERR);
        assertThat(model.rows()).extracting(LogRow::plainText).containsExactly("ERROR db down");
        model.streamsProperty().set(StreamFilter.ALL);

        model.queryProperty().set("get /");
        assertThat(model.matchesProperty().get()).isEqualTo(2);
        assertThat(model.rows()).hasSize(3);
        model.onlyMatchingProperty().set(true);
        assertThat(model.rows()).extracting(LogRow::plainText).containsExactly("GET /health 200", "GET /users 500");

        model.regexProperty().set(true);
        model.queryProperty().set(" 5\\d\\d$");
        assertThat(model.rows()).extracting(LogRow::plainText).containsExactly("GET /users 500");

        model.queryProperty().set("(unclosed");
        assertThat(model.searchErrorProperty().get()).contains("Unclosed group");
        assertThat(model.rows()).hasSize(3);
    }

    @Test
    void findsMatchesForwardAndBackwardWrapping() {
        model.append(List.of(row("a", LogSource.STDOUT), row("match 1", LogSource.STDOUT), row("b", LogSource.STDOUT),
                row("match 2", LogSource.STDOUT)));
        model.queryProperty().set("match");

        assertThat(model.findMatch(-1, true)).isEqualTo(1);
        assertThat(model.findMatch(1, true)).isEqualTo(3);
        assertThat(model.findMatch(3, true)).isEqualTo(1);
        assertThat(model.findMatch(1, false)).isEqualTo(3);
    }

    @Test
    void copyAndExportStripColoursAndMarkStderr(@TempDir Path dir) throws IOException {
        model.append(List.of(row("\u001b[1mbold\u001b[0m text", LogSource.STDOUT), row("oops", LogSource.STDERR)));

        assertThat(model.asText(List.copyOf(model.rows()))).isEqualTo("bold text\n! oops\n");
        Path file = dir.resolve("api.log");
        assertThat(model.export(file)).isEqualTo(2);
        assertThat(Files.readString(file)).contains(" bold text\n").contains(" ! oops\n").doesNotContain("\u001b");
    }

    @Test
    void droppedLinesShowAsAMarkerRow() {
        FakeEngine engine = new FakeEngine().onLogs((request, sink) -> {
            for (int i = 0; i < 25; i++) {
                FakeEngine.send(sink, LogSource.STDOUT, "2026-11-27T10:00:00.%09dZ line %d\n".formatted(i, i));
            }
            sink.onClosed(Optional.empty());
        }).onLogs((request, sink) -> { });
        LogViewerViewModel viewer = new LogViewerViewModel((services, request) ->
                new LogSession(engine, s -> Optional.of("cid"), services, request, 10).start());
        viewer.open(List.of("api"));
        // The history (the tail) is released at once when its read has ended.
        await().until(() -> viewer.pull() > 0);

        assertThat(viewer.rows().getFirst().isMarker()).isTrue();
        assertThat(viewer.rows().getFirst().marker()).isEqualTo("15 lines dropped");
        assertThat(viewer.rows()).hasSize(11);
        assertThat(viewer.droppedProperty().get()).isEqualTo(15);
        viewer.close();
    }

    /**
     * Adding a service opens one session for all of them, so the added service's history is read again with the
     * others' and merged into place by time, not appended after the lines already shown.
     */
    @Test
    void anAddedServicesHistoryIsMergedIntoPlace() {
        FakeEngine postgres = new FakeEngine()
                .onLogs((request, sink) -> history(sink, "01 postgres 1", "03 postgres 2"))
                .onLogs((request, sink) -> FakeEngine.send(sink, LogSource.STDOUT, at("05 postgres live")))
                .onLogs((request, sink) -> history(sink, "01 postgres 1", "03 postgres 2", "05 postgres live"))
                .onLogs((request, sink) -> { });
        FakeEngine mysql = new FakeEngine()
                .onLogs((request, sink) -> history(sink, "02 mysql 1", "04 mysql 2"))
                .onLogs((request, sink) -> { });
        LogViewerViewModel viewer = new LogViewerViewModel((services, request) -> new LogSession(
                new MuxEngine(java.util.Map.of("postgres", postgres, "mysql", mysql)), Optional::of, services,
                request, 100).start());
        viewer.open(List.of("postgres"));
        await().until(() -> {
            viewer.pull();
            return viewer.rows().size() == 3;
        });

        viewer.open(List.of("postgres", "mysql"));
        await().until(() -> {
            viewer.pull();
            return viewer.rows().size() == 5;
        });
        viewer.close();

        assertThat(viewer.rows()).extracting(LogRow::plainText)
                .containsExactly("postgres 1", "mysql 1", "postgres 2", "mysql 2", "postgres live");
    }

    private static void history(io.colimaservices.domain.LogFrameSink sink, String... lines) {
        for (String line : lines) {
            FakeEngine.send(sink, LogSource.STDOUT, at(line));
        }
        sink.onClosed(Optional.empty());
    }

    /** "05 text" is "text" at second 5. */
    private static String at(String secondAndText) {
        return "2026-11-27T10:00:" + secondAndText.substring(0, 2) + ".000000000Z " + secondAndText.substring(3)
                + "\n";
    }

    @Test
    void keepsAtMostMaxRowsDroppingTheOldestInChunks() {
        List<LogRow> rows = new ArrayList<>();
        for (int i = 0; i < LogViewerViewModel.MAX_ROWS + LogViewerViewModel.MAX_ROWS / 10 + 1; i++) {
            rows.add(row("line " + i, LogSource.STDOUT));
        }
        model.append(rows);

        assertThat(model.rows()).hasSize(LogViewerViewModel.MAX_ROWS);
        assertThat(model.rows().getLast().plainText()).isEqualTo("line " + (rows.size() - 1));
    }
}
