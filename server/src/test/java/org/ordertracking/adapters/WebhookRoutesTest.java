package org.ordertracking.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordertracking.config.TrackingConfig;
import org.ordertracking.engine.EngineFactory;
import org.ordertracking.engine.TrackingEngine;
import org.ordertracking.model.OrderId;
import org.ordertracking.model.OrderStatus;
import org.ordertracking.model.Snapshot;
import org.ordertracking.model.Times;
import org.ordertracking.server.ServerContext;
import org.ordertracking.simulator.WebhookSender;
import org.ordertracking.testing.Await;

/**
 * The webhook transport over real HTTP on loopback: the adapters module mounted on a plain router
 * in front of the in-memory engine, requests signed the way each provider signs them.
 */
class WebhookRoutesTest {
  private static final String ONFLEET_SECRET = "00112233445566778899aabbccddeeff";
  private static final String API_KEY = "backend-api-key";
  private static final Map<String, String> SECRETS =
      Map.of("uber", "uber-signing-key", "deliveroo", "roo-signing-key", "onfleet", ONFLEET_SECRET,
          "doordash", "Bearer dd-key");

  private Vertx vertx;
  private TrackingEngine engine;
  private AdaptersModule module;
  private HttpServer server;
  private WebClient client;
  private WebhookSender sender;
  private String base;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    engine = EngineFactory.memory(vertx, Duration.ofHours(1), Clock.systemUTC());
    Map<String, String> env =
        Map.of(
            "TRACKING_TOKEN_SECRET", "0123456789abcdef0123456789abcdef",
            "TRACKING_API_KEYS", "backend=" + API_KEY,
            "TRACKING_WEBHOOK_SECRETS",
            "uber=uber-signing-key|uber-next-key,deliveroo=roo-signing-key,doordash=Bearer dd-key,onfleet="
                + ONFLEET_SECRET);
    module = new AdaptersModule(
        new ServerContext(vertx, TrackingConfig.fromEnv(env), engine, null, null, Clock.systemUTC()), true, true);
    Router router = Router.router(vertx);
    module.mount(router);
    server = Await.result(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
    base = "http://127.0.0.1:" + server.actualPort();
    client = WebClient.create(vertx);
    sender = new WebhookSender(client, base, SECRETS);
    Await.result(module.start());
  }

  @AfterEach
  void stop() {
    Await.result(module.stop());
    Await.result(vertx.close());
  }

  private static JsonObject courierUpdate(String eventId, String order, Instant at, double lat) {
    return new JsonObject()
        .put("kind", "event.courier_update")
        .put("id", eventId)
        .put("delivery_id", "del_1")
        .put("created", Times.format(at))
        .put(
            "data",
            new JsonObject()
                .put("external_id", order)
                .put("courier", new JsonObject().put("location", new JsonObject().put("lat", lat).put("lng", 13.4))));
  }

  private static JsonObject uberStatus(String eventId, String order, String status) {
    return new JsonObject()
        .put("kind", "event.delivery_status")
        .put("id", eventId)
        .put("status", status)
        .put("created", Times.format(Instant.now()))
        .put("data", new JsonObject().put("external_id", order).put("status", status));
  }

  private Snapshot snapshot(String order) {
    return Await.result(engine.snapshot(new OrderId(order)));
  }

  private HttpResponse<Buffer> postRaw(String path, String body, String header, String value) {
    var req = client.postAbs(base + path).putHeader("Content-Type", "application/json");
    if (header != null) {
      req.putHeader(header, value);
    }
    return Await.result(req.sendBuffer(Buffer.buffer(body)));
  }

