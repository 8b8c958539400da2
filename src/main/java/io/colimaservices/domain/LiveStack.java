package io.colimaservices.domain;

/**
 * The stack as a face is connected to it: a store kept true by the engine watcher, with the actions and the
 * recovery that act on it. The app keeps one per Docker host for as long as it runs; a command opens one on first
 * use and closes it when it ends.
 */
public interface LiveStack {

    /** @throws UserError of kind DOCKER_UNREACHABLE when there is no connection (yet) */
    StackActions actions();

    /** Recovery on this connection's store. @throws UserError of kind DOCKER_UNREACHABLE as {@link #actions} */
    StackRecovery recovery();

    /** The caller will create containers soon: find the compose CLI while Docker is listed (no-op by default). */
    default void prepareToCreate() {
    }
}
