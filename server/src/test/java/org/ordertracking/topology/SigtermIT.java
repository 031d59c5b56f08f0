package org.ordertracking.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ordertracking.testing.Await;
import org.ordertracking.testing.Ports;
import org.ordertracking.testing.RawHttp;
import org.ordertracking.testing.TestNode;

/**
 * Issue 8 #9 against the packaged server in its own JVM, stopped as an orchestrator stops it: a
 * request in flight when SIGTERM arrives (no sockets open) is answered, and after that clean drain
 * the process exits with status 0 (a JVM ended by a signal exits 143 unless it says otherwise).
 */
class SigtermIT {
  private static final Duration START = Duration.ofSeconds(60);

  private static Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("TRACKING_HOST", "127.0.0.1");
    env.put("TRACKING_TOKEN_SECRET", TestNode.SECRET);
    env.put("TRACKING_ADMIN_KEY", TestNode.ADMIN_KEY);
    env.put("TRACKING_API_KEYS", "backend=" + TestNode.API_KEY);
    env.put("TRACKING_HTTP_INSTANCES", "1");
    env.put("TRACKING_DRAIN_WINDOW", "1s");
    return env;
  }

  @Test
  void anIdleNodeExitsWithZeroAfterSigterm() {
    try (ServerProcess node = new ServerProcess("sigterm-idle", Ports.free(), env())) {
      node.start();
      node.awaitReady(START);
      assertEquals(0, node.terminate(Duration.ofSeconds(20)), node.logTail());
    }
  }

  @Test
  void aRequestInFlightAtSigtermIsAnsweredAndTheNodeThenExitsWithZero() {
    try (ServerProcess node = new ServerProcess("sigterm-inflight", Ports.free(), env())) {
      node.start();
      node.awaitReady(START);
      String body = "{\"lat\":52.52,\"lng\":13.405}";
      try (RawHttp c = RawHttp.open(node.port())) {
        c.send("POST /api/v1/orders/sigterm-1/location HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
            + TestNode.API_KEY + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
            + "\r\n\r\n" + body.substring(0, 10));
        node.signalTerm();
        // Once the node stops listening, it is stopping: only then does the body's rest arrive.
        Await.until("the node stopped listening", Duration.ofSeconds(20), () -> !accepts(node.port()));
        assertTrue(c.send(body.substring(10)), "the connection of the request in flight is still open");
        RawHttp.Response res = c.readResponse(Await.TIMEOUT);
        assertNotNull(res, "the request in flight is answered");
        assertEquals(202, res.status(), res.body());
      }
      assertEquals(0, node.awaitExit(Duration.ofSeconds(20)), node.logTail());
    }
  }

  private static boolean accepts(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
