package org.ordertracking.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ordertracking.ops.metrics.MetricsModule;
import org.ordertracking.testing.Await;
import org.ordertracking.testing.Scrape;
import org.ordertracking.testing.TestNode;

class MemoryMetricsIT extends MetricsContract {
  @Override
  protected Map<String, String> env() {
    return TestNode.env(null);
  }

  @Test
  void withAManagementPortMetricsAreServedThereAndNotOnTheMainPort() {
    Vertx v = Vertx.vertx();
    Map<String, String> env = TestNode.env(null);
    env.put("TRACKING_METRICS_PORT", "0");
    env.put("TRACKING_METRICS_HOST", "127.0.0.1");
    try (TestNode n = TestNode.start(v, env)) {
      int management = n.server().module(MetricsModule.class).orElseThrow().managementPort();
      assertTrue(management > 0 && management != n.port());
      Scrape there = Scrape.of(management);
      assertEquals(200, there.status());
      assertTrue(there.names().contains("tracking_ws_connects_total"));
      assertEquals(404, Scrape.of(n.port()).status(), "not on the main port");
    } finally {
      Await.result(v.close());
    }
  }

  @Test
  void metricsCanBeTurnedOff() {
    Vertx v = Vertx.vertx();
    Map<String, String> env = TestNode.env(null);
    env.put("TRACKING_METRICS_ENABLED", "false");
    try (TestNode n = TestNode.start(v, env)) {
      assertEquals(404, Scrape.of(n.port()).status());
    } finally {
      Await.result(v.close());
    }
  }
}
