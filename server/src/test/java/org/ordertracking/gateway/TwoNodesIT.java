package org.ordertracking.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordertracking.model.OrderId;
import org.ordertracking.testing.Await;
import org.ordertracking.testing.Ids;
import org.ordertracking.testing.RedisFixture;
import org.ordertracking.testing.TestNode;
import org.ordertracking.testing.WsClient;

/** Two server instances, each with its own Vert.x, sharing one Redis. */
class TwoNodesIT {
  private Vertx vertxA;
  private Vertx vertxB;
  private TestNode a;
  private TestNode b;

  @BeforeEach
  void start() {
    String url = RedisFixture.shared().url();
    vertxA = Vertx.vertx();
    vertxB = Vertx.vertx();
    a = TestNode.start(vertxA, TestNode.env(url));
    b = TestNode.start(vertxB, TestNode.env(url));
  }

  @AfterEach
  void stop() {
    a.close();
    b.close();
    Await.result(vertxA.close());
    Await.result(vertxB.close());
  }

  @Test
  void anEventIngestedOnOneNodeReachesSocketsOnTheOther() {
    OrderId id = Ids.order();
    try (WsClient onB = b.connect(a.token(id))) {
      assertEquals(0, onB.next().getLong("seq"));
      a.location(id, 52.5, 13.4);
      JsonObject frame = onB.next();
      assertEquals("location", frame.getString("type"));
      assertEquals(1, frame.getLong("seq"));
      a.status(id, "DELIVERED");
      assertEquals("DELIVERED", onB.next().getString("status"));
      assertEquals(1000, onB.closeCode());
    }
  }

  @Test
  void clientsConnectingWhileEventsArePublishedNeverSeeSeqGoBackOrAnUncoveredGap() {
    OrderId id = Ids.order();
    String token = a.token(id);
    int events = 300;
    List<WsClient> clients = new ArrayList<>();
    try {
      for (int i = 1; i <= events; i++) {
        a.location(id, 52.5 + i * 1e-5, 13.4);
        if (i % 20 == 0) {
          clients.add((i / 20) % 2 == 0 ? b.connect(token) : a.connect(token));
        }
      }
      for (WsClient c : clients) {
        JsonObject snapshot = c.next();
        assertEquals("snapshot", snapshot.getString("type"));
        long last = snapshot.getLong("seq");
        assertTrue(last > 0);
        while (last < events) {
          JsonObject f = c.next();
          long seq = f.getLong("seq");
          assertEquals(last + 1, seq, "after seq " + last + " came " + seq);
          last = seq;
        }
      }
    } finally {
      clients.forEach(WsClient::close);
    }
  }
}
