package org.ordertracking.ops;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.ordertracking.testing.RedisFixture;
import org.ordertracking.testing.Scrape;
import org.ordertracking.testing.TestNode;

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
  }
}
