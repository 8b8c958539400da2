package io.colimaservices.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A process to start in a running container, as {@code docker exec} would.
 *
 * @param command the program and its arguments (no shell unless the command names one)
 * @param tty     a pseudo-terminal in the container: output arrives as one raw stream (stderr merged, as on a
 *                terminal), input is what a keyboard types
 * @param size    the pseudo-terminal's first size; only with {@code tty}
 */
public record ExecRequest(List<String> command, boolean tty, Optional<TerminalSize> size) {
    public ExecRequest {
        command = List.copyOf(command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("an exec needs a command");
        }
        Objects.requireNonNull(size, "size");
        if (!tty && size.isPresent()) {
            throw new IllegalArgumentException("a terminal size needs a tty");
        }
    }

    /** Without a terminal: stdout and stderr arrive apart. */
    public static ExecRequest plain(List<String> command) {
        return new ExecRequest(command, false, Optional.empty());
    }
}
