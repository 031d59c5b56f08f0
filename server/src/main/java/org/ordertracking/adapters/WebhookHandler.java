package org.ordertracking.adapters;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;
import org.ordertracking.engine.TrackingEngine;
import org.ordertracking.model.PublishResult;
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
 *   <li>Claims the provider's event id: a repeat is answered 200 and not published again.
 *   <li>Publishes the events in order, then answers 200. An order already finished (the engine
 *       refuses later locations) is still a 200: the provider did nothing wrong and a retry would
 *       not help. Only an unavailable engine is a 503, with the claim released so the provider's
 *       retry gets through.
 * </ol>
 *
 * Stateless apart from its collaborators, so one instance serves every event loop.
 */
public final class WebhookHandler implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookHandler.class);

  private final CourierAdapter adapter;
  private final String secret;
  private final IdempotencyStore ids;
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
      IdempotencyStore ids,
      TrackingEngine engine,
      ActiveOrders activeOrders,
      AdapterMetrics metrics,
      Clock clock) {
    this.adapter = adapter;
    this.secret = secret;
    this.ids = ids;
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
    ids.claim(provider, decoded.eventId())
        .compose(first -> first ? accept(decoded).map("accepted") : Future.succeededFuture("duplicate"))
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

  /** Publishes and records; on failure forgets the claim so a retry is processed. */
  private Future<Void> accept(Decoded decoded) {
    return publishAll(decoded.events(), 0)
        .compose(v -> updateActiveOrders(decoded))
        .recover(
            err ->
                ids.release(adapter.name(), decoded.eventId())
                    .transform(ignored -> Future.failedFuture(err)));
  }

  private Future<Void> publishAll(List<TrackingEvent> events, int i) {
    if (i == events.size()) {
      return Future.succeededFuture();
    }
    return publishOne(events.get(i)).compose(r -> publishAll(events, i + 1));
  }

  private Future<PublishResult> publishOne(TrackingEvent event) {
    if (event instanceof StatusChange st && !st.status().isTerminal()) {
      return engine
          .snapshot(st.orderId())
          .compose(
              snap ->
                  StatusProgress.isBehind(snap.status(), st.status())
                      ? Future.succeededFuture(
                          new PublishResult(PublishResult.Outcome.IGNORED, snap.seq()))
                      : engine.publish(event));
    }
    return engine.publish(event);
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
