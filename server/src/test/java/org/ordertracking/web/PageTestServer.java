package org.ordertracking.web;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.ordertracking.server.TrackingServer;
import org.ordertracking.testing.Await;

/**
 * A real tracking server in this JVM for the browser tests, and the HTTP calls a test makes to
 * it: mint a link, publish through the ingest API, restart on the same port. Blocking is fine
 * here: these run on the JUnit thread, never on an event loop.
 */
final class PageTestServer implements AutoCloseable {
  static final String API_KEY = "key123-browser-tests";
  static final String ADMIN_KEY = "admin-key-browser-tests";
  private static final String SECRET = "browser-test-secret-that-is-long-enough-0123456789";
  private static final String UBER_KEY = "uber-key-browser-tests";

  private final Vertx vertx = Vertx.vertx();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String tilesUrl;
  private TrackingServer server;
  private int port;

  private final Map<String, String> extraEnv;

  private PageTestServer(String tilesUrl, Map<String, String> extraEnv) {
    this.tilesUrl = tilesUrl;
    this.extraEnv = Map.copyOf(extraEnv);
  }

  static PageTestServer start(String tilesUrl) {
    return start(tilesUrl, Map.of());
  }

  /** A node with more {@code TRACKING_*} settings than the page tests' usual ones. */
  static PageTestServer start(String tilesUrl, Map<String, String> extraEnv) {
    PageTestServer s = new PageTestServer(tilesUrl, extraEnv);
    s.startOn(0);
    return s;
  }

  private void startOn(int wantedPort) {
    Map<String, String> env = new HashMap<>();
    env.put("TRACKING_HOST", "127.0.0.1");
    env.put("TRACKING_PORT", String.valueOf(wantedPort));
    env.put("TRACKING_TOKEN_SECRET", SECRET);
    env.put("TRACKING_API_KEYS", "test=" + API_KEY);
    env.put("TRACKING_ADMIN_KEY", ADMIN_KEY);
    env.put("TRACKING_HTTP_INSTANCES", "1");
    env.put("TRACKING_MAP_TILES_URL", tilesUrl);
    env.put("TRACKING_MAP_ATTRIBUTION", "Test tiles");
    env.put("TRACKING_WEBHOOK_SECRETS", "uber=" + UBER_KEY);
    env.putAll(extraEnv);
    server = Await.result(TrackingServer.start(vertx, env));
    port = server.port();
  }

  /** Stops this node and starts a fresh one (empty in-memory state) on the same port. */
  void restart() {
    stop();
    startOn(port);
  }

  /** Closes every socket with 1012 (what a deploy does), then restarts. */
  void drainAndRestart() {
    Await.result(server.drain(Duration.ofMillis(200)));
    restart();
  }

  /** The node goes away, as on a crash or a network cut; {@link #startAgain} brings one back. */
  void stop() {
    Await.result(server.close());
  }

  void startAgain() {
    startOn(port);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** A tracking link's token, valid for {@code ttl}. */
  String mintToken(String orderId, Duration ttl) {
    JsonObject body = post("/api/v1/orders/" + orderId + "/tracking-links", ADMIN_KEY,
        new JsonObject().put("ttlSeconds", ttl.toSeconds()), 201);
    return body.getString("token");
  }

  String pageUrl(String token) {
    return baseUrl() + "/track/" + token;
  }

  void location(String orderId, double lat, double lng, double heading) {
    post("/api/v1/orders/" + orderId + "/location", API_KEY,
        new JsonObject().put("lat", lat).put("lng", lng).put("heading", heading), 202);
  }

  void status(String orderId, JsonObject body) {
    post("/api/v1/orders/" + orderId + "/status", API_KEY, body, 202);
  }

  /** Uber reports a courier on the way to the store, signed as Uber signs it. */
  void uberPickup(String orderId, JsonObject courier) {
    String body = new JsonObject()
        .put("kind", "event.delivery_status")
        .put("id", "evt_" + System.nanoTime())
        .put("status", "pickup")
        .put("delivery_id", "del_" + orderId)
        .put("created", Instant.now().toString())
        .put("data", new JsonObject().put("id", "del_" + orderId).put("external_id", orderId)
            .put("status", "pickup").put("courier", courier))
        .encode();
    HttpRequest req = HttpRequest.newBuilder(URI.create(baseUrl() + "/webhooks/uber"))
        .header("Content-Type", "application/json")
        .header("x-uber-signature", org.ordertracking.adapters.Hmac.sha256Hex(UBER_KEY, body.getBytes()))
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .timeout(Duration.ofSeconds(10))
        .build();
    try {
      HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
      if (res.statusCode() != 200) {
        throw new AssertionError("Uber webhook answered " + res.statusCode() + ": " + res.body());
      }
    } catch (IOException e) {
      throw new AssertionError("Uber webhook failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonObject statusBody(String status, Instant eta) {
    JsonObject body = new JsonObject().put("status", status);
    if (eta != null) {
      body.put("eta", eta.toString());
    }
    return body;
  }

  /** The status a plain GET of the WebSocket URL answers (what the page's link check sees). */
  int probe(String token) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/ws/track?token=" + token)).GET().build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private JsonObject post(String path, String key, JsonObject body, int expected) {
    HttpRequest req = HttpRequest.newBuilder(URI.create(baseUrl() + path))
        .header("Authorization", "Bearer " + key)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.encode()))
        .timeout(Duration.ofSeconds(10))
        .build();
    try {
      HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
      if (res.statusCode() != expected) {
        throw new AssertionError("POST " + path + " answered " + res.statusCode() + ": " + res.body());
      }
      return new JsonObject(res.body());
    } catch (IOException e) {
      throw new AssertionError("POST " + path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try {
      if (server != null) {
        Await.result(server.close());
      }
    } finally {
      Await.result(vertx.close());
    }
  }
}
