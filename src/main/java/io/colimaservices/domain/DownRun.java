package io.colimaservices.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/** One {@code down}: a service stops once every service depending on it has stopped. */
final class DownRun {
    private final StackActions.Parts parts;
    private final Catalog catalog;
    private final Set<String> services;
    private final Consumer<StackProgress> progress;
    private final Map<String, CompletableFuture<Void>> stopped = new LinkedHashMap<>();
    private final AtomicInteger stops = new AtomicInteger();

    DownRun(StackActions.Parts parts, Catalog catalog, Set<String> services, Consumer<StackProgress> progress) {
        this.parts = parts;
        this.catalog = catalog;
        this.services = services;
        this.progress = StackActions.synchronizedConsumer(progress);
    }

    ActionResult run() {
        long begin = System.nanoTime();
        List<String> order = catalog.stopOrder(services);
        order.forEach(s -> stopped.put(s, new CompletableFuture<>()));
        AtomicReference<StackProgress.Failed> failure = new AtomicReference<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String s : order) {
                threads.submit(() -> {
                    try {
                        for (ServiceDefinition dependent : catalog.services()) {
                            if (stopped.containsKey(dependent.name()) && dependent.dependsOn(s)) {
                                stopped.get(dependent.name()).join();
                            }
                        }
                        stopOne(s);
                    } catch (UserError e) {
                        StackProgress.Failed f = new StackProgress.Failed(s, e.getMessage(), Optional.empty(),
                                OptionalInt.empty(), List.of());
                        if (failure.compareAndSet(null, f)) {
                            progress.accept(f);
                        }
                    } finally {
                        stopped.get(s).complete(null);
                    }
                });
            }
        }
        if (failure.get() == null) {
            int count = stops.get();
            String summary = count == 0 ? "nothing was running"
                    : "stopped " + count + (count == 1 ? " service" : " services");
            progress.accept(new StackProgress.Finished("", summary, UpRun.elapsed(begin)));
        }
        return new ActionResult(Optional.ofNullable(failure.get()));
    }

    private void stopOne(String service) {
        ServiceStatus status = parts.store().current().status(service);
        if (status.containerId().isEmpty() || !status.state().isUp()) {
            return;
        }
        long begin = System.nanoTime();
        progress.accept(new StackProgress.Stopping(service));
        parts.ledger().stopping(service);
        parts.engine().stop(status.containerId().get(), StackActions.STOP_GRACE);
        stops.incrementAndGet();
        progress.accept(new StackProgress.Stopped(service, UpRun.elapsed(begin)));
    }
}
