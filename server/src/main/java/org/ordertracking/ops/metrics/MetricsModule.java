package org.ordertracking.ops.metrics;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import java.util.function.IntSupplier;
import org.ordertracking.server.ServerModule;

/**
 * {@code GET /metrics} in the Prometheus text format: on the main listener, or, with {@code
 * TRACKING_METRICS_PORT}, on a management listener of its own (and then not on the main one).
 */
public final class MetricsModule implements ServerModule {
  static final String UPGRADE_PATH = "/ws/track";
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  /** How often the aggregate activity line may be logged (only when something happened). */
  static final long ACTIVITY_EVERY_SECONDS = 60;

  private final Vertx vertx;
  private final Telemetry telemetry;
  private final IntSupplier socketsOpen;
  private HttpServer management;
  private long activityTimer = -1;

  /** @param socketsOpen the node's open sockets, for the periodic activity line */
  public MetricsModule(Vertx vertx, Telemetry telemetry, IntSupplier socketsOpen) {
    this.vertx = vertx;
    this.telemetry = telemetry;
    this.socketsOpen = socketsOpen;
  }

  /** Mounted before the gateway (server/Modules), so that its refusals are counted here. */
  @Override
  public void mount(Router router) {
    router.get(UPGRADE_PATH).handler(new UpgradeRefusals(telemetry.metrics()));
    if (!telemetry.config().separatePort()) {
      router.get("/metrics").handler(ctx -> answer(ctx.request()));
    }
  }

  @Override
  public Future<Void> start() {
    telemetry.totals().ifPresent(start -> {
      ActivityLog activity = new ActivityLog(start);
      activityTimer = vertx.setPeriodic(ACTIVITY_EVERY_SECONDS * 1000, id -> telemetry.totals()
          .ifPresent(now -> activity.report(now, socketsOpen.getAsInt(), ACTIVITY_EVERY_SECONDS)));
    });
    MetricsConfig config = telemetry.config();
    if (!config.separatePort()) {
      return Future.succeededFuture();
    }
    management = vertx.createHttpServer(new HttpServerOptions().setHost(config.host()).setPort(config.port()));
    return management
        .requestHandler(req -> {
          if (req.method().name().equals("GET") && req.path().equals("/metrics")) {
            answer(req);
          } else {
            req.response().setStatusCode(404).putHeader("Content-Type", "application/json")
                .end("{\"error\":\"only GET /metrics is served here\"}");
          }
        })
        .listen()
        .mapEmpty();
  }

  private void answer(HttpServerRequest req) {
    req.response().putHeader("Content-Type", CONTENT_TYPE).putHeader("Cache-Control", "no-store")
        .end(telemetry.scrape());
  }

  /** The management listener's port; -1 when metrics are served on the main port. */
  public int managementPort() {
    return management == null ? -1 : management.actualPort();
  }

  @Override
  public Future<Void> stop() {
    if (activityTimer >= 0) {
      vertx.cancelTimer(activityTimer);
    }
    return management == null ? Future.succeededFuture() : management.close();
  }
}
