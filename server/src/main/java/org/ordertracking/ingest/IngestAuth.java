package org.ordertracking.ingest;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.ordertracking.auth.ApiKeys;
import org.ordertracking.http.HttpErrors;

/** Route guards for the API: who is calling, and that the body is JSON. */
final class IngestAuth {
  static final String PROVIDER = "provider";

  private final ApiKeys keys;

  IngestAuth(ApiKeys keys) {
    this.keys = keys;
  }

  /** Requires an API key; remembers its name as the provider of the events. */
  Handler<RoutingContext> apiKey() {
    return ctx -> {
      String auth = ctx.request().getHeader("Authorization");
      keys.provider(auth)
          .ifPresentOrElse(
              name -> {
                ctx.put(PROVIDER, name);
                ctx.next();
              },
              () -> HttpErrors.send(ctx, 401, "missing or unknown API key (Authorization: Bearer <key>)"));
    };
  }

  Handler<RoutingContext> apiKeyOrAdmin() {
    return ctx -> {
      String auth = ctx.request().getHeader("Authorization");
      if (keys.isAdmin(auth) || keys.provider(auth).isPresent()) {
        ctx.next();
      } else {
        HttpErrors.send(ctx, 401, "missing or unknown API key (Authorization: Bearer <key>)");
      }
    };
  }

  Handler<RoutingContext> admin() {
    return ctx -> {
      if (keys.isAdmin(ctx.request().getHeader("Authorization"))) {
        ctx.next();
      } else {
        HttpErrors.send(ctx, 401, "missing or wrong admin key (Authorization: Bearer <TRACKING_ADMIN_KEY>)");
      }
    };
  }

  /** 415 unless the request says its body is JSON; {@code optionalBody} lets an empty body through. */
  static Handler<RoutingContext> json(boolean optionalBody) {
    return ctx -> {
      String type = ctx.request().getHeader("Content-Type");
      boolean isJson = type != null && type.toLowerCase().trim().matches("application/json\\s*(;.*)?");
      boolean empty = "0".equals(ctx.request().getHeader("Content-Length"))
          || (type == null && ctx.request().getHeader("Content-Length") == null
              && ctx.request().getHeader("Transfer-Encoding") == null);
      if (isJson || (optionalBody && empty)) {
        ctx.next();
      } else {
        HttpErrors.send(ctx, 415, "Content-Type must be application/json");
      }
    };
  }
}
