package io.maestro.conductor.payments;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.LoggerFactory;

/** Collects the payments call log's lines for a test. */
final class CallLogCapture implements AutoCloseable {

    private final Logger logger = (Logger) LoggerFactory.getLogger(CallLog.LOGGER);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    CallLogCapture() {
        appender.start();
        logger.addAppender(appender);
    }

    List<ILoggingEvent> lines() {
        return List.copyOf(appender.list);
    }

    /** The key-value pairs of a line. */
    static Map<String, String> fields(ILoggingEvent line) {
        Map<String, String> fields = new TreeMap<>();
        if (line.getKeyValuePairs() != null) {
            line.getKeyValuePairs().forEach(pair -> fields.put(pair.key, String.valueOf(pair.value)));
        }
        return fields;
    }

    /** Everything a line would print: message and fields. */
    static String text(ILoggingEvent line) {
        return line.getFormattedMessage() + " " + fields(line);
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
    }
}
