package io.colimaservices.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The logs of one or several services, merged. Each service has its follower and bounded buffer; readers drain
 * what is new, merged by time, together with how many lines they missed. The CLI drains in a loop, the viewer once
 * per frame; streams run only while the session is open.
 *
 * <p>Each follower reads its own service's history (the tail) on its own stream, so the histories arrive one after
 * another. A drain between two of them would hand out all of the first service's lines and put the second's older
 * lines after them. So nothing is released until every follower's history is in ({@link
 * LogFollower#historyDelivered}) or {@link #HISTORY_DEADLINE} has passed; the first drain after that merges the
 * histories (and whatever live lines came meanwhile) by time, later drains the live lines.
 */
public final class LogSession implements AutoCloseable {
    private final Map<String, LogFollower> followers = new LinkedHashMap<>();
    private final Map<String, Long> cursors = new LinkedHashMap<>();
    /**
     * How long the readers wait for every history before they take what has come. A healthy local daemon sends a
     * 1,000-line tail in milliseconds; the app calls an engine that does not answer a quick call within 5 s down
     * (see DockerClients), so one service whose stream does not answer holds the others no longer than that. A
     * history that comes later is released as it arrives, after the lines already shown.
     */
    public static final Duration HISTORY_DEADLINE = Duration.ofSeconds(5);

    private final Duration historyDeadline;
    private final LongSupplier nanoTime;
    private long startedAt;
    private boolean historiesReleased;

    /** What a drain returned: new lines in time order, and how many were dropped before they could be read. */
    public record Drain(List<LogLine> lines, long dropped) {
    }

    /**
     * @param containerIdOf finds a service's current container (asked again on every reconnect)
     * @param capacity lines kept per service
     */
    public LogSession(ContainerEngine engine, Function<String, Optional<String>> containerIdOf,
                      List<String> services, LogRequest request, int capacity) {
        this(engine, containerIdOf, services, request, capacity, HISTORY_DEADLINE, System::nanoTime);
    }

    /** With another history deadline and clock (tests). */
    LogSession(ContainerEngine engine, Function<String, Optional<String>> containerIdOf, List<String> services,
               LogRequest request, int capacity, Duration historyDeadline, LongSupplier nanoTime) {
        this.historyDeadline = historyDeadline;
        this.nanoTime = nanoTime;
        for (String service : services) {
            followers.put(service, new LogFollower(engine, service, () -> containerIdOf.apply(service), request,
                    new LogBuffer(capacity)));
            cursors.put(service, 0L);
        }
    }

    public synchronized LogSession start() {
        startedAt = nanoTime.getAsLong();
        followers.values().forEach(LogFollower::start);
        return this;
    }

    public List<String> services() {
        return List.copyOf(followers.keySet());
    }

    /**
     * New lines of every service since the last drain, at most {@code maxPerService} each, merged by time; nothing
     * while a history is still coming (within the deadline).
     */
    public synchronized Drain drain(int maxPerService) {
        if (!historiesReleased) {
            historiesReleased = historiesIn() || nanoTime.getAsLong() - startedAt >= historyDeadline.toNanos();
            if (!historiesReleased) {
                return new Drain(List.of(), 0);
            }
        }
        List<LogLine> lines = new ArrayList<>();
        long dropped = 0;
        for (Map.Entry<String, LogFollower> entry : followers.entrySet()) {
            LogBuffer.Batch batch = entry.getValue().buffer().readFrom(cursors.get(entry.getKey()), maxPerService);
            cursors.put(entry.getKey(), batch.nextSeq());
            dropped += batch.skipped();
            lines.addAll(batch.lines());
        }
        if (followers.size() > 1) {
            lines.sort(Comparator.comparing(LogLine::time));
        }
        return new Drain(lines, dropped);
    }

    /** True once every service's history is in its buffer (see {@link LogFollower#historyDelivered}). */
    public boolean historiesIn() {
        return followers.values().stream().allMatch(LogFollower::historyDelivered);
    }

    /** Lines dropped by the buffers to stay within their bounds, over all services. */
    public long droppedByBuffers() {
        return followers.values().stream().mapToLong(f -> f.buffer().dropped()).sum();
    }

    /** True when every stream has ended (never while following). */
    public boolean ended() {
        return followers.values().stream().allMatch(LogFollower::ended);
    }

    /** Waits until every stream ended, at most {@code timeout}. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (LogFollower follower : followers.values()) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !follower.awaitEnd(Duration.ofNanos(left))) {
                return false;
            }
        }
        return true;
    }

    /** Reconnects a service's stream now (its container just started). */
    public void poke(String service) {
        LogFollower follower = followers.get(service);
        if (follower != null) {
            follower.poke();
        }
    }

    @Override
    public void close() {
        followers.values().forEach(LogFollower::close);
    }
}
