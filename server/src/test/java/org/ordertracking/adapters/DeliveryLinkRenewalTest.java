package org.ordertracking.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordertracking.adapters.uber.UberAdapter;
import org.ordertracking.engine.EngineFactory;
import org.ordertracking.engine.TrackingEngine;
import org.ordertracking.ingest.DeliveryLinks.Delivery;
import org.ordertracking.ingest.MemoryDeliveryLinks;
import org.ordertracking.model.OrderId;
import org.ordertracking.model.Times;
import org.ordertracking.testing.Await;
import org.ordertracking.testing.ManualClock;

/**
 * A delivery link lives as long as the order's state: the state ttl counted from the order's last
 * event, not from when the link was made. Webhooks of the linked delivery renew it; repeats, which
 * change nothing in the order, do not. On a clock the test moves.
 */
class DeliveryLinkRenewalTest {
  private static final String SECRET = "uber-renewal-key";
  private static final Duration TTL = Duration.ofMinutes(10);

  private final ManualClock clock = new ManualClock(Instant.now());
  private final MemoryDeliveryLinks links = new MemoryDeliveryLinks(clock, TTL, 100);
  private final OrderId order = new OrderId("o-renewed");
  private final Delivery delivery = new Delivery("uber", "del_renewed");
  private Vertx vertx;
  private WebClient client;
  private String url;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    TrackingEngine engine = EngineFactory.memory(vertx, TTL, clock);
    Router router = Router.router(vertx);
    router.post("/webhooks/uber").handler(BodyHandler.create(false))
        .handler(new WebhookHandler(new UberAdapter(), SECRET, engine, null, links, new AdapterMetrics(), clock));
    int port = Await.result(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")).actualPort();
    url = "http://127.0.0.1:" + port + "/webhooks/uber";
    client = WebClient.create(vertx);
  }

  @AfterEach
  void stop() {
    Await.result(vertx.close());
  }

  /** An Uber status for the linked delivery, without external_id: only the link resolves it. */
  private String post(String eventId, String status) {
    JsonObject event = new JsonObject()
        .put("kind", "event.delivery_status")
        .put("id", eventId)
        .put("delivery_id", delivery.deliveryId())
        .put("status", status)
        .put("created", Times.format(clock.instant()))
        .put("data", new JsonObject().put("status", status));
    Buffer body = event.toBuffer();
    return Await.result(client.postAbs(url)
            .putHeader("Content-Type", "application/json")
            .putHeader("x-uber-signature", Hmac.sha256Hex(SECRET, body.getBytes()))
            .sendBuffer(body))
        .bodyAsJsonObject().getString("status");
  }

  @Test
  void anAppliedWebhookStartsTheLinksTtlAgain() {
    Await.result(links.link(order, delivery));
    clock.advance(Duration.ofMinutes(8));
    assertEquals("accepted", post("evt-1", "pickup"));
    clock.advance(Duration.ofMinutes(8)); // 16 minutes after the link, 8 after the order's last event
    assertEquals(order, Await.result(links.orderOf(delivery)));
    assertEquals(delivery, Await.result(links.currentOf(order)));
    assertEquals("accepted", post("evt-2", "dropoff"), "still resolved through the link");
    clock.advance(TTL);
    assertNull(Await.result(links.orderOf(delivery)), "a ttl after the last event the link is gone");
    assertNull(Await.result(links.currentOf(order)));
  }

  @Test
  void aRepeatedWebhookDoesNotRenewTheLink() {
    Await.result(links.link(order, delivery));
    assertEquals("accepted", post("evt-1", "pickup"));
    clock.advance(Duration.ofMinutes(8));
    assertEquals("duplicate", post("evt-1", "pickup"));
    clock.advance(Duration.ofMinutes(3));
    assertNull(Await.result(links.orderOf(delivery)), "the repeat changed nothing, so it kept nothing alive");
  }
}
