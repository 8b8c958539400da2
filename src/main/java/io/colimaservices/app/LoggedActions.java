package io.colimaservices.app;

import io.colimaservices.usecase.ActionTrace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The use cases' trace: one line per action in the app's log file ({@code colima-services.log}), on the logger
 * {@value #LOGGER}, marked with the face that asked ({@code [app]}, {@code [cli]}). The desktop app's file log takes
 * them as they are; a command adds the same file for this logger alone, on its first action (a command that only
 * reads writes no file), and keeps them off its console.
 */
final class LoggedActions implements ActionTrace {
    static final String LOGGER = "io.colimaservices.actions";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private final String face;
    private final Path logs;
    private final boolean commandLine;
    private final AtomicBoolean fileReady = new AtomicBoolean();

    private LoggedActions(String face, Path logs, boolean commandLine) {
        this.face = face;
        this.logs = logs;
        this.commandLine = commandLine;
    }

    /** For the desktop app, whose file log is already there. */
    static LoggedActions app() {
        return new LoggedActions("app", null, false);
    }

    /** For a command: the app's log file in {@code logs}, opened on the first action. */
    static LoggedActions commandLine(Path logs) {
        return new LoggedActions("cli", logs, true);
    }

    @Override
    public void record(String action, boolean succeeded, String outcome) {
        if (commandLine && fileReady.compareAndSet(false, true)) {
            LogFiles.addActionLog(logs, LOGGER);
        }
        String line = "[" + face + "] " + action + ": " + (succeeded ? "" : "FAILED ") + outcome;
        if (succeeded) {
            LOG.info("{}", line);
        } else {
            LOG.warn("{}", line);
        }
    }
}
