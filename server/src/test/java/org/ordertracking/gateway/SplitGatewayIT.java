package org.ordertracking.gateway;

import io.vertx.core.Vertx;
import java.util.Map;
import org.ordertracking.testing.RedisFixture;
import org.ordertracking.testing.TestNode;

/**
 * The WebSocket contract against a deployment split by role on one Redis: sockets on a gateway
 * node, events ingested on an ingest node, an adapters node beside them.
 */
class SplitGatewayIT extends GatewayContract {
  @Override
  protected Map<String, String> env() {
    return TestNode.env(RedisFixture.shared().url());
  }

  @Override
  protected TestNode startNode(Vertx vertx, Map<String, String> env) {
    return TestNode.startSplit(vertx, env);
  }
}
