package org.law12348.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * What the application logs from its request threads while a test acts: every logger, each event as
 * its level, message and stack trace, so a test can say what may never be in the log.
 */
final class CapturedLog implements AutoCloseable {

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);

    private CapturedLog() {
        appender.start();
        root.addAppender(appender);
    }

    static CapturedLog ofRequests() {
        return new CapturedLog();
    }

    /** Events of Tomcat's request threads (background work such as the outbox relay is left out). */
    List<ILoggingEvent> events() {
        synchronized (appender) {
            return appender.list.stream().filter(e -> e.getThreadName().startsWith("http-nio")).toList();
        }
    }

    List<ILoggingEvent> atLeast(Level level) {
        return events().stream().filter(e -> e.getLevel().isGreaterOrEqual(level)).toList();
    }

    /** Each event as one text: level, logger, message and stack trace. */
    List<String> lines() {
        return events().stream().map(e -> e.getLevel() + " " + e.getLoggerName() + " " + e.getFormattedMessage()
                + (e.getThrowableProxy() == null ? "" : "\n" + ThrowableProxyUtil.asString(e.getThrowableProxy())))
                .toList();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
