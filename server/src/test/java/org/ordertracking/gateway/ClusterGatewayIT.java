package org.ordertracking.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import java.util.Map;
import org.ordertracking.testing.Await;
import org.ordertracking.testing.TestNode;

/** The WebSocket contract on a node whose engine is a Redis Cluster. */
class ClusterGatewayIT extends GatewayContract {
  @Override
  protected Map<String, String> env() {
    return TestNode.clusterEnv();
  }

  /** A node learns the slot map and connects to every master before it reports ready. */
  @Override
  protected TestNode startNode(Vertx vertx, Map<String, String> env) {
    TestNode node = super.startNode(vertx, env);
    Await.until("the node is ready", () -> node.request(HttpMethod.GET, "/health/ready", null, null, null).statusCode() == 200);
    return node;
  }
}
