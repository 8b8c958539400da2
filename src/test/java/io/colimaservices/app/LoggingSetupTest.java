package io.colimaservices.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

import static org.assertj.core.api.Assertions.assertThat;

class LoggingSetupTest {
    @Test
    void onlyWarningsOnStderrAndLessFromTheLibraries() {
        LoggerContext context = new LoggerContext();
        LoggingSetup setup = new LoggingSetup();
        setup.setContext(context);

        assertThat(setup.configure(context)).isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);

        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.WARN);
        assertThat(root.getAppender("STDERR")).isNotNull();
        assertThat(context.getLogger("io.colimaservices.app.FxApp").getEffectiveLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("com.github.dockerjava.core").getEffectiveLevel()).isEqualTo(Level.ERROR);
    }

    @Test
    void logbackFindsItThroughTheServiceFile() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR")).isNotNull();
        assertThat(context.getLogger("org.apache.hc.client5").getEffectiveLevel()).isEqualTo(Level.ERROR);
    }

    @Test
    void theConsoleShowsWarningsOnlyAndNothingMeantForTheFileAlone() {
        LoggerContext context = new LoggerContext();
        ch.qos.logback.classic.Logger logger = context.getLogger("io.colimaservices.app.FxApp");
        LoggingSetup.WarningsForTheConsole console = new LoggingSetup.WarningsForTheConsole();

        assertThat(console.decide(event(logger, Level.INFO, null))).isEqualTo(FilterReply.DENY);
        assertThat(console.decide(event(logger, Level.WARN, null))).isEqualTo(FilterReply.NEUTRAL);
        assertThat(console.decide(event(logger, Level.ERROR, null))).isEqualTo(FilterReply.NEUTRAL);
        assertThat(console.decide(event(logger, Level.ERROR, LoggingSetup.FILE_ONLY))).isEqualTo(FilterReply.DENY);
    }

    private static LoggingEvent event(ch.qos.logback.classic.Logger logger, Level level, Marker marker) {
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, level, "message", null, null);
        if (marker != null) {
            event.addMarker(marker);
        }
        return event;
    }
}
