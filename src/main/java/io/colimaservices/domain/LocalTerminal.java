package io.colimaservices.domain;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * The terminal this process runs in, if any: what an interactive shell in a container needs of it. Implementations
 * never throw for a missing terminal: they answer "no terminal".
 */
public interface LocalTerminal {

    /** Standard input is a terminal (a person typing, not a pipe or a file). */
    boolean stdinIsTerminal();

    /** Standard output is a terminal (not redirected to a file or a pipe). */
    boolean stdoutIsTerminal();

    /** The terminal's current size, when there is one. */
    Optional<TerminalSize> size();

    /**
     * Puts the terminal into raw mode (every key goes through as typed: no echo, no line editing, no signals from
     * Ctrl-C), until the returned handle is closed, which restores the mode read before. The mode is also restored if
     * the JVM exits first (a signal, {@code System.exit}).
     */
    RawMode enterRawMode();

    /** Calls {@code listener} with the new size whenever the terminal is resized, until closed. */
    Subscription onResize(Consumer<TerminalSize> listener);

    /** Restores what {@link #enterRawMode()} changed. Idempotent. */
    interface RawMode extends AutoCloseable {
        @Override
        void close();
    }

    /** No terminal at all: pipes and files (tests, scripts, the app). */
    LocalTerminal NONE = new LocalTerminal() {
        @Override
        public boolean stdinIsTerminal() {
            return false;
        }

        @Override
        public boolean stdoutIsTerminal() {
            return false;
        }

        @Override
        public Optional<TerminalSize> size() {
            return Optional.empty();
        }

        @Override
        public RawMode enterRawMode() {
            return () -> { };
        }

        @Override
        public Subscription onResize(Consumer<TerminalSize> listener) {
            return () -> { };
        }
    };
}
