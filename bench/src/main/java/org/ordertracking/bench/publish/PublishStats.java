package org.ordertracking.bench.publish;

import io.vertx.core.json.JsonObject;

/**
 * What a publisher did in one step: events offered, acknowledged, refused, and how far its own
 * schedule fell behind (a publisher that cannot keep its rate makes the step invalid, not the
 * server slow).
 */
public record PublishStats(
    long offered, long acknowledged, long failed, long notApplied, long receivers, long maxBehind, double seconds) {

  public JsonObject toJson() {
    return new JsonObject()
        .put("offered", offered)
        .put("acknowledged", acknowledged)
        .put("failed", failed)
        .put("notApplied", notApplied)
        .put("receivers", receivers)
        .put("maxBehind", maxBehind)
        .put("seconds", seconds)
        .put("rate", seconds > 0 ? Math.round(offered / seconds) : 0);
  }
}
