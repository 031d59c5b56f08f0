package org.ordertracking.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.LoggerFactory;

/** Records what the server logs (every logger, from any thread) while it is open. */
public final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {
  private final ConcurrentLinkedQueue<ILoggingEvent> events = new ConcurrentLinkedQueue<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

  private LogCapture() {}

  public static LogCapture open() {
    LogCapture c = new LogCapture();
    c.setContext(c.root.getLoggerContext());
    c.start();
    c.root.addAppender(c);
    return c;
  }

  @Override
  protected void append(ILoggingEvent event) {
    events.add(event);
  }

  /** Events at {@code level}, from loggers whose name ends with {@code loggerSuffix} ("" for all). */
  public List<ILoggingEvent> at(Level level, String loggerSuffix) {
    return events.stream()
        .filter(e -> e.getLevel() == level && e.getLoggerName().endsWith(loggerSuffix))
        .toList();
  }

  @Override
  public void close() {
    root.detachAppender(this);
    stop();
  }
}
