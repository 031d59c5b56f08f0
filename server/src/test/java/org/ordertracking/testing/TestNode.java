package org.ordertracking.testing;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ordertracking.model.OrderId;
import org.ordertracking.server.TrackingServer;

/**
 * A deployment started in-process on free ports, with a client that speaks its API: one node with
 * every role, or a split one (a gateway node, an ingest node and an adapters node on one Redis)
 * behind the same methods, so the same contract tests run against both. Calls go where a load
 * balancer would send them: {@code /api/} and {@code /webhooks/} to the ingest node, everything
 * else (sockets, the page, health) to the gateway node.
 */
public final class TestNode implements AutoCloseable {
  public static final String SECRET = "test-secret-that-is-at-least-32-bytes-long";
  public static final String ADMIN_KEY = "admin-key-for-tests";
  public static final String API_KEY = "api-key-for-tests";
  public static final String OTHER_API_KEY = "other-api-key-for-tests";

  private final Vertx vertx;
  private final TrackingServer gateway;
  private final TrackingServer ingest;
  private final List<TrackingServer> servers;
  private final WebClient http;

  private TestNode(Vertx vertx, List<TrackingServer> servers) {
    this.vertx = vertx;
    this.servers = servers;
    this.gateway = servers.get(0);
    this.ingest = servers.get(servers.size() > 1 ? 1 : 0);
    this.http = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1"));
  }

  /** Base environment: secrets and keys; {@code redisUrl} null for the memory engine. */
  public static Map<String, String> env(String redisUrl) {
    Map<String, String> env = new HashMap<>();
    env.put("TRACKING_PORT", "0");
    env.put("TRACKING_HOST", "127.0.0.1");
    env.put("TRACKING_TOKEN_SECRET", SECRET);
    env.put("TRACKING_ADMIN_KEY", ADMIN_KEY);
    env.put("TRACKING_API_KEYS", "courierco=" + API_KEY + ",backend=" + OTHER_API_KEY);
    env.put("TRACKING_HTTP_INSTANCES", "2");
    env.put("TRACKING_WARMUP", "0"); // in-process nodes start ready at once (StartupWarmupTest covers it)
    if (redisUrl != null) {
      env.put("TRACKING_REDIS_URL", redisUrl);
    }
    return env;
  }

  /** Base environment for a node on the shared Redis Cluster ({@link RedisClusterFixture}). */
  public static Map<String, String> clusterEnv() {
    Map<String, String> env = env(RedisClusterFixture.shared().url());
    env.put("TRACKING_REDIS_MODE", "cluster");
    return env;
  }

  public static TestNode start(Vertx vertx, Map<String, String> env) {
    return new TestNode(vertx, List.of(Await.result(TrackingServer.start(vertx, env))));
  }

  /** A client for a node the caller started (e.g. on a Vert.x with metrics); closing it closes the node. */
  public static TestNode of(Vertx vertx, TrackingServer server) {
    return new TestNode(vertx, List.of(server));
  }

  /** Three nodes on the Redis of {@code env}, one role each: gateway, ingest, adapters. */
  public static TestNode startSplit(Vertx vertx, Map<String, String> env) {
    List<TrackingServer> servers = new ArrayList<>();
    for (String role : List.of("gateway", "ingest", "adapters")) {
      Map<String, String> nodeEnv = new HashMap<>(env);
      nodeEnv.put("TRACKING_ROLES", role);
      servers.add(Await.result(TrackingServer.start(vertx, nodeEnv)));
    }
    return new TestNode(vertx, servers);
  }

  /** The node serving sockets (the only node, unless split). */
  public TrackingServer server() {
    return gateway;
  }

  /** The gateway's port: sockets, the page, health. */
  public int port() {
    return gateway.port();
  }

  /** The ingest node's port: the API and webhooks (the same port, unless split). */
  public int ingestPort() {
    return ingest.port();
  }

  public HttpResponse<Buffer> request(HttpMethod method, String path, String key, String contentType, Buffer body) {
    int port = path.startsWith("/api/") || path.startsWith("/webhooks/") ? ingestPort() : port();
    var req = http.request(method, port, "127.0.0.1", path);
    if (key != null) {
      req.putHeader("Authorization", "Bearer " + key);
    }
    if (contentType != null) {
      req.putHeader("Content-Type", contentType);
    }
    return Await.result(body == null ? req.send() : req.sendBuffer(body));
  }

  public HttpResponse<Buffer> post(String path, JsonObject body) {
    return request(HttpMethod.POST, path, API_KEY, "application/json", Buffer.buffer(body.encode()));
  }

  public HttpResponse<Buffer> get(String path) {
    return request(HttpMethod.GET, path, API_KEY, null, null);
  }

  public JsonObject location(OrderId id, double lat, double lng) {
    var res = post("/api/v1/orders/" + id + "/location", new JsonObject().put("lat", lat).put("lng", lng));
    if (res.statusCode() != 202) {
      throw new AssertionError("location not accepted: " + res.statusCode() + " " + res.bodyAsString());
    }
    return res.bodyAsJsonObject();
  }

  public HttpResponse<Buffer> status(OrderId id, String status) {
    return post("/api/v1/orders/" + id + "/status", new JsonObject().put("status", status));
  }

  /** Mints a tracking link through the admin API and returns its token. */
  public String token(OrderId id) {
    return mint(id, new JsonObject()).getString("token");
  }

  public JsonObject mint(OrderId id, JsonObject body) {
    var res = request(HttpMethod.POST, "/api/v1/orders/" + id + "/tracking-links", ADMIN_KEY,
        "application/json", Buffer.buffer(body.encode()));
    if (res.statusCode() != 201) {
      throw new AssertionError("mint failed: " + res.statusCode() + " " + res.bodyAsString());
    }
    return res.bodyAsJsonObject();
  }

  public WsClient connect(String token) {
    return WsClient.connect(vertx, port(), token);
  }

  @Override
  public void close() {
    http.close();
    servers.forEach(s -> Await.result(s.close()));
  }
}
