package org.ordertracking.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ordertracking.adapters.Hmac;
import org.ordertracking.adapters.uber.UberAdapter;
import org.ordertracking.testing.Await;
import org.ordertracking.testing.Ids;
import org.ordertracking.testing.JarProcess;
import org.ordertracking.testing.RedisFixture;
import org.ordertracking.testing.WsClient;

/**
 * The logs of the real server process: a bad log setting stops start-up with exit code 2 and one
 * line; {@code TRACKING_LOG_FORMAT=json} gives one JSON object per line, with the order id and ref
 * of ingested events as context at debug; and under traffic and hostile input, at debug level,
 * no secret ever reaches the output: not the token secret, a minted or tampered token, an API or
 * admin key (right or wrong), a webhook secret or signature, nor the Redis password.
 */
class LogsIT {
  private static final SecureRandom RANDOM = new SecureRandom();

  @Test
  void anInvalidLogLevelStopsStartUpWithOneLineAndExitCode2() {
    assertRefused("TRACKING_LOG_LEVEL", "loud");
  }

  @Test
  void anInvalidLogFormatStopsStartUpWithOneLineAndExitCode2() {
    assertRefused("TRACKING_LOG_FORMAT", "xml");
  }

  private static void assertRefused(String variable, String value) {
    try (JarProcess p = JarProcess.start("logs-refused-" + variable, Map.of(
        "TRACKING_HOST", "127.0.0.1", "TRACKING_TOKEN_SECRET", secret("token-"), variable, value))) {
      assertEquals(2, p.awaitExit(Duration.ofSeconds(60)), p.output());
      List<String> lines = p.output().lines().filter(l -> !l.isBlank()).toList();
      assertEquals(1, lines.size(), "one line: " + p.output());
      assertTrue(lines.get(0).contains(variable) && lines.get(0).contains(value), lines.get(0));
    }
  }

