package org.ordertracking.gateway;

import java.util.Map;
import org.ordertracking.testing.RedisClusterFixture;
import org.ordertracking.testing.TestNode;

/** The WebSocket contract on a node whose engine is a Redis Cluster. */
class ClusterGatewayIT extends GatewayContract {
  @Override
  protected Map<String, String> env() {
    Map<String, String> env = TestNode.env(RedisClusterFixture.shared().url());
    env.put("TRACKING_REDIS_MODE", "cluster");
    return env;
  }
}
