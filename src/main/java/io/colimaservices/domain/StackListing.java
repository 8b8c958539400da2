package io.colimaservices.domain;

/** One look at the stack now: the catalog plus one listing of the engine (what {@code status} prints). */
public interface StackListing {

    /** @throws UserError of kind DOCKER_UNREACHABLE naming the host and where it came from */
    StackSnapshot listNow();

    /** The Docker host the listing asks, as the user would write it. */
    String engineHost();
}
