package io.colimaservices.domain;

/**
 * A process started in a container, its streams flowing on their own threads. {@link #close()} cancels: the
 * connection is cut, so the process loses its output (it ends at its next write) and its input ends. Idempotent.
 */
public interface ExecProcess extends AutoCloseable {

    /** Tells the process's pseudo-terminal its new size; ignored without a tty. */
    void resize(TerminalSize size);

    /**
     * Waits until the output streams ended and the engine reports the exit code.
     *
     * @throws UserError when the engine cannot be asked, or the exec was cancelled
     */
    ExecOutcome await() throws InterruptedException;

    /** Bytes written to the process's stdin so far. */
    long bytesIn();

    /** Bytes of output (stdout and stderr) received so far. */
    long bytesOut();

    @Override
    void close();
}
