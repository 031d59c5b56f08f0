package org.ordertracking.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;
import org.ordertracking.model.OrderId;
import org.ordertracking.testing.Await;
import org.ordertracking.testing.Ids;
import org.ordertracking.testing.RawHttp;
import org.ordertracking.testing.TestNode;

/**
 * Issue 8 #9, the HTTP half: a node that stops (the shutdown path after SIGTERM's drain) finishes
 * the requests in flight instead of dropping them, and takes no new ones.
 */
class GracefulStopIT {
  @Test
  void aRequestInFlightWhenTheNodeStopsIsStillAnswered() {
    Vertx vertx = Vertx.vertx();
    TestNode node = TestNode.start(vertx, TestNode.env(null));
    OrderId id = Ids.order();
    String body = "{\"lat\":52.52,\"lng\":13.405}";
    try (RawHttp c = RawHttp.open(node.port())) {
      c.send("POST /api/v1/orders/" + id + "/location HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
          + TestNode.API_KEY + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
          + "\r\n\r\n" + body.substring(0, 10));
      Await.until("the request has arrived", () -> node.server().httpGuard().openConnections() == 1);
      Future<Void> stopped = node.server().close();
      Await.until("the listener is closed", () -> !accepts(node.port()));
      assertTrue(c.send(body.substring(10)), "the connection of the request in flight is still open");
      RawHttp.Response res = c.readResponse(Await.TIMEOUT);
      assertNotNull(res, "the request in flight is answered");
      assertEquals(202, res.status(), res.body());
      Await.result(stopped);
    } finally {
      Await.result(vertx.close());
    }
  }

  private static boolean accepts(int port) {
    try (java.net.Socket s = new java.net.Socket()) {
      s.connect(new java.net.InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
