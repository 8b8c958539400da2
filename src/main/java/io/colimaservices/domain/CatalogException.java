package io.colimaservices.domain;

import java.nio.file.Path;

/** The compose file (or its .env) is missing or wrong; the message names the file and, when known, the line. */
public final class CatalogException extends UserError {
    private final Path file;
    private final int line;

    public CatalogException(Path file, int line, String problem) {
        this(file, line, problem, null);
    }

    public CatalogException(Path file, int line, String problem, Throwable cause) {
        super(Kind.CONFIGURATION, location(file, line) + ": " + problem, "", cause);
        this.file = file;
        this.line = line;
    }

    private static String location(Path file, int line) {
        return line > 0 ? file + ":" + line : file.toString();
    }

    public Path file() {
        return file;
    }

    /** 1-based line, or 0 when the parser did not know it. */
    public int line() {
        return line;
    }
}
