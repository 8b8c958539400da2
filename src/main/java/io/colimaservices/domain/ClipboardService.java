package io.colimaservices.domain;

import java.util.Optional;

/**
 * The system clipboard, plain text only. Implementations: the command-line tools of the platform (pbcopy, wl-copy,
 * xclip, xsel) for the CLI, JavaFX's clipboard for the desktop app. Callers go through {@link ClipboardGuard}, which
 * clears what it put there.
 */
public interface ClipboardService {

    void put(String text);

    /** The clipboard's text, or empty when it holds none (or something that is not text). */
    Optional<String> read();

    void clear();

    /** What is used, for messages ("xclip", "pbcopy"). */
    String description();
}
