package io.colimaservices.domain;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an exec's streams go. {@code stdin}, when present, is copied to the process until it ends; its end is the
 * process's end of input (EOF), as with {@code docker exec -i}. {@code stderr} receives nothing with a tty (a
 * terminal merges it into stdout). The output streams are written from the exec's reader thread and flushed after
 * every chunk the engine sends; the exec never closes them.
 */
public record ExecIo(Optional<InputStream> stdin, OutputStream stdout, OutputStream stderr) {
    public ExecIo {
        Objects.requireNonNull(stdin, "stdin");
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
    }
}
