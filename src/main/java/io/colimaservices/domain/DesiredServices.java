package io.colimaservices.domain;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The services the user wants running: what {@code up} started (with their dependencies), less what {@code down}
 * stopped since. Kept between runs of the app and shared by its two faces, so that after a reboot the recovery
 * knows what to bring back, and leaves alone what the user stopped.
 */
public interface DesiredServices {

    Set<String> load();

    void add(Collection<String> services);

    void remove(Collection<String> services);

    /** Kept in memory only (tests, and a face that must not write files). */
    static DesiredServices inMemory() {
        return new DesiredServices() {
            private final Set<String> services = new LinkedHashSet<>();

            @Override
            public synchronized Set<String> load() {
                return Set.copyOf(services);
            }

            @Override
            public synchronized void add(Collection<String> more) {
                services.addAll(more);
            }

            @Override
            public synchronized void remove(Collection<String> fewer) {
                services.removeAll(fewer);
            }
        };
    }
}
