package org.ordertracking.http;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Every error answer is JSON {@code {"error": "<what is wrong>"}}. */
public final class HttpErrors {
  private HttpErrors() {}

  public static void send(RoutingContext ctx, int status, String message) {
    HttpServerResponse res = ctx.response();
    if (res.headWritten() || res.closed()) {
      return;
    }
    sendJson(ctx, status, new JsonObject().put("error", message));
  }

  /** Answers, then closes the connection once the answer is written. */
  public static void sendAndClose(RoutingContext ctx, int status, String message) {
    HttpServerResponse res = ctx.response();
    if (res.headWritten() || res.closed()) {
      ctx.request().connection().close();
      return;
    }
    res.putHeader("Connection", "close");
    sendJson(ctx, status, new JsonObject().put("error", message))
        .onComplete(ar -> ctx.request().connection().close());
  }

  /**
   * Failure handler of a route with a body limit ({@code route.failureHandler(ctx ->
   * HttpErrors.failure(ctx, limit))}): a 413 says the limit; every other failure (an aborted
   * upload, a broken chunked body) goes on to the router-wide answers of {@link RouterErrors}.
   */
  public static void failure(RoutingContext ctx, int bodyLimit) {
    if (ctx.statusCode() == 413) {
      send(ctx, 413, "request body is larger than " + (bodyLimit / 1024) + " KiB");
    } else {
      ctx.next();
    }
  }

  public static Future<Void> sendJson(RoutingContext ctx, int status, JsonObject body) {
    return ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-store")
        .end(body.encode());
  }
}
