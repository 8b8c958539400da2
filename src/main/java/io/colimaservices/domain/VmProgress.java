package io.colimaservices.domain;

/**
 * Receives the output of a long VM operation line by line, as the tool prints it, so that a start that takes
 * minutes is never silent. Called on a reader thread: implementations hop to their own thread if they need to.
 */
@FunctionalInterface
public interface VmProgress {
    VmProgress IGNORE = line -> { };

    void line(String text);
}
