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
 *   <li>Publishes the events in order, each with {@link PublishOptions#providerEvent}: the
 *       provider's event id as idempotency key and the forward-only status rule, both enforced
 *       inside the engine's one atomic publish (so concurrent or retried webhooks, on any node,
 *       can neither publish twice nor move a status backwards). Then answers 200: "duplicate" when
 *       every event was a repeat, else "accepted". An order already finished (the engine refuses
 *       later locations) is still a 200: the provider did nothing wrong and a retry would not help.
 *   <li>Only an unavailable engine is a 503. Nothing was remembered for the events that failed,
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

  /**
   * @param activeOrders the provider's poll registry to keep up to date from status events, or null
   *     for providers that are not polled
   */
  public WebhookHandler(
      CourierAdapter adapter,
      String secret,
      TrackingEngine engine,
      ActiveOrders activeOrders,
      AdapterMetrics metrics,
      Clock clock) {
    this.adapter = adapter;
    this.secret = secret;
    this.engine = engine;
    this.activeOrders = activeOrders;
    this.metrics = metrics;
    this.clock = clock;
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
    publishAll(decoded, 0, true)
        .compose(allRepeats -> updateActiveOrders(decoded).map(allRepeats ? "duplicate" : "accepted"))
        .onSuccess(
            result -> {
              metrics.count(provider, decoded.events().isEmpty() ? "ignored" : result);
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
        .publish(event, options(decoded, i))
        .onComplete(ar -> metrics.published(event.provider(), ar.succeeded() ? ar.result().outcome() : null))
        .compose(r -> publishAll(decoded, i + 1, repeatsSoFar && r.outcome() == Outcome.DUPLICATE));
  }

  /**
   * One idempotency key per event of a request (a request may carry several), namespaced by
   * provider. Every event is published forward-only; a provider event meaning "go back" (an
   * explicit unassignment) would be published with {@code new PublishOptions(key, false)} here.
   */
  private PublishOptions options(Decoded decoded, int index) {
    return PublishOptions.providerEvent(adapter.name() + ":" + decoded.eventId() + "#" + index);
  }

  private Future<Void> updateActiveOrders(Decoded decoded) {
    if (activeOrders == null || decoded.orderId() == null) {
      return Future.succeededFuture();
    }
    boolean terminal = false;
    boolean underWay = false;
    for (TrackingEvent e : decoded.events()) {
      if (e instanceof StatusChange st) {
        terminal |= st.status().isTerminal();
        underWay |= !st.status().isTerminal();
      }
    }
    if (terminal) {
      return activeOrders.remove(decoded.orderId());
    }
    return underWay ? activeOrders.touch(decoded.orderId()) : Future.succeededFuture();
  }

  private static void reply(RoutingContext ctx, int status, JsonObject body) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .end(body.encode());
  }
}
