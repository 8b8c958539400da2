package io.colimaservices.domain;

import java.util.Optional;

/**
 * Receives a log stream as the engine frames it. {@code data} may be reused after the call returns: copy what you
 * keep. Called on the stream's own thread.
 */
public interface LogFrameSink {

    /**
     * One frame of one output. With a multiplexed (non-TTY) stream a frame is one log message as the daemon wrote
     * it: its timestamp, a space, and text that ends with a newline unless the daemon split a long line.
     * {@code messageBoundary} is false for TTY streams, where bytes arrive in arbitrary chunks.
     */
    void onFrame(LogSource source, byte[] data, int offset, int length, boolean messageBoundary);

    /** The stream ended; see {@link EngineEventListener#onClosed}. */
    void onClosed(Optional<Throwable> error);
}
