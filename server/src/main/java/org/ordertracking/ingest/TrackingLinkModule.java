package org.ordertracking.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.ordertracking.auth.ApiKeys;
import org.ordertracking.auth.TokenService;
import org.ordertracking.http.HttpErrors;
import org.ordertracking.model.OrderId;
import org.ordertracking.model.Times;
import org.ordertracking.server.ServerModule;

/** {@code POST /api/v1/orders/{orderId}/tracking-links}: the admin mints a customer's link. */
public final class TrackingLinkModule implements ServerModule {
  static final Duration DEFAULT_TTL = Duration.ofHours(6);
  static final Duration MAX_TTL = Duration.ofDays(7);
  private static final int BODY_LIMIT = 4 * 1024;

  private final List<String> secrets;
  private final ApiKeys keys;
  private final String publicUrl;
  private final Clock clock;

  public TrackingLinkModule(List<String> secrets, ApiKeys keys, String publicUrl, Clock clock) {
    this.secrets = secrets;
    this.keys = keys;
    this.publicUrl = publicUrl;
    this.clock = clock;
  }

  @Override
  public void mount(Router router) {
    TokenService tokens = new TokenService(secrets, clock); // one per event loop
    String path = "/api/v1/orders/:orderId/tracking-links";
    router.post(path).handler(new IngestAuth(keys).admin()).handler(IngestAuth.json(true));
    var route = router.post(path);
    route
        .handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT))
        .handler(ctx -> {
          try {
            mint(ctx, tokens);
          } catch (InvalidInput e) {
            HttpErrors.send(ctx, 400, e.getMessage());
          }
        });
    route.failureHandler(ctx -> HttpErrors.failure(ctx, BODY_LIMIT));
  }

  private void mint(RoutingContext ctx, TokenService tokens) throws InvalidInput {
    OrderId id = EventParser.orderId(ctx.pathParam("orderId"), "orderId");
    Duration ttl = ttl(ctx);
    java.time.Instant expiresAt = tokens.expiryFor(ttl);
    String token = tokens.mint(id, expiresAt);
    HttpErrors.sendJson(ctx, 201, new JsonObject()
        .put("token", token)
        .put("url", publicUrl + "/track/" + token)
        .put("expiresAt", Times.format(expiresAt)));
  }

  private static Duration ttl(RoutingContext ctx) throws InvalidInput {
    if (IngestModule.body(ctx) == null) {
      return DEFAULT_TTL;
    }
    JsonNode body = IngestModule.parse(ctx);
    if (!body.isObject()) {
      throw new InvalidInput("body must be a JSON object");
    }
    JsonNode ttl = body.get("ttlSeconds");
    if (ttl == null || ttl.isNull()) {
      return DEFAULT_TTL;
    }
    // canConvertToLong first: asLong() of a number beyond 64 bits wraps (2^64 + 1 would be 1 s).
    if (!ttl.isIntegralNumber() || !ttl.canConvertToLong()
        || ttl.asLong() < 1 || ttl.asLong() > MAX_TTL.toSeconds()) {
      throw new InvalidInput("ttlSeconds must be a whole number between 1 and " + MAX_TTL.toSeconds());
    }
    return Duration.ofSeconds(ttl.asLong());
  }
}
