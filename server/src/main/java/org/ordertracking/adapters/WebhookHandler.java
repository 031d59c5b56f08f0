package org.ordertracking.adapters;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;
import org.ordertracking.engine.PublishOptions;
import org.ordertracking.engine.TrackingEngine;
import org.ordertracking.ingest.DeliveryLinks;
import org.ordertracking.model.PublishResult.Outcome;
import org.ordertracking.model.TrackingEvent;
import org.ordertracking.model.TrackingEvent.StatusChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one webhook transport: {@code POST /webhooks/<provider>} for any {@link CourierAdapter}.
 *
 * <ol>
 *   <li>Authenticates on the raw bytes first: 401, nothing parsed or published, when that fails.
 *   <li>Decodes: 400 with the decoder's reason when the payload cannot be mapped.
 *   <li>Resolves the order ({@link DeliveryResolver}): an explicit delivery link, else the
 *       provider's merchant reference. A delivery that resolves to no order ("unlinked"), or whose
 *       order follows another delivery now ("superseded"), is a counted 200 and publishes nothing:
 *       a 400 would make the provider retry forever.
 *   <li>Publishes the events in order, each with {@link PublishOptions#providerEvent}: the
 *       provider's event id as idempotency key and the forward-only status rule, both enforced
 *       inside the engine's one atomic publish (so concurrent or retried webhooks, on any node,
 *       can neither publish twice nor move a status backwards). A delivery resolved through its
 *       link renews the link (it lives as long as the order's state). Then answers 200: "duplicate" when
 *       every event was a repeat, else "accepted". An order already finished (the engine refuses
 *       later locations) is still a 200: the provider did nothing wrong and a retry would not help.
 *   <li>Only an unavailable engine (or link store) is a 503. Nothing was remembered for the events that failed,
 *       so the provider's retry is applied (events it did publish are duplicates then).
 * </ol>
 *
 * Stateless apart from its collaborators, so one instance serves every event loop.
 */
public final class WebhookHandler implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookHandler.class);

  private final CourierAdapter adapter;
  private final String secret;
  private final TrackingEngine engine;
  private final ActiveOrders activeOrders;
  private final AdapterMetrics metrics;
  private final Clock clock;
  private final DeliveryLinks links;
  private final DeliveryResolver resolver;

  /**
   * @param activeOrders the provider's poll registry to keep up to date from status events, or null
   *     for providers that are not polled
   * @param links the delivery links webhooks resolve their deliveries through
   */
  public WebhookHandler(
      CourierAdapter adapter,
      String secret,
      TrackingEngine engine,
      ActiveOrders activeOrders,
      DeliveryLinks links,
      AdapterMetrics metrics,
      Clock clock) {
    this.adapter = adapter;
    this.secret = secret;
    this.engine = engine;
    this.activeOrders = activeOrders;
    this.metrics = metrics;
    this.clock = clock;
    this.links = links;
    this.resolver = new DeliveryResolver(links);
  }

  @Override
  public void handle(RoutingContext ctx) {
    String provider = adapter.name();
    Buffer body = ctx.body().buffer();
    if (body == null) {
      body = Buffer.buffer();
    }
    if (!adapter.authentic(ctx.request().headers(), body, secret)) {
      metrics.count(provider, "unauthorized");
      reply(ctx, 401, new JsonObject().put("error", "invalid or missing signature"));
      return;
    }
    Decoded decoded;
    try {
      decoded = adapter.decode(ctx.request().headers(), body, clock.instant());
    } catch (MalformedPayload e) {
      metrics.count(provider, "malformed");
      LOG.debug("Malformed {} webhook: {}", provider, e.getMessage());
      reply(ctx, 400, new JsonObject().put("error", e.getMessage()));
      return;
    }
    if (!decoded.publishes()) {
      metrics.count(provider, "ignored");
      reply(ctx, 200, new JsonObject().put("status", "ignored"));
      return;
    }
    resolver
        .resolve(provider, decoded)
        .compose(
            resolution -> {
              if (resolution.order() == null) {
                // Acknowledged, never 400: the provider would retry forever. Counted, so an
                // operator sees deliveries nobody linked.
                return Future.succeededFuture(
                    resolution.outcome() == DeliveryResolver.Outcome.UNLINKED ? "unlinked" : "superseded");
              }
              Decoded resolved =
                  resolution.order().equals(decoded.orderId()) ? decoded : decoded.forOrder(resolution.order());
              if (resolved.events().isEmpty()) {
                return Future.succeededFuture("ignored"); // e.g. a status the mapping does not know
              }
              return publishAll(resolved, 0, true)
                  .compose(allRepeats -> renewLink(resolution, allRepeats).map(allRepeats))
                  .compose(allRepeats ->
                      updateActiveOrders(resolved).map(allRepeats ? "duplicate" : "accepted"));
            })
        .onSuccess(
            result -> {
              metrics.count(provider, result);
              reply(ctx, 200, new JsonObject().put("status", result));
            })
        .onFailure(
            err -> {
              metrics.count(provider, "failed");
              LOG.warn("Could not accept a {} webhook: {}", provider, err.getMessage());
              reply(ctx, 503, new JsonObject().put("error", "temporarily unavailable, retry later"));
            });
  }

  /** Publishes events from {@code i} on, one after the other; true when all were repeats. */
  private Future<Boolean> publishAll(Decoded decoded, int i, boolean repeatsSoFar) {
    List<TrackingEvent> events = decoded.events();
    if (i == events.size()) {
      return Future.succeededFuture(repeatsSoFar && !events.isEmpty());
    }
    TrackingEvent event = events.get(i);
    return engine
        .publish(event, options(decoded, event, i))
        .onComplete(ar -> metrics.published(event.provider(), ar.succeeded() ? ar.result().outcome() : null))
        .compose(r -> publishAll(decoded, i + 1, repeatsSoFar && r.outcome() == Outcome.DUPLICATE));
  }

  /**
   * One idempotency key per event of a request (a request may carry several), namespaced by
   * provider, and the forward-only rule for progress. A status that names its courier carries the
   * provider's key for them, and an unassignment clears the courier: the engine lets a courier
   * change step the timeline back (unless the event is older than the order's last status).
   */
  private PublishOptions options(Decoded decoded, TrackingEvent event, int index) {
    PublishOptions options =
        PublishOptions.providerEvent(adapter.name() + ":" + decoded.eventId() + "#" + index);
    if (!(event instanceof StatusChange)) {
      return options;
    }
    options = options.at(decoded.occurredAt());
    return switch (decoded.assignment()) {
      case ASSIGNED -> options.naming(decoded.courierKey());
      case UNASSIGNED -> options.clearingCourier();
      case NONE -> options;
    };
  }

  /**
   * A link lives as long as the order's state, which the engine keeps for the state ttl after the
   * order's last event: events of the linked delivery were applied, so its link starts its ttl
   * again. A failure is the provider's retry's to repair (a 503, like an engine failure; the events
   * are duplicates then), so the link cannot silently expire under an order still under way.
   */
  private Future<Void> renewLink(DeliveryResolver.Resolution resolution, boolean allRepeats) {
    if (resolution.link() == null || allRepeats) {
      return Future.succeededFuture();
    }
    return links.renew(resolution.order(), resolution.link());
  }

  /**
   * The poll registry holds our order ids; the poller asks the provider about each through the
   * order's current delivery link (or by the order's own id when it has none), so a webhook
   * resolved either way keeps the order polled.
   */
  private Future<Void> updateActiveOrders(Decoded resolved) {
    if (activeOrders == null) {
      return Future.succeededFuture();
    }
    boolean terminal = false;
    boolean underWay = false;
    for (TrackingEvent e : resolved.events()) {
      if (e instanceof StatusChange st) {
        terminal |= st.status().isTerminal();
        underWay |= !st.status().isTerminal();
      }
    }
    if (terminal) {
      return activeOrders.remove(resolved.orderId());
    }
    return underWay ? activeOrders.touch(resolved.orderId()) : Future.succeededFuture();
  }

  private static void reply(RoutingContext ctx, int status, JsonObject body) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .end(body.encode());
  }
}
