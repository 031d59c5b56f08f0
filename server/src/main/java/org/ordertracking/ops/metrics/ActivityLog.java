package org.ordertracking.ops.metrics;

import java.util.Map;
import java.util.StringJoiner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connection lifecycle in aggregate: once per interval, one INFO line with what changed since the
 * last one (sockets accepted and closed by code, refusals by code, frames delivered, events
 * ingested, sockets open now), and nothing when nothing happened. The only place sockets and
 * events reach the log at INFO: never one line per socket or per message.
 */
final class ActivityLog {
  private static final Logger LOG = LoggerFactory.getLogger(ActivityLog.class);

  private MicrometerMetrics.Totals last;

  ActivityLog(MicrometerMetrics.Totals start) {
    this.last = start;
  }

  /** Logs the change since the previous call, if any. */
  void report(MicrometerMetrics.Totals now, int socketsOpen, long intervalSeconds) {
    String line = summary(last, now, socketsOpen, intervalSeconds);
    last = now;
    if (line != null) {
      LOG.info(line);
    }
  }

  /** The line for the change from {@code before} to {@code now}; null when nothing happened. */
  static String summary(MicrometerMetrics.Totals before, MicrometerMetrics.Totals now, int socketsOpen,
      long intervalSeconds) {
    long accepted = now.connects() - before.connects();
    long frames = now.framesDelivered() - before.framesDelivered();
    long events = now.ingestEvents() - before.ingestEvents();
    String closes = byCode(before.closes(), now.closes());
    String refusals = byCode(before.refusals(), now.refusals());
    if (accepted == 0 && frames == 0 && events == 0 && closes.isEmpty() && refusals.isEmpty()) {
      return null;
    }
    return "Last " + intervalSeconds + " s: " + accepted + " sockets accepted, closed "
        + (closes.isEmpty() ? "none" : closes) + ", refused " + (refusals.isEmpty() ? "none" : refusals) + "; "
        + frames + " frames delivered, " + events + " events ingested; " + socketsOpen + " sockets open";
  }

  private static String byCode(Map<String, Long> before, Map<String, Long> now) {
    StringJoiner out = new StringJoiner(", ");
    now.forEach((code, n) -> {
      long delta = n - before.getOrDefault(code, 0L);
      if (delta > 0) {
        out.add(delta + " x " + code);
      }
    });
    return out.toString();
  }
}
