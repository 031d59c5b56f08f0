package org.ordertracking.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.ordertracking.auth.ApiKeys;
import org.ordertracking.http.HttpErrors;
import org.ordertracking.ingest.DeliveryLinks.Delivery;
import org.ordertracking.model.Limits;
import org.ordertracking.model.OrderId;
import org.ordertracking.model.Times;
import org.ordertracking.server.ServerModule;

/**
 * {@code POST /api/v1/orders/{orderId}/deliveries} with {@code {"provider":"uber","deliveryId":"…"}}
 * (an ingest API key): the order follows that provider's delivery from now on ({@link
 * DeliveryLinks}). 201 with the link and when it expires; 400 naming the field for bad input; 503
 * when the store is unavailable (nothing was linked, or the same link is simply made again).
 */
public final class DeliveryLinkModule implements ServerModule {
  private static final int BODY_LIMIT = 4 * 1024;

  private final DeliveryLinks links;
  private final Set<String> providers;
  private final IngestAuth auth;
  private final Clock clock;
  private final Duration ttl;

  /**
   * @param providers the provider names a link may use (every provider the server knows)
   * @param ttl how long a link lives (the order's state ttl), for the answer's {@code expiresAt}
   */
  public DeliveryLinkModule(
      DeliveryLinks links, Set<String> providers, ApiKeys keys, Clock clock, Duration ttl) {
    this.links = links;
    this.providers = new TreeSet<>(providers);
    this.auth = new IngestAuth(keys);
    this.clock = clock;
    this.ttl = ttl;
  }

  @Override
  public void mount(Router router) {
    String path = "/api/v1/orders/:orderId/deliveries";
    router.post(path).handler(auth.apiKey()).handler(IngestAuth.json(false));
    var route = router.post(path);
    route
        .handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT))
        .handler(ctx -> {
          try {
            link(ctx);
          } catch (InvalidInput e) {
            HttpErrors.send(ctx, 400, e.getMessage());
          }
        });
    route.failureHandler(ctx -> HttpErrors.failure(ctx, BODY_LIMIT));
  }

  private void link(RoutingContext ctx) throws InvalidInput {
    OrderId order = EventParser.orderId(ctx.pathParam("orderId"), "orderId");
    Delivery delivery = delivery(IngestModule.parse(ctx));
    links
        .link(order, delivery)
        .onSuccess(v -> HttpErrors.sendJson(ctx, 201, new JsonObject()
            .put("orderId", order.value())
            .put("provider", delivery.provider())
            .put("deliveryId", delivery.deliveryId())
            .put("expiresAt", Times.format(clock.instant().plus(ttl)))))
        .onFailure(err -> {
          ctx.response().putHeader("Retry-After", IngestModule.RETRY_AFTER_SECONDS);
          HttpErrors.send(ctx, 503, "delivery links unavailable; retry later");
        });
  }

  /** The body's delivery, checked: a provider the server knows and a usable id. */
  Delivery delivery(JsonNode body) throws InvalidInput {
    if (!body.isObject()) {
      throw new InvalidInput("body must be a JSON object");
    }
    JsonNode p = body.get("provider");
    if (p == null || p.isNull()) {
      throw new InvalidInput("provider is required");
    }
    if (!p.isTextual() || !providers.contains(p.asText())) {
      throw new InvalidInput("provider must be one of " + String.join(", ", providers));
    }
    JsonNode d = body.get("deliveryId");
    if (d == null || d.isNull()) {
      throw new InvalidInput("deliveryId is required");
    }
    if (!d.isTextual() || d.asText().isBlank()) {
      throw new InvalidInput("deliveryId must be a non-empty string");
    }
    String id = d.asText();
    if (id.length() > Limits.ID) {
      throw new InvalidInput("deliveryId must be at most " + Limits.ID + " characters");
    }
    if (id.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidInput("deliveryId must not contain control characters");
    }
    return new Delivery(p.asText(), id);
  }
}
