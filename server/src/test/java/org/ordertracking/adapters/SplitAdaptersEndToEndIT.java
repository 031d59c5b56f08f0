package org.ordertracking.adapters;

import io.vertx.core.Vertx;
import java.util.Map;
import org.ordertracking.testing.RedisFixture;
import org.ordertracking.testing.TestNode;

/**
 * The adapters end to end against a deployment split by role on one Redis: webhooks reach the
 * ingest node, the Deliveroo poller runs on the adapters node (reading the active orders the ingest
 * node's webhooks wrote), and the watcher's socket is on the gateway node.
 */
class SplitAdaptersEndToEndIT extends AdaptersEndToEndContract {
  @Override
  protected Map<String, String> env() {
    return TestNode.env(RedisFixture.shared().url());
  }

  @Override
  protected TestNode startNode(Vertx vertx, Map<String, String> env) {
    return TestNode.startSplit(vertx, env);
  }
}