  @Test
  void signedCourierUpdateIsPublishedAndAcknowledged() {
    Instant at = Instant.now().minusSeconds(1);
    int status = Await.result(sender.send("uber", courierUpdate("evt-1", "o-signed", at, 52.5)));
    assertEquals(200, status);
    Snapshot s = snapshot("o-signed");
    assertEquals(1, s.seq());
    assertTrue(s.locationJson().contains("\"lat\":52.5"), s.locationJson());
    assertTrue(s.locationJson().contains(Times.format(at)), "recordedAt is the provider's time");
    assertEquals(1, module.metrics().get("uber", "accepted"));
  }

  @Test
  void wrongSignatureIs401AndNothingIsPublished() {
    String body = courierUpdate("evt-2", "o-wrongsig", Instant.now(), 52.5).encode();
    String badSig = Hmac.sha256Hex("not-the-key", body.getBytes());
    HttpResponse<Buffer> r = postRaw("/webhooks/uber", body, "x-uber-signature", badSig);
    assertEquals(401, r.statusCode());
    assertEquals(0, snapshot("o-wrongsig").seq());
    assertEquals(1, module.metrics().get("uber", "unauthorized"));
  }

  @Test
  void unsignedRequestIs401AndNothingIsPublished() {
    String body = courierUpdate("evt-3", "o-unsigned", Instant.now(), 52.5).encode();
    assertEquals(401, postRaw("/webhooks/uber", body, null, null).statusCode());
    assertEquals(0, snapshot("o-unsigned").seq());
  }

  @Test
  void signatureIsCheckedBeforeTheBodyIsParsed() {
    // Garbage with a wrong signature is a 401, not a 400: nothing is parsed before authentication.
    assertEquals(401, postRaw("/webhooks/uber", "{not json", "x-uber-signature", "00").statusCode());
  }

  @Test
  void replayedEventIdIsAcknowledgedButPublishedOnce() {
    JsonObject event = courierUpdate("evt-replay", "o-replay", Instant.now(), 52.5);
    assertEquals(200, Await.result(sender.send("uber", event)));
    HttpResponse<Buffer> again =
        postRaw(
            "/webhooks/uber",
            event.encode(),
            "x-uber-signature",
            Hmac.sha256Hex("uber-signing-key", event.encode().getBytes()));
    assertEquals(200, again.statusCode());
    assertEquals("duplicate", again.bodyAsJsonObject().getString("status"));
    assertEquals(1, snapshot("o-replay").seq());
    assertEquals(1, module.metrics().get("uber", "duplicate"));
  }

  @Test
  void malformedPayloadIs400WithTheFieldNamedAndNothingPublished() {
    JsonObject event = courierUpdate("evt-bad", "o-bad", Instant.now(), 152.5);
    String body = event.encode();
    HttpResponse<Buffer> r =
        postRaw("/webhooks/uber", body, "x-uber-signature", Hmac.sha256Hex("uber-signing-key", body.getBytes()));
    assertEquals(400, r.statusCode());
    assertEquals(
        "data.courier.location.lat must be between -90.0 and 90.0",
        r.bodyAsJsonObject().getString("error"));
    assertEquals(0, snapshot("o-bad").seq());
    assertEquals(1, module.metrics().get("uber", "malformed"));
  }

  @Test
  void olderLocationArrivingLateIsAcknowledgedButDoesNotMoveTheCourierBack() {
    Instant t = Instant.now().minusSeconds(30);
    assertEquals(200, Await.result(sender.send("uber", courierUpdate("evt-new", "o-order", t.plusSeconds(20), 52.6))));
    assertEquals(200, Await.result(sender.send("uber", courierUpdate("evt-old", "o-order", t, 52.5))));
    Snapshot s = snapshot("o-order");
    assertEquals(1, s.seq());
    assertTrue(s.locationJson().contains("\"lat\":52.6"), s.locationJson());
  }

  @Test
  void locationAfterDeliveryIsAcknowledgedButNotPublished() {
    assertEquals(200, Await.result(sender.send("uber", uberStatus("evt-d", "o-done", "delivered"))));
    assertEquals(200, Await.result(sender.send("uber", courierUpdate("evt-late", "o-done", Instant.now(), 52.5))));
    Snapshot s = snapshot("o-done");
    assertEquals(OrderStatus.DELIVERED, s.status());
    assertNull(s.locationJson());
  }

