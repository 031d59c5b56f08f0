package org.ordertracking.http;

import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answers nobody else gave, all JSON {@code {"error": ...}}: unmatched routes, failures no
 * route handled (a body over its limit, a broken chunked body, an undecodable path), and requests
 * the HTTP decoder could not parse. An upload the client aborted is not an error of the server:
 * it is counted and reported as one periodic warning, never logged one by one.
 */
final class RouterErrors {
  private static final Logger LOG = LoggerFactory.getLogger(RouterErrors.class);
  /** Codes a failure may carry; 200 is what Vert.x Web's body handler fails with when the request breaks. */
  private static final int[] CODES = {200, 400, 401, 403, 404, 405, 406, 408, 411, 413, 414, 415, 417, 429,
      431, 500, 501, 503};

  private RouterErrors() {}

  static void install(Router router, HttpGuard guard) {
    for (int code : CODES) {
      router.errorHandler(code, ctx -> answer(ctx, code, guard));
    }
  }

  private static void answer(RoutingContext ctx, int code, HttpGuard guard) {
    Throwable failure = ctx.failure();
    if (ctx.response().closed() || failure instanceof HttpClosedException) {
      guard.aborted();
      return;
    }
    switch (code) {
      case 200, 400 -> HttpErrors.send(ctx, 400, "malformed request");
      case 404 -> HttpErrors.send(ctx, 404, "no such resource: " + ctx.request().path());
      case 413 -> HttpErrors.send(ctx, 413, "request body is too large");
      case 500 -> {
        LOG.error("Unhandled failure on {} {}", ctx.request().method(), loggable(ctx.request().path()), failure);
        HttpErrors.send(ctx, 500, "internal error");
      }
      default -> HttpErrors.send(ctx, code, reason(code));
    }
  }

  /** For requests the HTTP decoder rejected: 414, 431 or 400, then the connection is closed. */
  static void invalidRequest(HttpServerRequest req) {
    Throwable cause = req.decoderResult().cause();
    int status;
    String message;
    if (cause instanceof TooLongHttpLineException) {
      status = 414;
      message = "request line is too long";
    } else if (cause instanceof TooLongHttpHeaderException) {
      status = 431;
      message = "request headers are too large";
    } else if (cause instanceof TooLongFrameException) {
      status = 400;
      message = "request is too large";
    } else {
      status = 400;
      message = "malformed HTTP request";
    }
    req.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .putHeader("Connection", "close")
        .end(new JsonObject().put("error", message).encode())
        .onComplete(ar -> req.connection().close());
  }

  /** A path fit for the log: a tracking page's path carries its token, which is a secret. */
  static String loggable(String path) {
    return path != null && path.startsWith("/track/") ? "/track/***" : path;
  }

  private static String reason(int code) {
    return HttpResponseStatus.valueOf(code).reasonPhrase().toLowerCase(Locale.ROOT);
  }
}
