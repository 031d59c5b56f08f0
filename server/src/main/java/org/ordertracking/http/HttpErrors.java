package org.ordertracking.http;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Every error answer is JSON {@code {"error": "<what is wrong>"}}. */
public final class HttpErrors {
  private HttpErrors() {}

  public static void send(RoutingContext ctx, int status, String message) {
    HttpServerResponse res = ctx.response();
    if (res.headWritten()) {
      return;
    }
    sendJson(ctx, status, new JsonObject().put("error", message));
  }

  /**
   * Failure handler of a route with a body limit: turns the body handler's bare 413 (and any
   * unexpected failure) into a JSON error.
   */
  public static void failure(RoutingContext ctx, int bodyLimit) {
    if (ctx.statusCode() == 413) {
      send(ctx, 413, "request body is larger than " + (bodyLimit / 1024) + " KiB");
    } else if (ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
      send(ctx, ctx.statusCode(), "bad request");
    } else {
      send(ctx, 500, "internal error");
    }
  }

  public static void sendJson(RoutingContext ctx, int status, JsonObject body) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-store")
        .end(body.encode());
  }
}
