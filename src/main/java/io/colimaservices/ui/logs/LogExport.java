package io.colimaservices.ui.logs;

import io.colimaservices.domain.ContainerEngine;
import io.colimaservices.domain.LogBuffer;
import io.colimaservices.domain.LogSession;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Log rows as text (escape codes stripped) for the clipboard or a file, and the sessions the viewer opens. */
public final class LogExport {
    private LogExport() {
    }

    /** The rows as text; {@code several}: the service's name on each row. */
    static String text(List<LogRow> rows, boolean several, boolean timestamps) {
        StringBuilder out = new StringBuilder();
        for (LogRow row : rows) {
            out.append(row.export(several, timestamps)).append('\n');
        }
        return out.toString();
    }

    /** Writes the rows to a file, with times; how many. */
    static int write(Path file, List<LogRow> rows, boolean several) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (LogRow row : rows) {
                out.write(row.export(several, true));
                out.write('\n');
            }
        }
        return rows.size();
    }

    /** Sessions over the app's engine with a container lookup (the store's current snapshot). */
    public static LogViewerViewModel.SessionFactory sessions(ContainerEngine engine,
                                                             Function<String, Optional<String>> containerIdOf) {
        return (services, request) -> new LogSession(engine, containerIdOf, services, request,
                LogBuffer.DEFAULT_CAPACITY).start();
    }
}
