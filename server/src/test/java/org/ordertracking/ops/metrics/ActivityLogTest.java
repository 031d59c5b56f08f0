package org.ordertracking.ops.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ActivityLogTest {
  private final MicrometerMetrics metrics = new MicrometerMetrics(
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Set.of("backend"), Set.of());

  @Test
  void nothingHappenedIsNoLine() {
    assertNull(ActivityLog.summary(metrics.totals(), metrics.totals(), 3, 60));
  }

  @Test
  void oneLineSaysWhatChangedInAggregate() {
    MicrometerMetrics.Totals before = metrics.totals();
    metrics.socketOpened();
    metrics.socketOpened();
    metrics.socketClosed(1000);
    metrics.socketClosed(1013);
    metrics.refused(Refusal.FULL);
    metrics.framesDelivered(7);
    metrics.ingestEvent("backend", IngestResult.APPLIED);
    assertEquals("Last 60 s: 2 sockets accepted, closed 1 x 1000, 1 x 1013, refused 1 x 429; "
        + "7 frames delivered, 1 events ingested; 1 sockets open",
        ActivityLog.summary(before, metrics.totals(), 1, 60));
  }
}
