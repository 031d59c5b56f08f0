package org.ordertracking.ops.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.buffer.Buffer;
import java.lang.management.ManagementFactory;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ordertracking.model.OrderId;
import org.ordertracking.protocol.Frame;

class MicrometerMetricsTest {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final MicrometerMetrics metrics =
      new MicrometerMetrics(registry, Set.of("backend", "uber"), Set.of("uber", "deliveroo"));

  private double count(String name, String... tags) {
    return registry.get(name).tags(tags).counter().count();
  }

  @Test
  void everySeriesExistsAtZeroBeforeAnythingHappens() {
    String scrape = registry.scrape();
    assertTrue(scrape.contains("tracking_ws_closes_total{code=\"1013\"} 0.0"), scrape);
    assertTrue(scrape.contains("tracking_ws_refusals_total{code=\"503\"} 0.0"), scrape);
    assertTrue(scrape.contains("tracking_ingest_events_total{provider=\"backend\",result=\"terminal\"} 0.0"), scrape);
    assertTrue(scrape.contains("tracking_webhook_requests_total{provider=\"uber\",result=\"unauthorized\"} 0.0"));
    assertTrue(scrape.contains("tracking_poll_requests_total{outcome=\"throttled\",provider=\"deliveroo\"} 0.0"));
    assertTrue(scrape.contains("tracking_delivery_latency_seconds_bucket{le=\"0.1\"} 0"), scrape);
    assertTrue(scrape.contains("tracking_redis_command_duration_seconds_count{command=\"publish\"} 0"), scrape);
  }

  @Test
  void labelsStayBoundedWhateverCallersPass() {
    metrics.ingestEvent("someone-new", IngestResult.APPLIED);
    metrics.webhook("uber", "no-such-result");
    metrics.webhook("nobody", "accepted");
    metrics.poll("deliveroo", "ok");
    metrics.socketClosed(4999);
    metrics.socketClosed(1013);
    assertEquals(1, count("tracking.ingest.events", "provider", "other", "result", "applied"));
    assertEquals(1, count("tracking.webhook.requests", "provider", "uber", "result", "other"));
    assertEquals(1, count("tracking.webhook.requests", "provider", "other", "result", "accepted"));
    assertEquals(1, count("tracking.poll.requests", "provider", "deliveroo", "outcome", "ok"));
    assertEquals(1, count("tracking.ws.closes", "code", "other"));
    assertEquals(1, count("tracking.ws.closes", "code", "1013"));
    assertTrue(registry.scrape().lines().noneMatch(l -> l.contains("someone-new") || l.contains("4999")));
  }

  @Test
  void deliveriesCountFramesAndRecordTheAgeOfTheirTs() {
    DeliveryMetrics delivery = new DeliveryMetrics(metrics);
    Frame frame = new Frame(new OrderId("o1"), Buffer.buffer("{}"), 1, 1_000, Frame.Kind.LOCATION);
    delivery.delivered(frame, 1_250);
    delivery.delivered(new Frame(new OrderId("o1"), Buffer.buffer("{}"), 2, 0, Frame.Kind.LOCATION), 1_300);
    delivery.conflated();
    assertEquals(2, count("tracking.frames.delivered"));
    assertEquals(1, count("tracking.locations.conflated"));
    var timer = registry.get("tracking.delivery.latency").timer();
    assertEquals(1, timer.count(), "a frame without ts has no age");
    assertEquals(250, timer.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS), 0.001);
  }

  /**
   * The per-frame calls allocate nothing (no tag arrays, no boxing): counted with the JVM's
   * per-thread allocation counter over many calls, after a warm-up. A byte count, not a time.
   */
  @Test
  void theHotPathAllocatesNothing() {
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    DeliveryMetrics delivery = new DeliveryMetrics(metrics);
    Frame frame = new Frame(new OrderId("o1"), Buffer.buffer("{}"), 1, 1_000, Frame.Kind.LOCATION);
    for (int i = 0; i < 200_000; i++) {
      hotPath(delivery, frame, i);
    }
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < 100_000; i++) {
      hotPath(delivery, frame, i);
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertTrue(allocated < 4_096, allocated + " bytes allocated over 100 000 frames");
  }

  private void hotPath(DeliveryMetrics delivery, Frame frame, int i) {
    delivery.delivered(frame, 1_000 + (i & 1023));
    delivery.conflated();
    metrics.socketClosed(1013);
    metrics.ingestEvent("backend", IngestResult.APPLIED);
  }
}
