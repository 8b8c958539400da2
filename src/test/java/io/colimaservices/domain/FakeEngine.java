package io.colimaservices.domain;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * An engine for unit tests. Log streams are played from a script per connection; every request is recorded.
 * With {@link #simulate}, it also keeps containers of its own on a daemon clock that can be set minutes away from
 * the host's: starts, stops, exits, health checks and restart policies happen as {@link Behaviour}s say, with the
 * events a real daemon sends, timestamped on that clock. Without it, container changes are refused.
 */
public final class FakeEngine implements ContainerEngine {
    public final List<LogRequest> logRequests = new CopyOnWriteArrayList<>();
    /** Every start, stop and restart asked for, in order: "start postgres", "stop vault-agent". */
    public final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<LogRequest, LogFrameSink>> logScripts = new ArrayList<>();
    private volatile Function<String, ContainerStats> statsReader = id -> {
        throw new UnsupportedOperationException();
    };

    private volatile Function<String, List<ServiceStatus>> lister = project -> List.of();
    private volatile Daemon daemon;

    /** Answers listings (on the caller's thread). */
    public FakeEngine onList(Function<String, List<ServiceStatus>> answer) {
        lister = answer;
        return this;
    }

    private volatile java.util.function.Supplier<EngineInfo> pinger = () -> EngineInfo.reachable("fake://", "fake");
    private volatile BiConsumer<String, EngineEventListener> events = (project, listener) -> {
        throw new UnsupportedOperationException();
    };

    /** Answers pings (on the caller's thread). */
    public FakeEngine onPing(java.util.function.Supplier<EngineInfo> answer) {
        pinger = answer;
        return this;
    }

    /** Plays an event stream: called on the subscriber's thread; the subscription closes nothing. */
    public FakeEngine onEvents(BiConsumer<String, EngineEventListener> stream) {
        events = stream;
        return this;
    }

    /** Answers stats reads (called on the sampler's threads). */
    public FakeEngine onStats(Function<String, ContainerStats> reader) {
        statsReader = reader;
        return this;
    }

    /** Adds what the next log connection plays. */
    public FakeEngine onLogs(BiConsumer<LogRequest, LogFrameSink> script) {
        logScripts.add(script);
        return this;
    }

    /**
     * Keeps containers of its own, on a daemon clock {@code skew} away from the host's; listings, events, inspect,
     * start, stop and restart then act on them.
     */
    public FakeEngine simulate(Duration skew) {
        daemon = new Daemon(skew);
        return this;
    }

    public Daemon daemon() {
        return daemon;
    }

    public static void send(LogFrameSink sink, LogSource source, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        sink.onFrame(source, bytes, 0, bytes.length, true);
    }

    @Override
    public String host() {
        return "fake://";
    }

    @Override
    public EngineInfo ping() {
        return pinger.get();
    }

    @Override
    public List<ServiceStatus> listProject(String project) {
        return daemon != null ? daemon.list() : lister.apply(project);
    }

    @Override
    public ServiceStatus inspect(String service, String containerId) {
        return simulation().inspect(containerId);
    }

    @Override
    public Instant daemonTime() {
        return daemon != null ? daemon.now() : Instant.now();
    }

    @Override
    public Subscription subscribeEvents(String project, EngineEventListener listener) {
        if (daemon != null) {
            return daemon.subscribe(listener);
        }
        events.accept(project, listener);
        return () -> { };
    }

    @Override
    public void start(String containerId) {
        requests.add("start " + simulation().serviceOf(containerId));
        simulation().start(containerId);
    }

    @Override
    public void stop(String containerId, Duration grace) {
        requests.add("stop " + simulation().serviceOf(containerId));
        simulation().stop(containerId, simulation().stopExitCode);
    }

    @Override
    public void restart(String containerId, Duration grace) {
        requests.add("restart " + simulation().serviceOf(containerId));
        simulation().stop(containerId, simulation().stopExitCode);
        simulation().start(containerId);
    }

    private Daemon simulation() {
        if (daemon == null) {
            throw new UnsupportedOperationException("not a simulating engine");
        }
        return daemon;
    }

    @Override
    public ContainerStats stats(String containerId) {
        return statsReader.apply(containerId);
    }

    @Override
    public Subscription streamLogs(String containerId, LogRequest request, LogFrameSink sink) {
        int index = logRequests.size();
        logRequests.add(request);
        BiConsumer<LogRequest, LogFrameSink> script = index < logScripts.size() ? logScripts.get(index)
                : (r, s) -> s.onClosed(Optional.of(new java.io.IOException("no more scripts")));
        Thread.ofVirtual().start(() -> script.accept(request, sink));
        return () -> { };
    }

    @Override
    public void close() {
    }

    /**
     * What a container's process does once started. Steps run on a virtual thread of their own, which a stop
     * interrupts.
     */
    public interface Behaviour {
        /** Runs in the container's "process"; returns normally to keep running, or calls {@link Process#exit}. */
        void run(Process process) throws InterruptedException;

        /** Runs until stopped; no health check. */
        static Behaviour runs() {
            return p -> { };
        }

        /** Healthy after a while. */
        static Behaviour healthyAfter(Duration after) {
            return p -> {
                Thread.sleep(after);
                p.health(HealthStatus.HEALTHY);
            };
        }

        /** Exits with {@code code} after a while (a one-shot job, or a crash). */
        static Behaviour exitsAfter(Duration after, int code) {
            return p -> {
                Thread.sleep(after);
                p.exit(code);
            };
        }
    }

    /** The handle a {@link Behaviour} acts through. */
    public interface Process {
        void health(HealthStatus status);

        void exit(int code);

        /** The daemon it runs on (for shared state: the secrets a volume holds). */
        Daemon daemon();
    }

    /** The simulated daemon: containers, their clock, the event subscribers. */
    public final class Daemon {
        private final Duration skew;
        private final Map<String, Container> containers = new LinkedHashMap<>();
        private final List<EngineEventListener> listeners = new CopyOnWriteArrayList<>();
        /** Shared between behaviours: what the tmpfs secrets volumes hold (emptied by a daemon restart). */
        public final Map<String, Boolean> volumes = new java.util.concurrent.ConcurrentHashMap<>();
        private int next;
        private volatile int stopExitCode = 143;

        Daemon(Duration skew) {
            this.skew = skew;
        }

        /** The daemon's clock: the host's plus the skew. */
        public Instant now() {
            return Instant.now().plus(skew);
        }

        /**
         * Adds a container for {@code service} in state created, as compose would (an event reports it).
         *
         * @param restartAlways whether its restart policy restarts it when it exits on its own (and at daemon start)
         */
        public synchronized String create(String service, boolean hasHealthCheck, Behaviour behaviour,
                                          boolean restartAlways, String configHash) {
            String id = "c" + (++next) + "-" + service;
            containers.put(id, new Container(id, service, hasHealthCheck, behaviour, restartAlways, configHash));
            emit(id, service, "create", OptionalInt.empty(), Optional.empty(), Optional.of(configHash));
            return id;
        }

        /** Removes the service's container (compose's recreate does so after stopping it). */
        public synchronized void remove(String service) {
            containerOf(service).ifPresent(c -> {
                if (c.state == ContainerState.RUNNING) {
                    stop(c.id, 137);
                }
                containers.remove(c.id);
                emit(c.id, service, "destroy", OptionalInt.empty(), Optional.empty(), Optional.empty());
            });
        }

        public synchronized Optional<String> idOf(String service) {
            return containerOf(service).map(c -> c.id);
        }

        public synchronized ServiceStatus status(String service) {
            return containerOf(service).map(Container::status).orElse(ServiceStatus.absent(service));
        }

        /** The exit code a stop gives (143 for SIGTERM; 0 for a process that traps it and exits cleanly). */
        public void stopExitCode(int code) {
            stopExitCode = code;
        }

        /** Replaces what the container does from its next start. */
        public synchronized void behave(String service, Behaviour behaviour) {
            containerOf(service).orElseThrow().behaviour = behaviour;
        }

        /**
         * A daemon restart: every running container stops (as the daemon's shutdown stops them), the tmpfs volumes
         * empty, the stream ends; then the daemon starts those whose restart policy says so, all at once, ignoring
         * dependencies.
         */
        public void reboot() {
            List<String> running;
            synchronized (this) {
                running = containers.values().stream().filter(c -> c.state == ContainerState.RUNNING)
                        .map(c -> c.id).toList();
                running.forEach(id -> stop(id, 0, false));
                volumes.clear();
            }
            // The stream ends; whoever reconnects hears of what follows.
            List<EngineEventListener> before = List.copyOf(listeners);
            listeners.removeAll(before);
            before.forEach(l -> l.onClosed(Optional.empty()));
            List<String> policy;
            synchronized (this) {
                policy = containers.values().stream().filter(c -> c.restartAlways && !c.stoppedByHand)
                        .map(c -> c.id).toList();
            }
            policy.forEach(this::start);
        }

        synchronized List<ServiceStatus> list() {
            return containers.values().stream().map(Container::status).toList();
        }

        synchronized ServiceStatus inspect(String id) {
            Container c = containers.get(id);
            if (c == null) {
                throw new UserError(UserError.Kind.OTHER, "no container " + id, "");
            }
            return c.status();
        }

        synchronized String serviceOf(String id) {
            Container c = containers.get(id);
            return c == null ? id : c.service;
        }

        Subscription subscribe(EngineEventListener listener) {
            listeners.add(listener);
            listener.onConnected();
            return () -> listeners.remove(listener);
        }

        void start(String id) {
            Container c;
            synchronized (this) {
                c = containers.get(id);
                if (c == null) {
                    throw new UserError(UserError.Kind.OTHER, "cannot start container " + id
                            + ": it no longer exists", "");
                }
                if (c.state == ContainerState.RUNNING) {
                    return;
                }
                c.state = ContainerState.RUNNING;
                c.stoppedByHand = false;
                c.health = c.hasHealthCheck ? HealthStatus.STARTING : HealthStatus.NONE;
                c.exitCode = OptionalInt.empty();
                c.startedAt = Optional.of(now());
                c.finishedAt = Optional.empty();
                c.run++;
                emit(id, c.service, "start", OptionalInt.empty(), Optional.empty(), Optional.empty());
            }
            int run = c.run;
            Behaviour behaviour = c.behaviour;
            c.process = Thread.ofVirtual().start(() -> {
                try {
                    behaviour.run(new Process() {
                        public void health(HealthStatus status) {
                            synchronized (Daemon.this) {
                                if (c.run == run && c.state == ContainerState.RUNNING && c.health != status) {
                                    c.health = status;
                                    emit(id, c.service, "health_status", OptionalInt.empty(), Optional.of(status),
                                            Optional.empty());
                                }
                            }
                        }

                        public void exit(int code) {
                            exited(c, run, code);
                        }

                        public Daemon daemon() {
                            return Daemon.this;
                        }
                    });
                } catch (InterruptedException stopped) {
                    // the container was stopped
                }
            });
        }

        /** A stop from outside: the process ends with {@code code}; the restart policy leaves it stopped. */
        void stop(String id, int code) {
            stop(id, code, true);
        }

        /** @param byHand a user's stop (the restart policy leaves it stopped), not the daemon's shutdown */
        private void stop(String id, int code, boolean byHand) {
            Container c;
            synchronized (this) {
                c = containers.get(id);
                if (c == null) {
                    throw new UserError(UserError.Kind.OTHER, "cannot stop container " + id
                            + ": it no longer exists", "");
                }
                c.stoppedByHand = byHand;
                if (c.state != ContainerState.RUNNING) {
                    return;
                }
                c.run++;
                die(c, code);
            }
            Thread process = c.process;
            if (process != null) {
                process.interrupt();
            }
        }

        private void exited(Container c, int run, int code) {
            boolean restart;
            synchronized (this) {
                if (c.run != run || c.state != ContainerState.RUNNING) {
                    return;
                }
                die(c, code);
                restart = c.restartAlways;
            }
            if (restart) {
                Thread.ofVirtual().start(() -> {
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                    synchronized (this) {
                        if (c.stoppedByHand || c.state == ContainerState.RUNNING || !containers.containsKey(c.id)) {
                            return;
                        }
                    }
                    start(c.id);
                });
            }
        }

        private void die(Container c, int code) {
            c.state = ContainerState.EXITED;
            c.health = HealthStatus.NONE;
            c.exitCode = OptionalInt.of(code);
            c.finishedAt = Optional.of(now());
            emit(c.id, c.service, "die", OptionalInt.of(code), Optional.empty(), Optional.empty());
        }

        private Optional<Container> containerOf(String service) {
            return containers.values().stream().filter(c -> c.service.equals(service)).reduce((a, b) -> b);
        }

        private void emit(String id, String service, String action, OptionalInt exitCode,
                          Optional<HealthStatus> health, Optional<String> hash) {
            long nanos = now().getEpochSecond() * 1_000_000_000L + now().getNano();
            ContainerEvent event = new ContainerEvent(id, service, action, nanos, exitCode, health, hash);
            listeners.forEach(l -> l.onEvent(event));
        }
    }

    private static final class Container {
        final String id;
        final String service;
        final boolean hasHealthCheck;
        final boolean restartAlways;
        final String configHash;
        volatile Behaviour behaviour;
        ContainerState state = ContainerState.CREATED;
        HealthStatus health = HealthStatus.NONE;
        OptionalInt exitCode = OptionalInt.empty();
        Optional<Instant> startedAt = Optional.empty();
        Optional<Instant> finishedAt = Optional.empty();
        boolean stoppedByHand;
        int run;
        volatile Thread process;

        Container(String id, String service, boolean hasHealthCheck, Behaviour behaviour, boolean restartAlways,
                  String configHash) {
            this.id = id;
            this.service = service;
            this.hasHealthCheck = hasHealthCheck;
            this.behaviour = behaviour;
            this.restartAlways = restartAlways;
            this.configHash = configHash;
        }

        ServiceStatus status() {
            return new ServiceStatus(service, Optional.of(id), state, health, exitCode, startedAt, finishedAt,
                    List.of(), false, Optional.empty(), Optional.of(configHash));
        }
    }
}
