package org.ordertracking.ops.admin;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import org.ordertracking.auth.ApiKeys;
import org.ordertracking.http.HttpErrors;
import org.ordertracking.ops.logging.RecentProblems;
import org.ordertracking.ops.metrics.MicrometerMetrics;
import org.ordertracking.server.ServerContext;
import org.ordertracking.server.ServerModule;

/**
 * The operator page: {@code GET /admin} (a static page, its script and style) and {@code GET
 * /admin/api/stats} (JSON, only with {@code Authorization: Bearer <TRACKING_ADMIN_KEY>}). The page
 * holds no data and no key: it asks for the key, keeps it in the tab's sessionStorage, and sends it
 * in the header, never in a URL. Served on every node, whatever its roles.
 */
public final class AdminModule implements ServerModule {
  static final String ROOT = "admin/";
  static final int BUSIEST = 10;
  /** Same spirit as the tracking page: nothing but our own script, style and API. */
  static final String CSP = String.join("; ",
      "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self'", "connect-src 'self'",
      "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'");

  private final ServerContext ctx;
  private final ApiKeys keys;
  private final BusiestOrders busiest;
  private final RecentProblems problems;
  private final Instant startedAt;
  private final String nodeId;
  private final Buffer html = resource("index.html");
  private final Buffer script = resource("admin.js");
  private final Buffer style = resource("admin.css");

  public AdminModule(ServerContext ctx, BusiestOrders busiest) {
    this.ctx = ctx;
    this.keys = new ApiKeys(java.util.Map.of(), ctx.config().auth().adminKey());
    this.busiest = busiest;
    this.problems = RecentProblems.shared();
    this.startedAt = ctx.clock().instant();
    // pid@host: names the process on its machine (a pod's host name is the pod's name).
    this.nodeId = ManagementFactory.getRuntimeMXBean().getName();
  }

  @Override
  public void mount(Router router) {
    router.get("/admin").handler(c -> page(c, html, "text/html; charset=utf-8"));
    router.get("/admin/admin.js").handler(c -> page(c, script, "text/javascript; charset=utf-8"));
    router.get("/admin/admin.css").handler(c -> page(c, style, "text/css; charset=utf-8"));
    router.get("/admin/api/stats").handler(this::stats);
  }

  private static void page(RoutingContext c, Buffer body, String type) {
    headers(c.response()).putHeader("Content-Type", type).end(body);
  }

  private static HttpServerResponse headers(HttpServerResponse res) {
    return res.putHeader("Cache-Control", "no-store")
        .putHeader("Content-Security-Policy", CSP)
        .putHeader("Referrer-Policy", "no-referrer")
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("X-Frame-Options", "DENY");
  }

  private void stats(RoutingContext c) {
    if (!keys.isAdmin(c.request().getHeader("Authorization"))) {
      headers(c.response());
      HttpErrors.send(c, 401, ctx.config().auth().adminKey() == null
          ? "the operator page needs TRACKING_ADMIN_KEY to be set"
          : "missing or wrong admin key (Authorization: Bearer <TRACKING_ADMIN_KEY>)");
      return;
    }
    snapshot().onComplete(ar -> {
      if (ar.succeeded()) {
        headers(c.response()).putHeader("Content-Type", "application/json").end(ar.result().encode());
      } else {
        HttpErrors.send(c, 500, "could not collect the node's figures");
      }
    });
  }

  /** Everything the page shows, now. */
  io.vertx.core.Future<JsonObject> snapshot() {
    Clock clock = ctx.clock();
    var node = ctx.node();
    String notReady = node.readiness().orElse(null); // what /health/ready says
    String engine = ctx.engine().name();
    JsonObject out = new JsonObject()
        .put("node", new JsonObject()
            .put("id", nodeId)
            .put("roles", new JsonArray(ctx.config().server().roles().stream()
                .map(r -> r.name().toLowerCase(java.util.Locale.ROOT)).sorted().toList()))
            .put("startedAt", startedAt.toString())
            .put("uptimeSeconds", clock.instant().getEpochSecond() - startedAt.getEpochSecond())
            .put("ready", notReady == null)
            .put("notReadyReason", notReady)
            .put("draining", node.draining()))
        .put("engine", new JsonObject()
            .put("name", engine)
            .put("redis", redisStatus(engine, notReady)))
        .put("sockets", new JsonObject()
            .put("open", node.connections())
            .put("limit", ctx.config().gateway().maxConnections()))
        .put("ordersWatched", ordersWatched())
        .put("now", clock.millis());
    java.util.Optional.ofNullable(ctx.telemetry()).flatMap(t -> t.totals()).ifPresentOrElse(t -> out.put("totals", totals(t)), () -> out.putNull("totals"));
    JsonArray recent = new JsonArray();
    problems.recent().forEach(p -> recent.add(new JsonObject().put("at", p.at().toString())
        .put("level", p.level()).put("logger", p.logger()).put("message", p.message())));
    out.put("recentProblems", recent);
    return busiest.top(BUSIEST).otherwise(java.util.List.of()).map(orders -> {
      JsonArray top = new JsonArray();
      orders.forEach(o -> top.add(new JsonObject()
          .put("orderId", o.orderId()).put("sockets", o.sockets()).put("frames", o.frames())));
      return out.put("busiestOrders", new JsonObject().put("available", busiest.available()).put("orders", top));
    });
  }

  private static String redisStatus(String engine, String notReady) {
    if (!engine.equals("redis")) {
      return "not used";
    }
    return notReady != null && notReady.contains("redis") ? "down: " + notReady : "up";
  }

  private long ordersWatched() {
    return ctx.engine() instanceof org.ordertracking.engine.Hub hub ? hub.subscriptions() : 0;
  }

  private static JsonObject totals(MicrometerMetrics.Totals t) {
    return new JsonObject()
        .put("connects", t.connects())
        .put("framesDelivered", t.framesDelivered())
        .put("conflated", t.conflated())
        .put("ingestEvents", t.ingestEvents())
        .put("webhooks", t.webhooks())
        .put("webhookSignatureFailures", t.webhookSignatureFailures())
        .put("engineReconnects", t.engineReconnects())
        .put("refusals", new JsonObject(new java.util.LinkedHashMap<>(t.refusals())))
        .put("closes", new JsonObject(new java.util.LinkedHashMap<>(t.closes())))
        .put("meanDeliveryLatencyMillis", t.meanDeliveryLatencyMillis());
  }

  private static Buffer resource(String name) {
    try (InputStream in = AdminModule.class.getClassLoader().getResourceAsStream(ROOT + name)) {
      if (in == null) {
        throw new IllegalStateException(ROOT + name + " is not on the classpath: broken build");
      }
      return Buffer.buffer(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
