package org.ordertracking.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ordertracking.model.OrderId;
import org.ordertracking.testing.Await;
import org.ordertracking.testing.Ids;
import org.ordertracking.testing.TestNode;
import org.ordertracking.testing.WsClient;

/** The ingest and admin API over real HTTP (PROTOCOL §2 minting, §4): answers and every 4xx. */
class IngestApiIT {
  private static Vertx vertx;
  private static TestNode node;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    node = TestNode.start(vertx, TestNode.env(null));
  }

  @AfterAll
  static void stop() {
    node.close();
    Await.result(vertx.close());
  }

  private static HttpResponse<Buffer> post(String path, String key, String type, String body) {
    return node.request(HttpMethod.POST, path, key, type, body == null ? null : Buffer.buffer(body));
  }

  private static void assertError(HttpResponse<Buffer> res, int status, String mentions) {
    assertEquals(status, res.statusCode(), res.bodyAsString());
    assertTrue(res.getHeader("Content-Type").startsWith("application/json"));
    String error = res.bodyAsJsonObject().getString("error");
    assertTrue(error != null && error.contains(mentions), "error '" + error + "' should mention '" + mentions + "'");
  }

  private static String loc(OrderId id) {
    return "/api/v1/orders/" + id + "/location";
  }

  @Test
  void acceptedLocationAnswers202WithSeq() {
    OrderId id = Ids.order();
    JsonObject body = node.location(id, 52.52, 13.405);
    assertEquals(new JsonObject().put("orderId", id.value()).put("seq", 1).put("applied", true), body);
  }

  @Test
  void statusWithEtaCourierAndDropoffIsAcceptedAndShowsInTheOrder() {
    OrderId id = Ids.order();
    var res = node.post("/api/v1/orders/" + id + "/status", new JsonObject()
        .put("status", "COURIER_ASSIGNED").put("eta", "2030-01-01T10:00:00Z")
        .put("courier", new JsonObject().put("name", "Ana").put("vehicle", "bike"))
        .put("dropoff", new JsonObject().put("lat", 52.5).put("lng", 13.4))
        .put("somethingNew", true));
    assertEquals(202, res.statusCode());
    JsonObject order = node.get("/api/v1/orders/" + id).bodyAsJsonObject();
    assertEquals("snapshot", order.getString("type"));
    assertEquals("COURIER_ASSIGNED", order.getString("status"));
    assertEquals("2030-01-01T10:00:00.000Z", order.getString("eta"));
    assertEquals("Ana", order.getJsonObject("courier").getString("name"));
  }

  @Test
  void missingOrWrongKeysAre401() {
    OrderId id = Ids.order();
    String body = "{\"lat\":1,\"lng\":2}";
    assertError(post(loc(id), null, "application/json", body), 401, "API key");
    assertError(post(loc(id), "nope", "application/json", body), 401, "API key");
    assertError(post(loc(id), TestNode.ADMIN_KEY, "application/json", body), 401, "API key");
    assertError(node.request(HttpMethod.GET, "/api/v1/orders/" + id, "nope", null, null), 401, "API key");
    assertError(post("/api/v1/orders/" + id + "/tracking-links", TestNode.API_KEY, "application/json", "{}"),
        401, "admin key");
  }

  @Test
  void nonJsonBodiesAre415() {
    OrderId id = Ids.order();
    assertError(post(loc(id), TestNode.API_KEY, null, "{\"lat\":1,\"lng\":2}"), 415, "application/json");
    assertError(post(loc(id), TestNode.API_KEY, "text/plain", "{\"lat\":1,\"lng\":2}"), 415, "application/json");
    assertError(post("/api/v1/events", TestNode.API_KEY, "application/x-www-form-urlencoded", "a=b"), 415,
        "application/json");
    assertEquals(202, post(loc(id), TestNode.API_KEY, "application/json; charset=utf-8",
        "{\"lat\":1,\"lng\":2}").statusCode());
  }

  @Test
  void oversizedBodiesAre413() {
    String big = "{\"lat\":1,\"lng\":2,\"pad\":\"" + "x".repeat(65 * 1024) + "\"}";
    assertError(post(loc(Ids.order()), TestNode.API_KEY, "application/json", big), 413, "64 KiB");
    String bigBatch = "{\"events\":[],\"pad\":\"" + "x".repeat(1025 * 1024) + "\"}";
    assertError(post("/api/v1/events", TestNode.API_KEY, "application/json", bigBatch), 413, "1024 KiB");
  }

  @Test
  void everyValidationRuleIs400NamingTheField() {
    OrderId id = Ids.order();
    String future = Instant.now().plusSeconds(600).toString();
    String[][] cases = {
      {"{\"lng\":2}", "lat"},
      {"{\"lat\":91,\"lng\":2}", "lat"},
      {"{\"lat\":-90.5,\"lng\":2}", "lat"},
      {"{\"lat\":1,\"lng\":180.1}", "lng"},
      {"{\"lat\":\"52.5\",\"lng\":2}", "lat must be a JSON number"},
      {"{\"lat\":1,\"lng\":2,\"heading\":360}", "heading"},
      {"{\"lat\":1,\"lng\":2,\"heading\":-1}", "heading"},
      {"{\"lat\":1,\"lng\":2,\"speed\":-0.1}", "speed"},
      {"{\"lat\":1,\"lng\":2,\"accuracy\":-3}", "accuracy"},
      {"{\"lat\":1,\"lng\":2,\"recordedAt\":\"yesterday\"}", "recordedAt"},
      {"{\"lat\":1,\"lng\":2,\"recordedAt\":\"" + future + "\"}", "recordedAt"},
      {"{\"lat\":1e999,\"lng\":2}", "lat"},
      {"{\"lat\":1,\"lng\":2,\"ref\":5}", "ref"},
      {"[1,2]", "body"},
      {"{\"lat\":1,", "JSON"},
      {"", "empty"},
    };
    for (String[] c : cases) {
      assertError(post(loc(id), TestNode.API_KEY, "application/json", c[0]), 400, c[1]);
    }
    String st = "/api/v1/orders/" + id + "/status";
    assertError(post(st, TestNode.API_KEY, "application/json", "{\"status\":\"LOST\"}"), 400, "status");
    assertError(post(st, TestNode.API_KEY, "application/json", "{}"), 400, "status");
    assertError(post(st, TestNode.API_KEY, "application/json", "{\"status\":\"PLACED\",\"eta\":\"soon\"}"), 400, "eta");
    assertError(post(st, TestNode.API_KEY, "application/json",
        "{\"status\":\"PLACED\",\"dropoff\":{\"lat\":100,\"lng\":1}}"), 400, "dropoff.lat");
    assertError(post(st, TestNode.API_KEY, "application/json",
        "{\"status\":\"PLACED\",\"courier\":{\"name\":7}}"), 400, "courier.name");
    assertEquals(404, node.get("/api/v1/orders/" + id).statusCode(), "nothing invalid was stored");
  }

  @Test
  void badOrderIdsAre400AndNeverStored() {
    for (String bad : new String[] {"a%7Bb%7D", "a:b", "a%20b", "x".repeat(65)}) {
      assertError(post("/api/v1/orders/" + bad + "/location", TestNode.API_KEY, "application/json",
          "{\"lat\":1,\"lng\":2}"), 400, "orderId");
    }
    assertError(node.get("/api/v1/orders/a:b"), 400, "orderId");
  }

  @Test
  void staleLocationIsAcknowledgedButNotApplied() {
    OrderId id = Ids.order();
    Instant t = Instant.now();
    node.post(loc(id), new JsonObject().put("lat", 1).put("lng", 2).put("recordedAt", t.toString()));
    JsonObject stale = node.post(loc(id), new JsonObject().put("lat", 3).put("lng", 4)
        .put("recordedAt", t.minusSeconds(30).toString())).bodyAsJsonObject();
    assertEquals(new JsonObject().put("orderId", id.value()).put("seq", 1).put("applied", false), stale);
    assertEquals(1.0, node.get("/api/v1/orders/" + id).bodyAsJsonObject().getJsonObject("location").getDouble("lat"));
  }

  @Test
  void locationsAfterATerminalStatusAre409AndNeverPublished() {
    OrderId id = Ids.order();
    node.status(id, "DELIVERED");
    assertError(node.post(loc(id), new JsonObject().put("lat", 1).put("lng", 2)), 409, "finished");
    assertError(node.status(id, "PICKED_UP"), 409, "finished");
    assertEquals(202, node.status(id, "DELIVERED").statusCode(), "repeating the terminal status is harmless");
    JsonObject order = node.get("/api/v1/orders/" + id).bodyAsJsonObject();
    assertEquals(null, order.getValue("location"));
    assertEquals(1, order.getLong("seq"));
  }

  @Test
  void unknownOrderIs404AndTheAdminKeyMayReadOrders() {
    assertError(node.get("/api/v1/orders/" + Ids.order()), 404, "not found");
    OrderId id = Ids.order();
    node.location(id, 1, 2);
    assertEquals(200, node.request(HttpMethod.GET, "/api/v1/orders/" + id, TestNode.ADMIN_KEY, null, null).statusCode());
  }

  @Test
  void batchGivesPerItemResultsInOrderAndOneBadItemFailsNothingElse() {
    OrderId a = Ids.order();
    OrderId b = Ids.order();
    JsonArray events = new JsonArray()
        .add(new JsonObject().put("type", "location").put("orderId", a.value())
            .put("location", new JsonObject().put("lat", 1).put("lng", 2)).put("ref", "r1"))
        .add(new JsonObject().put("type", "location").put("orderId", a.value())
            .put("location", new JsonObject().put("lat", 100).put("lng", 2)))
        .add(new JsonObject().put("type", "status").put("orderId", b.value()).put("status", "PLACED"))
        .add(new JsonObject().put("type", "teleport").put("orderId", b.value()))
        .add(new JsonObject().put("type", "status").put("orderId", "bad:id").put("status", "PLACED"))
        .add(new JsonObject().put("type", "location").put("orderId", a.value())
            .put("location", new JsonObject().put("lat", 3).put("lng", 4)));
    var res = node.post("/api/v1/events", new JsonObject().put("events", events));
    assertEquals(200, res.statusCode());
    JsonObject body = res.bodyAsJsonObject();
    assertEquals(3, body.getInteger("accepted"));
    assertEquals(3, body.getInteger("rejected"));
    JsonArray results = body.getJsonArray("results");
    assertEquals(new JsonObject().put("seq", 1).put("applied", true), results.getJsonObject(0));
    assertTrue(results.getJsonObject(1).getString("error").contains("location.lat"));
    assertEquals(new JsonObject().put("seq", 1).put("applied", true), results.getJsonObject(2));
    assertTrue(results.getJsonObject(3).getString("error").contains("type"));
    assertTrue(results.getJsonObject(4).getString("error").contains("orderId"));
    assertEquals(new JsonObject().put("seq", 2).put("applied", true), results.getJsonObject(5));
  }

  @Test
  void malformedBatchEnvelopesAre400() {
    assertError(post("/api/v1/events", TestNode.API_KEY, "application/json", "{\"events\":{}}"), 400, "events");
    assertError(post("/api/v1/events", TestNode.API_KEY, "application/json", "{}"), 400, "events");
    JsonArray many = new JsonArray();
    for (int i = 0; i < 1001; i++) {
      many.add(new JsonObject().put("type", "status").put("orderId", "o").put("status", "PLACED"));
    }
    assertError(node.post("/api/v1/events", new JsonObject().put("events", many)), 400, "1000");
  }

  @Test
  void mintedLinksPointAtThePageAndWorkOnTheSocket() {
    OrderId id = Ids.order();
    JsonObject link = node.mint(id, new JsonObject().put("ttlSeconds", 600));
    assertTrue(link.getString("url").endsWith("/track/" + link.getString("token")));
    Instant expires = Instant.parse(link.getString("expiresAt"));
    assertTrue(expires.isAfter(Instant.now().plusSeconds(590)) && expires.isBefore(Instant.now().plusSeconds(610)));
    try (WsClient ws = node.connect(link.getString("token"))) {
      assertEquals(id.value(), ws.next().getString("orderId"));
    }
    var noBody = node.request(HttpMethod.POST, "/api/v1/orders/" + id + "/tracking-links", TestNode.ADMIN_KEY, null, null);
    assertEquals(201, noBody.statusCode(), "the body is optional");
    Instant defaultExpiry = Instant.parse(noBody.bodyAsJsonObject().getString("expiresAt"));
    assertTrue(defaultExpiry.isAfter(Instant.now().plusSeconds(6 * 3600 - 60)));
  }

  @Test
  void mintingRejectsBadTtlsAndOrderIds() {
    String path = "/api/v1/orders/" + Ids.order() + "/tracking-links";
    for (String body : new String[] {"{\"ttlSeconds\":0}", "{\"ttlSeconds\":604801}", "{\"ttlSeconds\":\"60\"}",
        "{\"ttlSeconds\":1.5}"}) {
      assertError(post(path, TestNode.ADMIN_KEY, "application/json", body), 400, "ttlSeconds");
    }
    assertError(post("/api/v1/orders/a:b/tracking-links", TestNode.ADMIN_KEY, "application/json", "{}"), 400, "orderId");
  }

  @Test
  void ttlSecondsBeyond64BitsIs400NotAWrappedTinyTtl() {
    // Issue 8 #10: 2^64 + 1 used to wrap to 1 and mint a link valid for a second or two.
    String path = "/api/v1/orders/" + Ids.order() + "/tracking-links";
    for (String ttl : new String[] {"18446744073709551617", "9223372036854775808", "-18446744073709551615",
        "36893488147419103232"}) {
      assertError(post(path, TestNode.ADMIN_KEY, "application/json", "{\"ttlSeconds\":" + ttl + "}"), 400,
          "ttlSeconds");
    }
  }

  @Test
  void unknownPathsAreJson404() {
    var res = node.request(HttpMethod.GET, "/api/v1/nothing", TestNode.API_KEY, null, null);
    assertError(res, 404, "no such resource");
    assertFalse(res.bodyAsString().contains("<html"));
  }
}
