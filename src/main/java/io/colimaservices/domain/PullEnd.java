package io.colimaservices.domain;

/** How one pull attempt's stream from the engine ended. */
public sealed interface PullEnd {

    /** The stream ended normally; whether the image arrived is told by its last status message. */
    record Finished() implements PullEnd {
    }

    /**
     * The engine reported a failure: as an HTTP error before the stream (a missing tag: 404) or as an error
     * message inside it ({@code httpStatus} 0: a missing platform, or a registry lost after the engine's retries).
     */
    record Refused(int httpStatus, String message) implements PullEnd {
    }

    /** The connection to the engine broke while the stream ran (a cut socket, a VM's port forward that died). */
    record Broken(String reason) implements PullEnd {
    }

    /** The engine could not be reached at all. */
    record Unreachable(String reason) implements PullEnd {
    }
}