  @Test
  void lateStatusDoesNotMoveTheOrderBackwards() {
    assertEquals(200, Await.result(sender.send("uber", uberStatus("evt-s2", "o-back", "pickup_complete"))));
    assertEquals(200, Await.result(sender.send("uber", uberStatus("evt-s1", "o-back", "pickup"))));
    Snapshot s = snapshot("o-back");
    assertEquals(OrderStatus.PICKED_UP, s.status());
    assertEquals(1, s.seq());
  }

  @Test
  void providerWithoutSecretAnswers404() {
    AdaptersModule uberOnly = new AdaptersModule(new ServerContext(vertx, TrackingConfig.fromEnv(Map.of(
        "TRACKING_TOKEN_SECRET", "0123456789abcdef0123456789abcdef",
        "TRACKING_WEBHOOK_SECRETS", "uber=uber-signing-key")), engine, null, null, Clock.systemUTC()), true, false);
    Router router = Router.router(vertx);
    uberOnly.mount(router);
    HttpServer other = Await.result(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
    String url = "http://127.0.0.1:" + other.actualPort();
    HttpResponse<Buffer> r = Await.result(client.postAbs(url + "/webhooks/doordash")
        .putHeader("Authorization", "anything").sendBuffer(Buffer.buffer("{}")));
    assertEquals(404, r.statusCode());
    assertEquals(404, Await.result(client.postAbs(url + "/webhooks/nosuch").sendBuffer(Buffer.buffer("{}"))).statusCode());
  }

  @Test
  void bodyOverTheLimitIs413() {
    String big = "{\"pad\":\"" + "x".repeat(AdaptersConfig.MAX_BODY_BYTES) + "\"}";
    assertEquals(413, postRaw("/webhooks/uber", big, "x-uber-signature", "00").statusCode());
  }

  @Test
  void deliverooStatusWebhooksKeepTheActiveOrdersForPolling() {
    JsonObject assigned =
        new JsonObject()
            .put("event", "rider.status_update")
            .put(
                "body",
                new JsonObject()
                    .put("order_id", "o-roo")
                    .put(
                        "riders",
                        new io.vertx.core.json.JsonArray()
                            .add(
                                new JsonObject()
                                    .put(
                                        "status_log",
                                        new io.vertx.core.json.JsonArray()
                                            .add(new JsonObject().put("at", Times.format(Instant.now())).put("status", "rider_assigned"))))));
    assertEquals(200, Await.result(sender.send("deliveroo", assigned)));
    assertEquals(java.util.List.of(new OrderId("o-roo")), Await.result(module.deliverooOrders().list()));

    JsonObject cancelled =
        new JsonObject()
            .put("event", "order.status_update")
            .put("body", new JsonObject().put("order", new JsonObject().put("id", "o-roo").put("status", "canceled")));
    assertEquals(200, Await.result(sender.send("deliveroo", cancelled)));
    assertTrue(Await.result(module.deliverooOrders().list()).isEmpty());
    assertEquals(OrderStatus.CANCELLED, snapshot("o-roo").status());
  }

  @Test
  void aDeliverooDeliveryLinkedToOurOrderKeepsOurOrderInThePollRegistry() {
    assertEquals(201, link("o-roo-linked", "{\"provider\":\"deliveroo\",\"deliveryId\":\"gb:9001\"}").statusCode());
    JsonObject assigned =
        new JsonObject()
            .put("event", "rider.status_update")
            .put("body", new JsonObject()
                .put("order_id", "gb:9001")
                .put("riders", new io.vertx.core.json.JsonArray().add(new JsonObject()
                    .put("status_log", new io.vertx.core.json.JsonArray().add(
                        new JsonObject().put("at", Times.format(Instant.now())).put("status", "rider_assigned"))))));
    assertEquals(200, Await.result(sender.send("deliveroo", assigned)));
    // Our id, which the poller turns into Deliveroo's through the link.
    assertEquals(java.util.List.of(new OrderId("o-roo-linked")), Await.result(module.deliverooOrders().list()));
    assertEquals(OrderStatus.COURIER_ASSIGNED, snapshot("o-roo-linked").status());

    JsonObject cancelled =
        new JsonObject()
            .put("event", "order.status_update")
            .put("body", new JsonObject().put("order", new JsonObject().put("id", "gb:9001").put("status", "canceled")));
    assertEquals(200, Await.result(sender.send("deliveroo", cancelled)));
    assertTrue(Await.result(module.deliverooOrders().list()).isEmpty());
    assertEquals(OrderStatus.CANCELLED, snapshot("o-roo-linked").status());
  }

  @Test
  void deliverooRetryWithTheSameGuidIsPublishedOnce() {
    Buffer body =
        Buffer.buffer(
            new JsonObject()
                .put("event", "order.status_update")
                .put("body", new JsonObject().put("order", new JsonObject().put("id", "o-roo2").put("status", "accepted")))
                .encode());
    String guid = UUID.randomUUID().toString();
    assertEquals(200, Await.result(sender.send("deliveroo", body, guid)));
    assertEquals(200, Await.result(sender.send("deliveroo", body, guid)));
    assertEquals(1, snapshot("o-roo2").seq());
    assertFalse(Await.result(module.deliverooOrders().list()).isEmpty());
  }

  @Test
  void anyConfiguredSecretOfAProviderVerifiesSoItsKeyCanRotate() {
    String body = courierUpdate("evt-rotated", "o-rotated", Instant.now(), 52.5).encode();
    HttpResponse<Buffer> next =
        postRaw("/webhooks/uber", body, "x-uber-signature", Hmac.sha256Hex("uber-next-key", body.getBytes()));
    assertEquals(200, next.statusCode());
    assertEquals(1, snapshot("o-rotated").seq());
    String other = courierUpdate("evt-other", "o-rotated", Instant.now(), 52.5).encode();
    assertEquals(401,
        postRaw("/webhooks/uber", other, "x-uber-signature", Hmac.sha256Hex("retired-key", other.getBytes())).statusCode());
  }

  @Test
  void aSignedWebhookWithAYearOfABillionIs400NamingTheFieldNotARetryForever() {
    for (String year : new String[] {"+1000000000", "-1000000000"}) {
      String body = courierUpdate("evt-y" + year, "o-year", Instant.now(), 52.5).encode()
          .replaceFirst("\"created\":\"[^\"]+\"", "\"created\":\"" + year + "-01-01T00:00:00Z\"");
      HttpResponse<Buffer> r =
          postRaw("/webhooks/uber", body, "x-uber-signature", Hmac.sha256Hex("uber-signing-key", body.getBytes()));
      assertEquals(400, r.statusCode(), year);
      assertTrue(r.bodyAsJsonObject().getString("error").startsWith("created must be between"), r.bodyAsString());
    }
    assertEquals(0, snapshot("o-year").seq());
  }

  @Test
  void anUnknownUberStatusIsAcknowledgedAsIgnoredAndPublishesNothing() {
    HttpResponse<Buffer> r = postSigned("uber", uberStatus("evt-unknown", "o-unknown", "teleported"));
    assertEquals(200, r.statusCode());
    assertEquals("ignored", r.bodyAsJsonObject().getString("status"));
    assertEquals(1, module.metrics().get("uber", "ignored"));
    assertEquals(0, snapshot("o-unknown").seq());
  }

  @Test
  void anUberDeliveryWithoutExternalIdNorLinkIsAcknowledgedCountedAndNotPublished() {
    JsonObject event = uberStatus("evt-noext", "o-unused", "pickup");
    event.getJsonObject("data").remove("external_id");
    event.put("delivery_id", "del_unlinked");
    HttpResponse<Buffer> r = postSigned("uber", event);
    assertEquals(200, r.statusCode());
    assertEquals("unlinked", r.bodyAsJsonObject().getString("status"));
    assertEquals(1, module.metrics().get("uber", "unlinked"));
    assertEquals(0, snapshot("o-unused").seq());
  }

  @Test
  void anUberDeliveryWithoutExternalIdIsResolvedThroughItsDeliveryLink() {
    HttpResponse<Buffer> link = link("o-linked", "{\"provider\":\"uber\",\"deliveryId\":\"del_L1\"}");
    assertEquals(201, link.statusCode(), link.bodyAsString());
    JsonObject body = link.bodyAsJsonObject();
    assertEquals("o-linked", body.getString("orderId"));
    assertEquals("uber", body.getString("provider"));
    assertEquals("del_L1", body.getString("deliveryId"));
    assertTrue(Instant.parse(body.getString("expiresAt")).isAfter(Instant.now().plusSeconds(3500)), body.encode());

    JsonObject event = uberStatus("evt-linked", "ignored", "pickup");
    event.getJsonObject("data").remove("external_id");
    event.put("delivery_id", "del_L1");
    HttpResponse<Buffer> r = postSigned("uber", event);
    assertEquals("accepted", r.bodyAsJsonObject().getString("status"));
    assertEquals(OrderStatus.COURIER_ASSIGNED, snapshot("o-linked").status());
  }

  @Test
  void anExplicitLinkWinsOverTheMerchantReference() {
    assertEquals(201, link("o-explicit", "{\"provider\":\"uber\",\"deliveryId\":\"del_X\"}").statusCode());
    JsonObject event = uberStatus("evt-x", "o-merchant-ref", "pickup").put("delivery_id", "del_X");
    assertEquals(200, postSigned("uber", event).statusCode());
    assertEquals(OrderStatus.COURIER_ASSIGNED, snapshot("o-explicit").status());
    assertEquals(0, snapshot("o-merchant-ref").seq());
  }

  @Test
  void relinkingToAnotherProviderKeepsTheOrderAndItsSeqAndHoldsBackTheOldDelivery() {
    assertEquals(201, link("o-switch", "{\"provider\":\"uber\",\"deliveryId\":\"del_first\"}").statusCode());
    JsonObject first = uberStatus("evt-s1", "o-switch", "pickup").put("delivery_id", "del_first");
    assertEquals("accepted", postSigned("uber", first).bodyAsJsonObject().getString("status"));
    long seq = snapshot("o-switch").seq();

    assertEquals(201, link("o-switch", "{\"provider\":\"doordash\",\"deliveryId\":\"dd-second\"}").statusCode());
    // The first delivery is called off at Uber: the order goes on with DoorDash.
    JsonObject cancelled = uberStatus("evt-s2", "o-switch", "canceled").put("delivery_id", "del_first");
    HttpResponse<Buffer> held = postSigned("uber", cancelled);
    assertEquals(200, held.statusCode());
    assertEquals("superseded", held.bodyAsJsonObject().getString("status"));
    assertEquals(1, module.metrics().get("uber", "superseded"));
    assertEquals(OrderStatus.COURIER_ASSIGNED, snapshot("o-switch").status());
    // Another delivery that only names the order as its merchant reference is not followed either.
    JsonObject stray = uberStatus("evt-s3", "o-switch", "canceled").put("delivery_id", "del_stray");
    assertEquals("superseded", postSigned("uber", stray).bodyAsJsonObject().getString("status"));
    assertEquals(OrderStatus.COURIER_ASSIGNED, snapshot("o-switch").status());

    JsonObject dasher = new JsonObject()
        .put("event_name", "DASHER_PICKED_UP")
        .put("external_delivery_id", "dd-second")
        .put("created_at", Times.format(Instant.now()))
        .put("dasher_id", 77)
        .put("dasher_name", "Sam")
        .put("dasher_location", new JsonObject().put("lat", 52.51).put("lng", 13.39));
    assertEquals("accepted", postSigned("doordash", dasher).bodyAsJsonObject().getString("status"));
    Snapshot after = snapshot("o-switch");
    assertEquals(OrderStatus.PICKED_UP, after.status());
    assertTrue(after.seq() > seq, "the same seq stream goes on: " + seq + " then " + after.seq());
    assertTrue(after.courierJson().contains("Sam"), after.courierJson());
  }

  @Test
  void deliveryLinksRefuseBadInputNamingTheField() {
    String[][] cases = {
      {"{\"provider\":\"glovo\",\"deliveryId\":\"d1\"}", "provider must be one of deliveroo, doordash, onfleet, uber"},
      {"{\"deliveryId\":\"d1\"}", "provider is required"},
      {"{\"provider\":\"uber\"}", "deliveryId is required"},
      {"{\"provider\":\"uber\",\"deliveryId\":42}", "deliveryId must be a non-empty string"},
      {"{\"provider\":\"uber\",\"deliveryId\":\"  \"}", "deliveryId must be a non-empty string"},
      {"{\"provider\":\"uber\",\"deliveryId\":\"" + "d".repeat(513) + "\"}", "deliveryId must be at most 512 characters"},
      {"{\"provider\":\"uber\",\"deliveryId\":\"a\\u0000b\"}", "deliveryId must not contain control characters"},
      {"[1]", "body must be a JSON object"},
      {"{nope", "body is not valid JSON"},
    };
    for (String[] c : cases) {
      HttpResponse<Buffer> r = link("o-bad", c[0]);
      assertEquals(400, r.statusCode(), c[0]);
      assertEquals(c[1], r.bodyAsJsonObject().getString("error"), c[0]);
    }
    HttpResponse<Buffer> badOrder = link("bad%20id", "{\"provider\":\"uber\",\"deliveryId\":\"d1\"}");
    assertEquals(400, badOrder.statusCode());
    assertTrue(badOrder.bodyAsJsonObject().getString("error").startsWith("orderId"), badOrder.bodyAsString());
    HttpResponse<Buffer> anonymous = Await.result(client.postAbs(base + "/api/v1/orders/o-bad/deliveries")
        .putHeader("Content-Type", "application/json")
        .sendBuffer(Buffer.buffer("{\"provider\":\"uber\",\"deliveryId\":\"d1\"}")));
    assertEquals(401, anonymous.statusCode());
    assertEquals(413, link("o-bad", "{\"provider\":\"uber\",\"deliveryId\":\"" + "d".repeat(5000) + "\"}").statusCode());
  }

  @Test
  void aStatusNamingAnotherCourierStepsTheTimelineBackToTheNewCourier() {
    JsonObject rosa = new JsonObject().put("name", "Rosa").put("vehicle_type", "bicycle");
    JsonObject sam = new JsonObject().put("name", "Sam").put("vehicle_type", "car");
    Instant t0 = Instant.now().minusSeconds(60);
    postSigned("uber", uberStatus("evt-r1", "o-reassign", "pickup", rosa, t0));
    postSigned("uber", uberStatus("evt-r2", "o-reassign", "pickup_complete", rosa, t0.plusSeconds(10)));
    assertEquals(OrderStatus.PICKED_UP, snapshot("o-reassign").status());
    // A late retry of Rosa's pickup is no reassignment: progress stays.
    postSigned("uber", uberStatus("evt-r1b", "o-reassign", "pickup", rosa, t0.plusSeconds(5)));
    assertEquals(OrderStatus.PICKED_UP, snapshot("o-reassign").status());
    // Sam takes over and must first collect the order.
    postSigned("uber", uberStatus("evt-r3", "o-reassign", "pickup", sam, t0.plusSeconds(20)));
    Snapshot s = snapshot("o-reassign");
    assertEquals(OrderStatus.COURIER_ASSIGNED, s.status());
    assertTrue(s.courierJson().contains("Sam"), s.courierJson());
  }

  @Test
  void aDoorDashDeliveryBackToCreatedTakesTheCourierOff() {
    JsonObject confirmed = new JsonObject()
        .put("event_name", "DASHER_CONFIRMED")
        .put("external_delivery_id", "o-unassign")
        .put("created_at", Times.format(Instant.now().minusSeconds(30)))
        .put("delivery_status", "enroute_to_pickup")
        .put("dasher_id", 101)
        .put("dasher_name", "Rosa");
    postSigned("doordash", confirmed);
    assertEquals(OrderStatus.COURIER_ASSIGNED, snapshot("o-unassign").status());
    JsonObject unassigned = new JsonObject()
        .put("event_name", "DASHER_CONFIRMED")
        .put("external_delivery_id", "o-unassign")
        .put("created_at", Times.format(Instant.now()))
        .put("delivery_status", "created");
    assertEquals(200, postSigned("doordash", unassigned).statusCode());
    Snapshot s = snapshot("o-unassign");
    assertEquals(OrderStatus.PLACED, s.status());
    assertNull(s.courierJson());
  }

  private static JsonObject uberStatus(String eventId, String order, String status, JsonObject courier, Instant at) {
    JsonObject e = uberStatus(eventId, order, status).put("created", Times.format(at));
    e.getJsonObject("data").put("courier", courier);
    return e;
  }

  private HttpResponse<Buffer> postSigned(String provider, JsonObject payload) {
    Buffer body = payload.toBuffer();
    var req = client.postAbs(base + "/webhooks/" + provider).putHeader("Content-Type", "application/json");
    switch (provider) {
      case "uber" -> req.putHeader("x-uber-signature", Hmac.sha256Hex(SECRETS.get("uber"), body.getBytes()));
      case "doordash" -> req.putHeader("Authorization", SECRETS.get("doordash"));
      default -> throw new IllegalArgumentException(provider);
    }
    return Await.result(req.sendBuffer(body));
  }

  private HttpResponse<Buffer> link(String order, String body) {
    return Await.result(client.postAbs(base + "/api/v1/orders/" + order + "/deliveries")
        .putHeader("Authorization", "Bearer " + API_KEY)
        .putHeader("Content-Type", "application/json")
        .sendBuffer(Buffer.buffer(body)));
  }

  @Test
  void onfleetChecksItsUrlBeforeSendingAndItsSignedTasksArePublished() {
    HttpResponse<Buffer> check = Await.result(client.getAbs(base + "/webhooks/onfleet?check=Zx91-check").send());
    assertEquals(200, check.statusCode());
    assertEquals("Zx91-check", check.bodyAsString());
    assertTrue(check.getHeader("Content-Type").startsWith("text/plain"));
    assertEquals("nosniff", check.getHeader("X-Content-Type-Options"));
    assertEquals(400, Await.result(client.getAbs(base + "/webhooks/onfleet").send()).statusCode());
    assertEquals(404, Await.result(client.getAbs(base + "/webhooks/uber?check=x").send()).statusCode());

    String task = Fixtures.read("onfleet/task_assigned.json").toString()
        .replace("1773489120000", String.valueOf(Instant.now().toEpochMilli()))
        .replace("ord-4001", "o-onfleet");
    assertEquals(200, Await.result(sender.send("onfleet", Buffer.buffer(task), "unused")));
    assertEquals(OrderStatus.COURIER_ASSIGNED, snapshot("o-onfleet").status());
    assertEquals(401, postRaw("/webhooks/onfleet", task, "X-Onfleet-Signature", "00").statusCode());
  }
}
