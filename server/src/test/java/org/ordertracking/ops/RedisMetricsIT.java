package org.ordertracking.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ordertracking.config.TrackingConfig;
import org.ordertracking.model.OrderId;
import org.ordertracking.ops.metrics.Telemetry;
import org.ordertracking.server.TrackingServer;
import org.ordertracking.testing.Await;
import org.ordertracking.testing.Ids;
import org.ordertracking.testing.RedisFixture;
import org.ordertracking.testing.Scrape;
import org.ordertracking.testing.TestNode;
import org.ordertracking.testing.WsClient;

class RedisMetricsIT extends MetricsContract {
  @Override
  protected Map<String, String> env() {
    return TestNode.env(RedisFixture.shared().url());
  }

  /** The Redis client reports its commands to Vert.x's metrics: the engine's publishes are there. */
  @Override
  protected void engineSpecific(Scrape before, Scrape during) {
    assertTrue(during.names().stream().anyMatch(n -> n.startsWith("vertx_redis_")),
        "Vert.x's Redis client metrics are in the scrape: " + during.names());
    // Three publishes (two locations, one webhook event) and the socket's snapshot read, each timed.
    assertTrue(command(during, "publish") - command(before, "publish") >= 3, "publishes are timed");
    assertTrue(command(during, "snapshot") - command(before, "snapshot") >= 1, "snapshot reads are timed");
    assertTrue(during.sum("tracking_redis_command_duration_seconds_sum", "command=\"publish\"") > 0);
    Await.until("the health ping is timed",
        () -> command(Scrape.of(node.port()), "other") > command(during, "other"));
  }

  static double command(Scrape s, String command) {
    return s.sum("tracking_redis_command_duration_seconds_count", "command=\"" + command + "\"");
  }

  /**
   * A Redis of this test's own is killed and started again: the engine's subscriber reconnects, the
   * counter says so once, and the node serves sockets again.
   */
  @Test
  void aRedisRestartCountsOneEngineReconnect() {
    try (RedisFixture own = RedisFixture.start()) {
      if (!own.controllable()) {
        return; // REDIS_URL points at a server this test may not kill
      }
      TrackingConfig config = TrackingConfig.fromEnv(TestNode.env(own.url()));
      Telemetry telemetry = Telemetry.create(config);
      Vertx v = telemetry.newVertx();
      try (TestNode n = TestNode.of(v, Await.result(TrackingServer.start(v, config, Clock.systemUTC(), telemetry)))) {
        Await.until("the node is ready", () -> Scrape.of(n.port()).value("tracking_node_ready") == 1);
        assertEquals(0, Scrape.of(n.port()).value("tracking_engine_reconnects_total"));

        own.stop();
        Await.until("the node turns not ready", () -> Scrape.of(n.port()).value("tracking_node_ready") == 0);
        own.restart();
        Await.until("the reconnect is counted",
            () -> Scrape.of(n.port()).value("tracking_engine_reconnects_total") == 1);
        Await.until("the node is ready again", () -> Scrape.of(n.port()).value("tracking_node_ready") == 1);

        OrderId id = Ids.order();
        try (WsClient ws = n.connect(n.token(id))) {
          ws.next(); // the snapshot, read from the restarted Redis
        }
        assertEquals(1, Scrape.of(n.port()).value("tracking_engine_reconnects_total"), "one restart, one reconnect");
      } finally {
        Await.result(v.close());
      }
    }
  }
}
