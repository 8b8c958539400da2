package io.colimaservices.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Adds the desktop app's rolling log file (the CLI logs only warnings to stderr). Never logs secrets. */
final class LogFiles {
    private static final String ACTIONS_APPENDER = "ACTIONS_FILE";
    static final String FILE_NAME = "colima-services.log";

    private LogFiles() {
    }

    private static boolean madeDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
            return true;
        } catch (IOException e) {
            LoggerFactory.getLogger(LogFiles.class).warn("no log directory {}: {}", dir, e.getMessage());
            return false;
        }
    }

    private static PatternLayoutEncoder encoder(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{24} - %msg%n");
        encoder.start();
        return encoder;
    }

    static void addAppLog(Path dir) {
        if (!madeDirectory(dir)) {
            return;
        }
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PatternLayoutEncoder encoder = encoder(context);

        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("APP_FILE");
        file.setFile(dir.resolve(FILE_NAME).toString());
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setParent(file);
        policy.setFileNamePattern(dir.resolve("colima-services.%d{yyyy-MM-dd}.%i.log").toString());
        policy.setMaxFileSize(FileSize.valueOf("5MB"));
        policy.setMaxHistory(7);
        policy.setTotalSizeCap(FileSize.valueOf("30MB"));
        policy.start();
        file.setRollingPolicy(policy);
        file.setEncoder(encoder);
        file.start();

        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(file);
        context.getLogger("io.colimaservices").setLevel(Level.INFO);
    }

    /**
     * For a command: the app's log file, for {@code logger} alone and off the console (the command prints its own
     * outcome). Appended to, not rolled: the running app may hold the same file and rolls it; each line is one
     * write, so the two processes' lines do not mix within a line.
     */
    static void addActionLog(Path dir, String logger) {
        if (!madeDirectory(dir)) {
            return;
        }
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ch.qos.logback.classic.Logger actions = context.getLogger(logger);
        // One such file at a time (a test runs many commands in one JVM, each with its own home); stopped first:
        // logback refuses to start a second appender on a file another one holds.
        var previous = actions.getAppender(ACTIONS_APPENDER);
        if (previous != null) {
            actions.detachAppender(previous);
            previous.stop();
        }
        ch.qos.logback.core.FileAppender<ILoggingEvent> file = new ch.qos.logback.core.FileAppender<>();
        file.setContext(context);
        file.setName(ACTIONS_APPENDER);
        file.setFile(dir.resolve(FILE_NAME).toString());
        file.setAppend(true);
        file.setEncoder(encoder(context));
        file.start();
        actions.setLevel(Level.INFO);
        actions.setAdditive(false);
        actions.addAppender(file);
    }
}
