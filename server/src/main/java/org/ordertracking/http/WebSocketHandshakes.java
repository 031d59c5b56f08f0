package org.ordertracking.http;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.Base64;

/**
 * Refuses malformed WebSocket handshakes before any route sees them, as JSON: the codec would
 * answer a missing key or an {@code Upgrade: websocket2} with a plain-text 400 and accept an empty
 * key. RFC 6455 4.2.1: {@code Upgrade: websocket}, version 13 (else 426 naming the version we
 * speak), and a key of 16 random bytes in base64.
 */
final class WebSocketHandshakes {
  private WebSocketHandshakes() {}

  static void check(RoutingContext ctx) {
    HttpServerRequest req = ctx.request();
    if (!req.canUpgradeToWebSocket()) {
      ctx.next();
      return;
    }
    if (!names(req.getHeader("Upgrade"), "websocket")) {
      HttpErrors.send(ctx, 400, "Upgrade must be websocket");
    } else if (!"13".equals(req.getHeader("Sec-WebSocket-Version"))) {
      ctx.response().putHeader("Sec-WebSocket-Version", "13");
      HttpErrors.send(ctx, 426, "Sec-WebSocket-Version must be 13");
    } else if (!validKey(req.getHeader("Sec-WebSocket-Key"))) {
      HttpErrors.send(ctx, 400, "Sec-WebSocket-Key must be 16 random bytes in base64");
    } else {
      ctx.next();
    }
  }

  /** Whether the comma-separated header value lists {@code token} (case-insensitive). */
  private static boolean names(String header, String token) {
    if (header != null) {
      for (String t : header.split(",")) {
        if (t.trim().equalsIgnoreCase(token)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean validKey(String key) {
    if (key == null) {
      return false;
    }
    try {
      return Base64.getDecoder().decode(key.trim()).length == 16;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
