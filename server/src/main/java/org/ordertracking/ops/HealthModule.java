package org.ordertracking.ops;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import org.ordertracking.http.HttpErrors;
import org.ordertracking.server.ServerModule;

/**
 * {@code /health/live} (the process runs) and {@code /health/ready} (start-up warm-up done, engine
 * up, not draining).
 */
public final class HealthModule implements ServerModule {
  private final NodeState node;

  public HealthModule(NodeState node) {
    this.node = node;
  }

  @Override
  public void mount(Router router) {
    router.get("/health/live").handler(ctx -> HttpErrors.sendJson(ctx, 200, new JsonObject().put("status", "live")));
    router
        .get("/health/ready")
        .handler(
            ctx ->
                node.readiness()
                    .ifPresentOrElse(
                        reason ->
                            HttpErrors.sendJson(
                                ctx, 503, new JsonObject().put("status", "not ready").put("reason", reason)),
                        () -> HttpErrors.sendJson(ctx, 200, new JsonObject().put("status", "ready"))));
  }
}
