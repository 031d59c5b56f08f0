package org.ordertracking.adapters;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.Collection;

/**
 * {@code GET /webhooks/<provider>} for providers that verify their webhook URL before sending
 * ({@link UrlVerification}): the provider's check value is echoed as plain text (never as HTML:
 * {@code nosniff}), a malformed check is a 400. Mounted for enabled providers only.
 */
public final class VerificationRoutes {
  private VerificationRoutes() {}

  /** Mounts the GET routes; call before the catch-all {@code /webhooks/*} route. */
  public static void mount(Router router, Collection<CourierAdapter> adapters, Collection<String> enabled) {
    for (CourierAdapter adapter : adapters) {
      if (adapter instanceof UrlVerification verification && enabled.contains(adapter.name())) {
        router
            .get("/webhooks/" + adapter.name())
            .handler(
                rc -> {
                  String answer = verification.verificationAnswer(rc.queryParams());
                  if (answer == null) {
                    rc.response()
                        .setStatusCode(400)
                        .putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("error", "check query parameter is required").encode());
                    return;
                  }
                  rc.response()
                      .putHeader("Content-Type", "text/plain; charset=utf-8")
                      .putHeader("X-Content-Type-Options", "nosniff")
                      .putHeader("Cache-Control", "no-store")
                      .end(answer);
                });
      }
    }
  }
}
