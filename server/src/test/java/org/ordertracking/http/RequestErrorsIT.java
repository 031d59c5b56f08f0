package org.ordertracking.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ordertracking.testing.Await;
import org.ordertracking.testing.Ids;
import org.ordertracking.testing.LogCapture;
import org.ordertracking.testing.NodeExtension;
import org.ordertracking.testing.RawHttp;
import org.ordertracking.testing.TestNode;

/**
 * Issue 8 #12: every error on the ingest and webhook routes is JSON, 413 included, whatever part
 * of the stack refuses the request; an upload the client aborts is one counted warning, not an
 * ERROR per request.
 */
class RequestErrorsIT {
  private static final String AUTH = "Authorization: Bearer " + TestNode.API_KEY + "\r\n";
  private static final String JSON = "Content-Type: application/json\r\n";

  @RegisterExtension
  static final NodeExtension NODE =
      new NodeExtension(env -> env.put("TRACKING_WEBHOOK_SECRETS", "uber=uber-webhook-secret-for-tests"));

  private static TestNode node() {
    return NODE.node();
  }

  private static RawHttp.Response raw(String request) {
    try (RawHttp c = RawHttp.open(node().port())) {
      c.send(request);
      RawHttp.Response res = c.readResponse(Await.TIMEOUT);
      assertNotNull(res, "answered: " + request.lines().findFirst().orElse(""));
      return res;
    }
  }

  private static void assertJsonError(RawHttp.Response res, int status, String mentions) {
    assertEquals(status, res.status(), res.body());
    assertTrue(res.header("Content-Type").startsWith("application/json"), "JSON, got " + res.header("Content-Type"));
    String error = new JsonObject(res.body()).getString("error");
    assertTrue(error != null && error.contains(mentions), "'" + error + "' should mention '" + mentions + "'");
  }

  @Test
  void bodiesOverTheLimitAre413AsJsonOnEveryRoute() {
    String declared = "Content-Length: 70000\r\n\r\n";
    assertJsonError(raw("POST /webhooks/uber HTTP/1.1\r\nHost: x\r\n" + JSON + declared), 413, "too large");
    assertJsonError(raw("POST /api/v1/orders/o1/location HTTP/1.1\r\nHost: x\r\n" + AUTH + JSON + declared),
        413, "64 KiB");
    assertJsonError(raw("POST /api/v1/events HTTP/1.1\r\nHost: x\r\n" + AUTH + JSON
        + "Content-Length: 2000000\r\n\r\n"), 413, "1024 KiB");
  }

  @Test
  void requestsTheHttpStackRefusesAreJsonToo() {
    assertJsonError(raw("GET /api/v1/orders/%zz HTTP/1.1\r\nHost: x\r\n" + AUTH + "\r\n"), 400, "malformed");
    assertJsonError(raw("POST /api/v1/events HTTP/1.1\r\nHost: x\r\n" + AUTH + JSON
        + "Content-Length: ten\r\n\r\n"), 400, "malformed");
    assertJsonError(raw("GET /" + "a".repeat(5000) + " HTTP/1.1\r\nHost: x\r\n\r\n"), 414, "too long");
    assertJsonError(raw("GET /health/live HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(9000) + "\r\n\r\n"),
        431, "too large");
    assertJsonError(raw("POST /api/v1/events HTTP/1.1\r\nHost: x\r\n" + AUTH + JSON
        + "Expect: the-unexpected\r\nContent-Length: 2\r\n\r\n{}"), 417, "expectation");
    assertJsonError(raw("GARBAGE\r\n\r\n"), 400, "malformed");
  }

  @Test
  void anUndecodableQueryStringIs400NotAServerError() {
    // Found by HostileTrafficFuzzIT: the gateway's token lookup threw on '%Zs' (500, logged ERROR).
    try (LogCapture logs = LogCapture.open()) {
      assertJsonError(raw("GET /ws/track?token=%Zs HTTP/1.1\r\nHost: x\r\n\r\n"), 400, "query");
      assertJsonError(raw("GET /api/v1/orders/o1?x=%G1 HTTP/1.1\r\nHost: x\r\n" + AUTH + "\r\n"), 400, "query");
      assertEquals(0, logs.at(Level.ERROR, "").size(), "no ERROR: " + logs.at(Level.ERROR, ""));
    }
  }

  @Test
  void malformedWebSocketHandshakesAreRefusedAsJsonAndNeverUpgraded() {
    // Found by HostileTrafficFuzzIT: the codec answered plain text, and took an empty key.
    String path = "GET /ws/track?token=" + node().token(Ids.order()) + " HTTP/1.1\r\nHost: x\r\n";
    String upgrade = "Upgrade: websocket\r\nConnection: Upgrade\r\n";
    String key = "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n";
    String v13 = "Sec-WebSocket-Version: 13\r\n";
    assertJsonError(raw(path + upgrade + v13 + "\r\n"), 400, "Sec-WebSocket-Key");
    assertJsonError(raw(path + upgrade + "Sec-WebSocket-Key:\r\n" + v13 + "\r\n"), 400, "Sec-WebSocket-Key");
    assertJsonError(raw(path + "Upgrade: websocket2\r\nConnection: Upgrade\r\n" + key + v13 + "\r\n"), 400,
        "Upgrade");
    RawHttp.Response oldDraft = raw(path + upgrade + key + "Sec-WebSocket-Version: 8\r\n\r\n");
    assertJsonError(oldDraft, 426, "13");
    assertEquals("13", oldDraft.header("Sec-WebSocket-Version"));
    assertEquals(101, raw(path + upgrade + key + v13 + "\r\n").status(), "a proper handshake still upgrades");
  }

  @Test
  void abortedUploadsAreOneCountedWarningAndNoError() {
    HttpGuard guard = node().server().httpGuard();
    long before = guard.abortedRequests();
    try (LogCapture logs = LogCapture.open()) {
      for (int i = 0; i < 5; i++) {
        abort("POST /api/v1/events HTTP/1.1\r\nHost: x\r\n" + AUTH + JSON + "Content-Length: 50000\r\n\r\n");
        abort("POST /webhooks/uber HTTP/1.1\r\nHost: x\r\n" + JSON + "Content-Length: 50000\r\n\r\n");
      }
      Await.until("the server saw every abort", () -> guard.abortedRequests() - before >= 10);
      assertEquals(0, logs.at(Level.ERROR, "").size(), "no ERROR: " + logs.at(Level.ERROR, ""));
      var warnings = logs.at(Level.WARN, "HttpGuard");
      assertEquals(1, warnings.size(), "one counted warning: " + warnings);
      assertTrue(warnings.get(0).getFormattedMessage().contains("aborted"), warnings.get(0).getFormattedMessage());
    }
    RawHttp.Response live = raw("GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n");
    assertEquals(200, live.status());
  }

  /** Starts an upload and hangs up halfway through the body. */
  private static void abort(String head) {
    try (RawHttp c = RawHttp.open(node().port())) {
      c.send(head + "{\"events\":[" + "1,".repeat(2000));
    }
  }
}
