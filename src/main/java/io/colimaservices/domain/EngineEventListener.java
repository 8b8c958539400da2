package io.colimaservices.domain;

import java.util.Optional;

/** Receives the engine's event stream; called on the stream's own thread. */
public interface EngineEventListener {

    /** The stream is open: events from now on will arrive (a good moment to re-list). */
    void onConnected();

    void onEvent(ContainerEvent event);

    /**
     * The stream ended: {@code error} is empty when the engine closed it (a daemon restart ends the stream
     * normally), present when it failed. Not called after the subscriber closed the subscription itself.
     */
    void onClosed(Optional<Throwable> error);
}
