package org.ordertracking.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ordertracking.testing.Await;
import org.ordertracking.testing.Ids;
import org.ordertracking.testing.TestNode;
import org.ordertracking.testing.WsClient;

class ConnectionLimitIT {
  @Test
  void upgradesOverTheConnectionLimitAre429AndASlotFreesOnClose() {
    Vertx vertx = Vertx.vertx();
    Map<String, String> env = TestNode.env(null);
    env.put("TRACKING_MAX_CONNECTIONS", "2");
    try (TestNode node = TestNode.start(vertx, env)) {
      String token = node.token(Ids.order());
      WsClient a = node.connect(token);
      try (WsClient b = node.connect(token)) {
        a.next();
        b.next();
        assertEquals(429, WsClient.refusal(vertx, node.port(), token));
        a.close();
        Await.until("slot released", () -> node.server().node().connections() == 1);
        try (WsClient c = node.connect(token)) {
          assertEquals("snapshot", c.next().getString("type"));
        }
      }
    } finally {
      Await.result(vertx.close());
    }
  }
}
