package org.ordertracking.ops;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.ordertracking.testing.Scrape;
import org.ordertracking.testing.TestNode;

/** The metrics contract on a node whose engine is a Redis Cluster: the cluster broker records too. */
class ClusterMetricsIT extends MetricsContract {
  @Override
  protected Map<String, String> env() {
    return TestNode.clusterEnv();
  }

  @Override
  protected void engineSpecific(Scrape before, Scrape during) {
    assertTrue(RedisMetricsIT.command(during, "publish") - RedisMetricsIT.command(before, "publish") >= 3,
        "publishes on the cluster are timed");
    assertTrue(RedisMetricsIT.command(during, "snapshot") - RedisMetricsIT.command(before, "snapshot") >= 1,
        "snapshot reads on the cluster are timed");
  }
}
