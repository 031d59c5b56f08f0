package org.ordertracking.ops.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The last {@value #CAPACITY} warnings and errors the process logged, for the operator page: time,
 * level, logger, message (cut at {@value #MAX_MESSAGE} characters) and the exception's class, never
 * a stack trace. It holds only what the log already says, and the log never holds a secret.
 * One per process, attached to the root logger on first use.
 */
public final class RecentProblems extends AppenderBase<ILoggingEvent> {
  static final int CAPACITY = 50;
  static final int MAX_MESSAGE = 300;
  private static RecentProblems shared;

  private final ArrayDeque<Problem> ring = new ArrayDeque<>(CAPACITY);

  /** One logged warning or error. */
  public record Problem(Instant at, String level, String logger, String message) {}

  private RecentProblems() {}

  /** The process's ring, attached to Logback's root logger the first time (a no-op ring elsewhere). */
  public static synchronized RecentProblems shared() {
    if (shared == null) {
      shared = new RecentProblems();
      if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
        shared.setName("RECENT_PROBLEMS");
        shared.setContext(context);
        shared.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(shared);
      }
    }
    return shared;
  }

  @Override
  protected void append(ILoggingEvent event) {
    if (!event.getLevel().isGreaterOrEqual(Level.WARN)) {
      return;
    }
    String message = event.getFormattedMessage();
    if (event.getThrowableProxy() != null) {
      message = message + " (" + event.getThrowableProxy().getClassName() + ")";
    }
    if (message.length() > MAX_MESSAGE) {
      message = message.substring(0, MAX_MESSAGE) + "…";
    }
    String logger = event.getLoggerName();
    Problem p = new Problem(Instant.ofEpochMilli(event.getTimeStamp()), event.getLevel().toString(),
        logger.substring(logger.lastIndexOf('.') + 1), message);
    synchronized (ring) {
      if (ring.size() == CAPACITY) {
        ring.removeFirst();
      }
      ring.addLast(p);
    }
  }

  /** Newest first. */
  public List<Problem> recent() {
    synchronized (ring) {
      List<Problem> out = new ArrayList<>(ring);
      java.util.Collections.reverse(out);
      return out;
    }
  }
}