  @Test
  void jsonLinesCarryIngestContextAndNoSecretUnderTrafficAndBadInput() {
    String tokenSecret = secret("token-secret-");
    String adminKey = secret("admin-");
    String apiKey = secret("api-");
    String wrongKey = secret("wrong-");
    String uberSecret = secret("uber-");
    String redisPassword = secret("redispw-");
    List<String> secrets = new ArrayList<>(List.of(tokenSecret, adminKey, apiKey, wrongKey, uberSecret));

    RedisFixture redis = RedisFixture.startProcess("--requirepass", redisPassword);
    Vertx vertx = Vertx.vertx();
    Map<String, String> env = new java.util.HashMap<>(Map.of(
        "TRACKING_HOST", "127.0.0.1",
        "TRACKING_TOKEN_SECRET", tokenSecret,
        "TRACKING_ADMIN_KEY", adminKey,
        "TRACKING_API_KEYS", "backend=" + apiKey,
        "TRACKING_WEBHOOK_SECRETS", "uber=" + uberSecret,
        "TRACKING_LOG_FORMAT", "json",
        "TRACKING_LOG_LEVEL", "debug"));
    if (redis != null) {
      secrets.add(redisPassword);
      env.put("TRACKING_REDIS_URL", "redis://:" + redisPassword + "@127.0.0.1:" + redis.url().replaceAll(".*:", ""));
    }
    JarProcess server = JarProcess.start("logs-json", env).awaitReady();
    String order = Ids.order().value();
    try {
      WebClient http = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
          .setDefaultPort(server.port()));
      JsonObject minted = send(http, "POST", "/api/v1/orders/" + order + "/tracking-links", adminKey, "{}")
          .bodyAsJsonObject();
      String token = minted.getString("token");
      secrets.add(token);
      try (WsClient ws = WsClient.connect(vertx, server.port(), token)) {
        ws.next();
        assertEquals(202, send(http, "POST", "/api/v1/orders/" + order + "/location", apiKey,
            "{\"lat\":52.52,\"lng\":13.405,\"ref\":\"ref-logs-1\"}").statusCode());
        ws.next();
      }
      // Hostile and broken input: wrong keys, tampered tokens, forged and real signatures, bad JSON.
      assertEquals(401, send(http, "POST", "/api/v1/orders/" + order + "/location", wrongKey, "{}").statusCode());
      assertEquals(400, send(http, "POST", "/api/v1/orders/" + order + "/location", apiKey, "{nope").statusCode());
      assertEquals(200, send(http, "POST", "/api/v1/events", apiKey,
          "{\"events\":[{\"type\":\"location\",\"orderId\":\"" + order + "\"},{\"type\":\"x\"}]}").statusCode());
      String tampered = token.substring(0, token.length() - 2) + "xx";
      secrets.add(tampered);
      assertEquals(401, WsClient.refusal(vertx, server.port(), tampered));
      assertEquals(404, send(http, "GET", "/nosuch/" + token, null, null).statusCode());
      assertEquals(401, send(http, "GET", "/admin/api/stats", wrongKey, null).statusCode());
      assertEquals(200, send(http, "GET", "/admin/api/stats", adminKey, null).statusCode());
      Buffer body = Buffer.buffer(MetricsContract.courierUpdate(order).encode());
      String signature = Hmac.sha256Hex(uberSecret, body.getBytes());
      secrets.add(signature);
      assertEquals(200, Await.result(http.post("/webhooks/uber").putHeader("Content-Type", "application/json")
          .putHeader(UberAdapter.SIGNATURE, signature).sendBuffer(body)).statusCode());
      String forged = Hmac.sha256Hex(wrongKey, body.getBytes());
      secrets.add(forged);
      assertEquals(401, Await.result(http.post("/webhooks/uber").putHeader("Content-Type", "application/json")
          .putHeader(UberAdapter.SIGNATURE, forged).sendBuffer(body)).statusCode());
      if (redis != null) {
        redis.stop(); // Redis goes away: the server logs the loss (and must not log the password)
        Await.until("the node notices Redis is gone", Duration.ofSeconds(20), () -> server.get("/health/ready") == 503);
      }
    } finally {
      server.stop(); // SIGTERM: drains, then exits (143, as the JVM does on SIGTERM)
      Await.result(vertx.close());
      if (redis != null) {
        redis.close();
      }
    }

    String out = server.output();
    List<JsonObject> lines = new ArrayList<>();
    for (String line : out.lines().filter(l -> !l.isBlank()).toList()) {
      assertTrue(line.startsWith("{"), "every line is a JSON object: " + line);
      lines.add(new JsonObject(line));
    }
    for (JsonObject l : lines) {
      assertTrue(l.containsKey("timestamp") && l.containsKey("level") && l.containsKey("loggerName")
          && l.containsKey("formattedMessage"), l.encode());
      assertFalse(l.containsKey("arguments"), "the raw arguments are left out: " + l.encode());
    }
    assertTrue(lines.stream().anyMatch(l -> l.getString("formattedMessage").startsWith("Order tracking listening")));
    assertTrue(lines.stream().anyMatch(l -> l.getString("loggerName").endsWith("IngestModule")
            && l.encode().contains(order) && l.encode().contains("ref-logs-1")),
        "ingested events are logged at debug with their order id and ref as context:\n" + out);
    if (redis != null) {
      assertTrue(out.contains("Redis"), "the Redis loss is logged:\n" + out);
    }
    for (String s : secrets) {
      assertFalse(out.contains(s), "a secret reached the log (" + s.substring(0, 6) + "…):\n" + out);
    }
  }

  private static HttpResponse<Buffer> send(WebClient http, String method, String path, String key, String json) {
    var req = http.request(io.vertx.core.http.HttpMethod.valueOf(method), path);
    if (key != null) {
      req.putHeader("Authorization", "Bearer " + key);
    }
    if (json == null) {
      return Await.result(req.send());
    }
    return Await.result(req.putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(json)));
  }

  private static String secret(String prefix) {
    byte[] b = new byte[24];
    RANDOM.nextBytes(b);
    return prefix + HexFormat.of().formatHex(b);
  }
}
