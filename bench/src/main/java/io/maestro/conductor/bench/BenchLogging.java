package io.maestro.conductor.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Turns chosen loggers up to INFO into a file, for benchmarks whose path logs per call on the hub (the adapter's
 * outcome line, the decision log): measuring them at the bench's default WARN would leave that work out.
 */
public final class BenchLogging {

    private BenchLogging() {}

    /** Sends these loggers at INFO, with key-values and MDC, to {@code file} (appended) and nowhere else. */
    public static void infoToFile(Path file, String... loggers) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{ISO8601} %level [%thread] %logger %mdc %kvp - %msg%n");
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName("bench-file");
        appender.setFile(file.toString());
        appender.setEncoder(encoder);
        appender.start();
        for (String name : loggers) {
            Logger logger = context.getLogger(name);
            logger.setLevel(Level.INFO);
            logger.setAdditive(false);
            logger.addAppender(appender);
        }
    }
}
