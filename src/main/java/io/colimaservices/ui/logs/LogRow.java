package io.colimaservices.ui.logs;

import io.colimaservices.domain.AnsiText;
import io.colimaservices.domain.LogLine;
import io.colimaservices.domain.LogSource;

/**
 * One row of the log viewer: a log line, or a marker ("1,204 lines dropped"). Keeps the line's text without escape
 * codes, which search, copy and export use.
 */
public record LogRow(long id, LogLine line, String plainText, String marker) {

    public static LogRow of(long id, LogLine line) {
        return new LogRow(id, line, AnsiText.strip(line.text()), null);
    }

    public static LogRow marker(long id, String text) {
        return new LogRow(id, null, text, text);
    }

    public boolean isMarker() {
        return marker != null;
    }

    public boolean isStderr() {
        return line != null && line.source() == LogSource.STDERR;
    }

    /** How the row reads outside the viewer (copy, export): time, service, marker for stderr, text. */
    public String export(boolean withService, boolean withTime) {
        if (isMarker()) {
            return "[" + marker + "]";
        }
        StringBuilder out = new StringBuilder();
        if (withTime) {
            out.append(line.time()).append(' ');
        }
        if (withService) {
            out.append(line.service()).append(isStderr() ? " ! " : " | ");
        } else if (isStderr()) {
            out.append("! ");
        }
        return out.append(plainText).toString();
    }
}
