package io.colimaservices.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which changes between two snapshots deserve a notification: a service turning unhealthy, dying with a
 * non-zero code (but not 130/137/143 from a stop the app made), or being killed for memory. At most one per
 * service per {@link #QUIET_PERIOD}, so a crash loop is one notification, not sixty. Nothing for a service that a
 * recovery is bringing back: its crashes until then (waiting for its secrets) are expected, and the recovery says
 * itself when it fails.
 */
public final class AlertPolicy {
    public static final Duration QUIET_PERIOD = Duration.ofMinutes(10);
    private static final Set<Integer> STOP_SIGNAL_CODES = Set.of(130, 137, 143);

    private final StopLedger ledger;
    private final Clock clock;
    private final java.util.function.Predicate<String> recovering;
    private final Map<String, Instant> lastAlert = new HashMap<>();

    public AlertPolicy(StopLedger ledger, Clock clock) {
        this(ledger, clock, service -> false);
    }

    /** @param recovering whether a recovery is bringing the service back now */
    public AlertPolicy(StopLedger ledger, Clock clock, java.util.function.Predicate<String> recovering) {
        this.ledger = ledger;
        this.clock = clock;
        this.recovering = recovering;
    }

    public synchronized List<Alert> changes(StackSnapshot before, StackSnapshot after) {
        List<Alert> alerts = new ArrayList<>();
        if (!before.engine().reachable() || !after.engine().reachable()) {
            return alerts;
        }
        for (ServiceStatus now : after.services().values()) {
            ServiceStatus was = before.status(now.service());
            if (recovering.test(now.service())) {
                continue;
            }
            alert(was, now).filter(this::notQuiet).ifPresent(alerts::add);
        }
        return alerts;
    }

    private java.util.Optional<Alert> alert(ServiceStatus was, ServiceStatus now) {
        String service = now.service();
        if (now.oomKilled() && !was.oomKilled()) {
            return java.util.Optional.of(new Alert(service, Alert.Kind.OUT_OF_MEMORY,
                    "The kernel killed it for using too much memory." + exitText(now)));
        }
        boolean diedNow = (now.state() == ContainerState.EXITED || now.state() == ContainerState.DEAD)
                && (was.state().isUp() || was.state() == ContainerState.CREATED);
        if (diedNow && now.exitCode().orElse(0) != 0) {
            int code = now.exitCode().getAsInt();
            if (STOP_SIGNAL_CODES.contains(code) && ledger.stoppedByUs(service)) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new Alert(service, Alert.Kind.DIED, "It exited with code " + code + "."));
        }
        if (now.isRunning() && now.health() == HealthStatus.UNHEALTHY && was.health() != HealthStatus.UNHEALTHY) {
            return java.util.Optional.of(new Alert(service, Alert.Kind.UNHEALTHY,
                    now.healthOutput().map(h -> "Health check: " + firstLine(h)).orElse("Its health check fails.")));
        }
        return java.util.Optional.empty();
    }

    private boolean notQuiet(Alert alert) {
        Instant now = clock.instant();
        Instant last = lastAlert.get(alert.service());
        if (last != null && last.plus(QUIET_PERIOD).isAfter(now)) {
            return false;
        }
        lastAlert.put(alert.service(), now);
        return true;
    }

    private static String exitText(ServiceStatus s) {
        return s.exitCode().isPresent() ? " Exit code " + s.exitCode().getAsInt() + "." : "";
    }

    private static String firstLine(String text) {
        String stripped = text.strip();
        int nl = stripped.indexOf('\n');
        String line = nl < 0 ? stripped : stripped.substring(0, nl);
        return line.length() > 160 ? line.substring(0, 160) + "\u2026" : line;
    }
}
