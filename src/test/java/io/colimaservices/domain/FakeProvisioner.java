package io.colimaservices.domain;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The compose CLI for unit tests: makes containers on a simulating {@link FakeEngine}, each with the behaviour,
 * restart policy and definition hash the test gives its service. Records every invocation.
 */
public final class FakeProvisioner implements ServiceProvisioner {
    /** "create a b", "recreate a", "hash a b" in order. */
    public final List<String> calls = new CopyOnWriteArrayList<>();
    private final FakeEngine.Daemon daemon;
    private final Map<String, FakeEngine.Behaviour> behaviours = new ConcurrentHashMap<>();
    private final Map<String, String> hashes = new ConcurrentHashMap<>();
    private final Set<String> restartAlways = ConcurrentHashMap.newKeySet();

    public FakeProvisioner(FakeEngine.Daemon daemon) {
        this.daemon = daemon;
    }

    /** What the service's containers do; {@code policy}: restart unless stopped (the stack's daemons). */
    public FakeProvisioner service(String name, FakeEngine.Behaviour behaviour, boolean policy) {
        behaviours.put(name, behaviour);
        if (policy) {
            restartAlways.add(name);
        }
        hashes.putIfAbsent(name, "hash-" + name + "-1");
        return this;
    }

    /** The definition changed (an app update): compose's hash of it changes. */
    public void changeDefinition(String name) {
        hashes.put(name, hashes.get(name) + "+");
    }

    /** Makes the container now, as an earlier run of compose would have. */
    public String existing(ServiceDefinition d) {
        return daemon.create(d.name(), d.hasHealthCheck(), behaviour(d.name()), restartAlways.contains(d.name()),
                hashes.get(d.name()));
    }

    /** Thrown by the next create (no compose CLI, say). */
    public volatile UserError failCreate;

    @Override
    public void create(List<ServiceDefinition> services, Consumer<String> output) {
        if (services.isEmpty()) {
            return;
        }
        if (failCreate != null) {
            throw failCreate;
        }
        calls.add("create " + String.join(" ", services.stream().map(ServiceDefinition::name).toList()));
        services.forEach(this::existing);
    }

    /** Like Compose v2: a container made may start while the others are being made. */
    @Override
    public boolean mayStartWhileCreating() {
        return true;
    }

    @Override
    public void recreate(ServiceDefinition service, Consumer<String> output) {
        calls.add("recreate " + service.name());
        daemon.remove(service.name());
        existing(service);
    }

    @Override
    public Map<String, String> definitionHashes(List<ServiceDefinition> services) {
        calls.add("hash " + String.join(" ", services.stream().map(ServiceDefinition::name).toList()));
        Map<String, String> result = new java.util.LinkedHashMap<>();
        services.forEach(s -> result.put(s.name(), hashes.get(s.name())));
        return result;
    }

    private FakeEngine.Behaviour behaviour(String name) {
        FakeEngine.Behaviour b = behaviours.get(name);
        if (b == null) {
            throw new IllegalStateException("no behaviour for " + name);
        }
        return b;
    }
}
