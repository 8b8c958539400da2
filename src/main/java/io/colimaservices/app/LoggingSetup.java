package io.colimaservices.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/**
 * Logback's configuration, in code (found through {@code META-INF/services}): the command line keeps stdout for its
 * output, so only warnings, on stderr; the desktop app adds its file log ({@link LogFiles}), which takes more, while
 * stderr keeps showing warnings only. In code rather than in logback.xml because reading XML costs the app's start
 * about 60 ms (the JDK's XML parser starting up). A {@code logback-test.xml} on the class path still wins, for tests
 * that want more.
 */
public final class LoggingSetup extends ContextAwareBase implements Configurator {
    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n";
    /** For the file log only: details (a stack trace) behind a message the face already printed in one line. */
    public static final Marker FILE_ONLY = MarkerFactory.getMarker("FILE_ONLY");

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (LoggingSetup.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        WarningsForTheConsole warningsOnly = new WarningsForTheConsole();
        warningsOnly.start();
        stderr.addFilter(warningsOnly);
        stderr.start();

        context.getLogger("io.colimaservices").setLevel(Level.WARN);
        context.getLogger("com.github.dockerjava").setLevel(Level.ERROR);
        context.getLogger("org.apache.hc").setLevel(Level.ERROR);
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Warnings and errors, unless marked {@link #FILE_ONLY}. */
    static final class WarningsForTheConsole extends Filter<ILoggingEvent> {
        @Override
        public FilterReply decide(ILoggingEvent event) {
            boolean fileOnly = event.getMarkerList() != null && event.getMarkerList().contains(FILE_ONLY);
            return event.getLevel().isGreaterOrEqual(Level.WARN) && !fileOnly ? FilterReply.NEUTRAL : FilterReply.DENY;
        }
    }
}
