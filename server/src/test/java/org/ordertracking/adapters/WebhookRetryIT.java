package org.ordertracking.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ordertracking.adapters.uber.UberAdapter;
import org.ordertracking.model.OrderId;
import org.ordertracking.testing.Await;
import org.ordertracking.testing.Ids;
import org.ordertracking.testing.RedisFixture;
import org.ordertracking.testing.TestNode;

/**
 * Issue 8, item 5, second half, against a running server and a real Redis: a webhook whose publish
 * failed is answered 503, and the provider's retry must then be applied, not answered "duplicate".
 * The failure here is an operator's: the node's Redis user lacks scripting rights until they are
 * granted. (When the event id was claimed before publishing and released after a failure, a
 * release that failed too left the claim behind, and the retry was lost as a "duplicate".)
 */
class WebhookRetryIT {
  private static final String KEY = "retry-uber-signing-key";

  @Test
  void aRetryAfterAFailedPublishIsAppliedNotADuplicate() {
    try (RedisFixture redis = RedisFixture.startProcess(
        "--user", "tracker", "on", ">tracker-pass", "~*", "&*", "+@all", "-@scripting", "-del")) {
      assertNotNull(redis, "needs redis-server on PATH");
      Vertx vertx = Vertx.vertx();
      Map<String, String> env = new HashMap<>(TestNode.env(redis.url().replace("redis://", "redis://tracker:tracker-pass@")));
      env.put("TRACKING_WEBHOOK_SECRETS", "uber=" + KEY);
      try (TestNode node = TestNode.start(vertx, env)) {
        WebClient client = WebClient.create(vertx);
        OrderId order = Ids.order();
        String body = WebhookRaceContract.uberStatus("evt-retry-1", order, "pickup").encode();

        assertEquals(503, post(client, node, body).statusCode(), "the publish cannot run yet");

        Redis admin = Redis.createClient(vertx, redis.url());
        Await.result(admin.send(Request.cmd(Command.ACL).arg("SETUSER").arg("tracker").arg("+@scripting")));

        HttpResponse<Buffer> retry = post(client, node, body);
        assertEquals(200, retry.statusCode());
        assertEquals("accepted", retry.bodyAsJsonObject().getString("status"));
        JsonObject snapshot = node.get("/api/v1/orders/" + order).bodyAsJsonObject();
        assertEquals("COURIER_ASSIGNED", snapshot.getString("status"));
        assertEquals(1, snapshot.getLong("seq"));

        assertEquals("duplicate", post(client, node, body).bodyAsJsonObject().getString("status"),
            "once applied, a further retry is a duplicate");
      } finally {
        Await.result(vertx.close());
      }
    }
  }

  private static HttpResponse<Buffer> post(WebClient client, TestNode node, String body) {
    return Await.result(client.post(node.port(), "127.0.0.1", "/webhooks/uber")
        .putHeader("Content-Type", "application/json")
        .putHeader(UberAdapter.SIGNATURE, Hmac.sha256Hex(KEY, body.getBytes()))
        .sendBuffer(Buffer.buffer(body)));
  }
}
