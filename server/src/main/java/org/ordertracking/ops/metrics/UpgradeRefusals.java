package org.ordertracking.ops.metrics;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Counts refused upgrades to {@code /ws/track} by the status the gateway answers them with (401
 * token, 429 node full, 503 draining or not ready), without reaching into the gateway: mounted
 * ahead of it on the same path, it looks at the status once the response's headers are written.
 * Per upgrade request, not per frame.
 */
final class UpgradeRefusals implements Handler<RoutingContext> {
  private final Metrics metrics;

  UpgradeRefusals(Metrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void handle(RoutingContext ctx) {
    ctx.addHeadersEndHandler(v -> {
      switch (ctx.response().getStatusCode()) {
        case 401 -> metrics.refused(Refusal.UNAUTHORIZED);
        case 429 -> metrics.refused(Refusal.FULL);
        case 503 -> metrics.refused(Refusal.NOT_READY);
        default -> {}
      }
    });
    ctx.next();
  }
}
