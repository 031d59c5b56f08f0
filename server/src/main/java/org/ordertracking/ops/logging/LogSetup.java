package org.ordertracking.ops.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.LoggerFactory;

/**
 * Applies the checked {@link LogConfig} to Logback once at start-up: the root level, and for
 * {@code json} a console appender writing one JSON object per line with Logback's own {@link
 * JsonEncoder} (timestamp, level, thread, logger, formatted message, MDC and key-value context,
 * exception). The raw message template and its arguments are left out: the formatted message says
 * it once. Also attaches the ring of recent warnings and errors the operator page shows.
 */
public final class LogSetup {
  static final String JSON_APPENDER = "JSON";

  private LogSetup() {}

  public static void apply(LogConfig config) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return; // another SLF4J binding (embedding): its own configuration rules
    }
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.toLevel(config.level()));
    if (config.format() == LogConfig.Format.JSON && root.getAppender(JSON_APPENDER) == null) {
      JsonEncoder encoder = new JsonEncoder();
      encoder.setContext(context);
      encoder.setWithSequenceNumber(false);
      encoder.setWithNanoseconds(false);
      encoder.setWithContext(false);
      encoder.setWithMessage(false);
      encoder.setWithArguments(false);
      encoder.setWithFormattedMessage(true);
      encoder.start();
      ConsoleAppender<ILoggingEvent> json = new ConsoleAppender<>();
      json.setName(JSON_APPENDER);
      json.setContext(context);
      json.setEncoder(encoder);
      json.start();
      root.detachAndStopAllAppenders();
      root.addAppender(json);
    }
    RecentProblems.shared();
  }
}
