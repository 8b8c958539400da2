package io.colimaservices.cli;

import io.colimaservices.domain.PullEvent;
import io.colimaservices.domain.PullProgress;
import io.colimaservices.domain.PullResult;
import io.colimaservices.domain.PullRun;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code pull --json}: one JSON object per line for every progress event. The engine's messages carry exactly
 * {@code image, layer, status, current, total} ({@code layer} null for messages about the whole image, the numbers
 * null when the engine sent none); the run's own steps carry the same five fields, a status of their own
 * ({@code skipped, present, pulling, retrying, pulled, failed, cancelled, note}) and fields that say more.
 */
final class PullJsonOutput implements PullOutput {
    private final PrintWriter out;

    PullJsonOutput(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void accept(PullProgress progress) {
        Map<String, Object> line = switch (progress) {
            case PullProgress.Progress p -> event(p.event());
            case PullProgress.Skipped s -> {
                Map<String, Object> m = base(null, "skipped", null, null);
                m.put("services", java.util.List.of(s.service()));
                m.put("reason", s.reason());
                yield m;
            }
            case PullProgress.Note n -> {
                Map<String, Object> m = base(null, "note", null, null);
                m.put("message", n.text());
                yield m;
            }
            case PullProgress.Present p -> {
                Map<String, Object> m = base(p.image().toString(), "present", null, null);
                m.put("services", p.services());
                yield m;
            }
            case PullProgress.Started s -> {
                Map<String, Object> m = base(s.image().toString(), "pulling", null, null);
                m.put("attempt", s.attempt());
                m.put("attempts", s.attempts());
                yield m;
            }
            case PullProgress.Retrying r -> {
                Map<String, Object> m = base(r.image().toString(), "retrying", null, null);
                m.put("attempt", r.nextAttempt());
                m.put("attempts", r.attempts());
                m.put("delay_ms", r.delay().toMillis());
                m.put("reason", kind(r.cause().kind()));
                m.put("message", r.cause().describe(r.image()));
                yield m;
            }
            case PullProgress.Pulled p -> {
                Map<String, Object> m = base(p.image().toString(), "pulled", p.bytes(), p.bytes());
                m.put("duration_ms", p.took().toMillis());
                yield m;
            }
            case PullProgress.Failed f -> {
                Map<String, Object> m = base(f.image().toString(), "failed", null, null);
                m.put("services", f.services());
                m.put("reason", kind(f.failure().kind()));
                m.put("message", f.failure().describe(f.image()));
                yield m;
            }
            case PullProgress.Cancelled c -> base(c.image().toString(), "cancelled", null, null);
        };
        out.println(Json.line(line));
        out.flush();
    }

    private static Map<String, Object> event(PullEvent e) {
        Map<String, Object> m = base(e.image(), e.status(), e.current() == PullEvent.NONE ? null : e.current(),
                e.total() == PullEvent.NONE ? null : e.total());
        m.put("layer", e.isLayer() ? e.layer() : null);
        return m;
    }

    private static Map<String, Object> base(String image, String status, Long current, Long total) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("image", image);
        m.put("layer", null);
        m.put("status", status);
        m.put("current", current);
        m.put("total", total);
        return m;
    }

    private static String kind(Enum<?> kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public void follow(PullRun run) {
        // every event is already a line
    }

    @Override
    public void close() {
        out.flush();
    }

    @Override
    public void summary(PullResult result) {
        // the events said it all; failures also go to stderr as the error
    }
}
