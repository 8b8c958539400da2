package io.colimaservices.ui.logs;

import io.colimaservices.domain.LogLine;
import io.colimaservices.domain.LogRequest;
import io.colimaservices.domain.LogSession;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The log viewer's state: the rows (bounded), what is shown of them (stream filter, search, only-matching), follow,
 * timestamps and wrap. New lines come from a {@link LogSession} drained once per frame by the view ({@link #pull}),
 * so a flood costs one list update per frame. Streams run only between {@link #open} and {@link #close}.
 * Everything here runs on the UI thread; tests call it directly.
 */
public final class LogViewerViewModel {
    /**
     * Rows kept in the viewer (as many as one service's ring buffer); older ones are let go in chunks. No more: the
     * list's layout walks every row's size on each update, and at 100,000 rows that alone made frames late (p99
     * 47 ms against 19 ms at 50,000, at 10,000 lines/s).
     */
    public static final int MAX_ROWS = 50_000;
    /** Lines taken per frame, so a frame stays short even when a flood has piled up. */
    public static final int MAX_PER_PULL = 5_000;

    /** Opens a session for some services; the app gives the engine and the store's container lookup. */
    @FunctionalInterface
    public interface SessionFactory {
        LogSession open(List<String> services, LogRequest request);
    }

    private final SessionFactory sessions;
    private final ArrayDeque<LogRow> all = new ArrayDeque<>();
    private final ObservableList<LogRow> shown = FXCollections.observableArrayList();
    private final ObservableList<LogRow> readOnlyShown = FXCollections.unmodifiableObservableList(shown);
    private final BooleanProperty follow = new SimpleBooleanProperty(true);
    private final BooleanProperty timestamps = new SimpleBooleanProperty(false);
    private final BooleanProperty wrap = new SimpleBooleanProperty(false);
    private final BooleanProperty regex = new SimpleBooleanProperty(false);
    private final BooleanProperty onlyMatching = new SimpleBooleanProperty(false);
    private final StringProperty query = new SimpleStringProperty("");
    private final ObjectProperty<StreamFilter> streams = new SimpleObjectProperty<>(StreamFilter.ALL);
    private final ReadOnlyStringWrapper searchError = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<LogSearch> search = new ReadOnlyObjectWrapper<>(LogSearch.NONE);
    private final ReadOnlyLongWrapper dropped = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper matches = new ReadOnlyLongWrapper();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("Logs");
    private List<String> services = List.of();
    private LogSession session;
    private long nextId;

    public LogViewerViewModel(SessionFactory sessions) {
        this.sessions = sessions;
        query.addListener((o, a, b) -> researched());
        regex.addListener((o, a, b) -> researched());
        onlyMatching.addListener((o, a, b) -> refilter());
        streams.addListener((o, a, b) -> refilter());
    }

    /** Starts following these services (tail 1,000 each), replacing what was open. */
    public void open(List<String> wanted) {
        close();
        services = List.copyOf(wanted);
        all.clear();
        shown.clear();
        dropped.set(0);
        title.set("Logs: " + String.join(", ", services));
        session = sessions.open(services, new LogRequest(true, 1_000, Optional.empty()));
    }

    /** Stops the streams (the window closed or another service was chosen). */
    public void close() {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    public boolean isOpen() {
        return session != null;
    }

    public List<String> services() {
        return services;
    }

    /** Takes what arrived since the last frame; returns how many lines were added. */
    public int pull() {
        if (session == null) {
            return 0;
        }
        LogSession.Drain drain = session.drain(MAX_PER_PULL);
        if (drain.dropped() > 0) {
            dropped.set(dropped.get() + drain.dropped());
            append(List.of(LogRow.marker(nextId++, String.format("%,d lines dropped", drain.dropped()))));
        }
        if (!drain.lines().isEmpty()) {
            List<LogRow> rows = new ArrayList<>(drain.lines().size());
            for (LogLine line : drain.lines()) {
                rows.add(LogRow.of(nextId++, line));
            }
            append(rows);
        }
        return drain.lines().size();
    }

    /** Adds rows (tests feed them directly). */
    public void append(Collection<LogRow> rows) {
        all.addAll(rows);
        List<LogRow> visible = new ArrayList<>(rows.size());
        LogSearch s = search.get();
        for (LogRow row : rows) {
            if (visible(row, s)) {
                visible.add(row);
            }
            if (s.matches(row)) {
                matches.set(matches.get() + 1);
            }
        }
        shown.addAll(visible);
        trim();
    }

    private void trim() {
        if (all.size() <= MAX_ROWS + MAX_ROWS / 10) {
            return;
        }
        // Let go of the oldest tenth at once: one shift of the shown list instead of one per frame.
        int excess = all.size() - MAX_ROWS;
        long lastGone = -1;
        LogSearch s = search.get();
        for (int i = 0; i < excess; i++) {
            LogRow gone = all.removeFirst();
            lastGone = gone.id();
            if (s.matches(gone)) {
                matches.set(matches.get() - 1);
            }
        }
        int cut = 0;
        while (cut < shown.size() && shown.get(cut).id() <= lastGone) {
            cut++;
        }
        shown.remove(0, cut);
    }

    private boolean visible(LogRow row, LogSearch s) {
        return streams.get().accepts(row) && (!onlyMatching.get() || s.isEmpty() || row.isMarker() || s.matches(row));
    }

    private void researched() {
        LogSearch.Result result = LogSearch.of(query.get(), regex.get());
        searchError.set(result.error().orElse(""));
        search.set(result.search());
        matches.set(all.stream().filter(result.search()::matches).count());
        refilter();
    }

    private void refilter() {
        LogSearch s = search.get();
        shown.setAll(all.stream().filter(row -> visible(row, s)).toList());
    }

    /** The index in the shown rows of the next (or previous) match after {@code from}, wrapping; -1 if none. */
    public int findMatch(int from, boolean forward) {
        return search.get().next(shown, from, forward);
    }

    /** The rows as text, escape codes stripped: for the clipboard or a file. */
    public String asText(List<LogRow> rows) {
        return LogExport.text(rows, services.size() > 1, timestamps.get());
    }

    /** Writes every shown row to a file (with times and services). */
    public int export(Path file) throws IOException {
        return LogExport.write(file, shown, services.size() > 1);
    }

    public ObservableList<LogRow> rows() {
        return readOnlyShown;
    }

    public BooleanProperty followProperty() {
        return follow;
    }

    public BooleanProperty timestampsProperty() {
        return timestamps;
    }

    public BooleanProperty wrapProperty() {
        return wrap;
    }

    public BooleanProperty regexProperty() {
        return regex;
    }

    public BooleanProperty onlyMatchingProperty() {
        return onlyMatching;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObjectProperty<StreamFilter> streamsProperty() {
        return streams;
    }

    public ReadOnlyStringProperty searchErrorProperty() {
        return searchError.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LogSearch> searchProperty() {
        return search.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty droppedProperty() {
        return dropped.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty matchesProperty() {
        return matches.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

}
