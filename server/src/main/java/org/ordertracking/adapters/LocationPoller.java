package org.ordertracking.adapters;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.PromiseInternal;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.buffer.Buffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.ordertracking.engine.TrackingEngine;
import org.ordertracking.ingest.DeliveryLinks;
import org.ordertracking.ingest.DeliveryLinks.Delivery;
import org.ordertracking.model.OrderId;
import org.ordertracking.model.PublishResult;
import org.ordertracking.model.TrackingEvent.LocationUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a provider's {@link LocationResource} for its active orders and publishes what it reads.
 *
 * <ul>
 *   <li>Which orders: {@link ActiveOrders}, re-read every round, so a restarted node picks up where
 *       the last one left off (in Redis with the Redis engine).
 *   <li>Which id to ask the provider for: the delivery id of the order's current {@link
 *       DeliveryLinks delivery link} when it names this provider (its positions are published to
 *       our order, and each applied one renews the link), else our order id, the merchant reference
 *       the provider was given. An order linked to another provider's delivery since is dropped from
 *       the active orders (counted {@code poll_superseded}): that fleet no longer carries it.
 *   <li>When: each order has a fixed phase within the interval (a hash of its id), so polls are
 *       spread over the interval rather than fired together, and an order is polled at most once
 *       per interval across all nodes ({@link PollGate}, keyed by our order id: one order follows
 *       one delivery at a time).
 *   <li>Bounded: at most {@code maxInFlight} requests at once (a poll due while all are busy is
 *       skipped this round and counted), each with a timeout; at most {@code maxOrders} per round.
 *   <li>Authorised: with an OAuth2 client-credentials token ({@link OAuthTokens}: cached,
 *       refreshed before it expires); a 401 renews the token and retries the request once.
 *   <li>Back-off: a 429 pauses the whole provider for its Retry-After (or an exponential back-off),
 *       so does a token endpoint that fails; a 5xx, timeout or connection error backs that order
 *       off the same way.
 *   <li>Stops: an order whose status went terminal (the engine refuses its locations) or that the
 *       provider no longer knows (404) is removed from the active orders.
 * </ul>
 *
 * All mutable state is confined to the context {@link #start} runs on.
 */
public final class LocationPoller {
  private static final Logger LOG = LoggerFactory.getLogger(LocationPoller.class);

  private final Vertx vertx;
  private final WebClient client;
  private final LocationResource resource;
  private final PollerSettings settings;
  private final ActiveOrders activeOrders;
  private final PollGate gate;
  private final DeliveryLinks links;
  private final TrackingEngine engine;
  private final AdapterMetrics metrics;
  private final Clock clock;
  private final Backoff backoff;
  private final String provider;
  private final OAuthTokens tokens;

  private ContextInternal context;
  private long roundTimer = -1;
  private final Set<Long> pollTimers = new HashSet<>();
  private final Map<OrderId, Failure> failures = new HashMap<>();
  private long providerPausedUntil;
  private int providerFailures;
  private int inFlight;
  private boolean stopped;

  private record Failure(int count, long untilMillis) {}

  /** What to ask the provider for an order: its id there, and the link naming it (or null). */
  private record Target(String providerId, Delivery link) {}

  public LocationPoller(
      Vertx vertx,
      WebClient client,
      LocationResource resource,
      PollerSettings settings,
      ActiveOrders activeOrders,
      PollGate gate,
      DeliveryLinks links,
      TrackingEngine engine,
      AdapterMetrics metrics,
      Clock clock) {
    this.vertx = vertx;
    this.client = client;
    this.resource = resource;
    this.settings = settings;
    this.activeOrders = activeOrders;
    this.gate = gate;
    this.links = links;
    this.engine = engine;
    this.metrics = metrics;
    this.clock = clock;
    this.provider = resource.name();
    this.backoff = new Backoff(settings.interval(), settings.maxBackoff());
    this.tokens =
        settings.auth() == null ? null : new OAuthTokens(client, settings.auth(), clock, settings.timeout());
  }

  /**
   * A client sized for the settings: as many connections as requests may be in flight, so no poll
   * waits in the pool (a queued poll would reach the provider late and bunch up with the next).
   */
  public static WebClient client(Vertx vertx, PollerSettings settings) {
    return WebClient.create(
        vertx,
        new WebClientOptions().setConnectTimeout((int) settings.timeout().toMillis()),
        new PoolOptions().setHttp1MaxSize(settings.maxInFlight()));
  }

  /** Starts the rounds: one now, then one per interval. */
  public Future<Void> start() {
    Context current = vertx.getOrCreateContext();
    context = (ContextInternal) current;
    PromiseInternal<Void> started = context.promise();
    context.runOnContext(
        v -> {
          roundTimer = vertx.setPeriodic(1, settings.interval().toMillis(), id -> round());
          LOG.info(
              "Polling {} every {} ms, at most {} requests in flight",
              provider,
              settings.interval().toMillis(),
              settings.maxInFlight());
          started.complete();
        });
    return started.future();
  }

  public Future<Void> stop() {
    PromiseInternal<Void> done = context.promise();
    context.runOnContext(
        v -> {
          stopped = true;
          vertx.cancelTimer(roundTimer);
          pollTimers.forEach(vertx::cancelTimer);
          pollTimers.clear();
          done.complete();
        });
    return done.future();
  }

  /** Requests in flight now (for tests of the bound). */
  public Future<Integer> inFlight() {
    PromiseInternal<Integer> p = context.promise();
    context.runOnContext(v -> p.complete(inFlight));
    return p.future();
  }

  private void round() {
    if (stopped) {
      return;
    }
    onLoop(activeOrders.list())
        .onSuccess(this::schedule)
        .onFailure(err -> LOG.warn("Could not list active {} orders: {}", provider, err.getMessage()));
  }

  private void schedule(List<OrderId> orders) {
    if (stopped) {
      return;
    }
    failures.keySet().retainAll(new HashSet<>(orders));
    long interval = settings.interval().toMillis();
    int n = Math.min(orders.size(), settings.maxOrders());
    for (int i = 0; i < n; i++) {
      OrderId order = orders.get(i);
      long delay = 1 + Math.floorMod(order.value().hashCode() * 0x9E3779B1L, interval);
      long[] id = new long[1];
      id[0] =
          vertx.setTimer(
              delay,
              t -> {
                pollTimers.remove(id[0]);
                pollIfDue(order);
              });
      pollTimers.add(id[0]);
    }
  }

  private void pollIfDue(OrderId order) {
    long now = clock.millis();
    Failure f = failures.get(order);
    if (stopped || now < providerPausedUntil || (f != null && now < f.untilMillis())) {
      return;
    }
    if (inFlight >= settings.maxInFlight()) {
      metrics.count(provider, "poll_skipped");
      return;
    }
    inFlight++;
    // Hold the gate a little under one interval, so this order's next phase finds it open.
    Duration hold = Duration.ofMillis(settings.interval().toMillis() * 9 / 10);
    onLoop(gate.tryAcquire(provider, order, hold))
        .compose(open -> open ? target(order) : Future.<Target>succeededFuture())
        .compose(target -> target != null ? fetch(order, target) : Future.succeededFuture())
        .onComplete(ar -> inFlight--)
        .onFailure(err -> LOG.debug("Poll of {} {} failed: {}", provider, order, err.getMessage()));
  }

  /**
   * The order's id with the provider (see the class comment); null, and the order dropped, when it
   * follows another provider's delivery now.
   */
  private Future<Target> target(OrderId order) {
    return onLoop(links.currentOf(order))
        .compose(
            current -> {
              if (current == null) {
                return Future.succeededFuture(new Target(order.value(), null));
              }
              if (current.provider().equals(provider)) {
                return Future.succeededFuture(new Target(current.deliveryId(), current));
              }
              metrics.count(provider, "poll_superseded");
              failures.remove(order);
              return onLoop(activeOrders.remove(order)).map((Target) null);
            });
  }

  private Future<Void> fetch(OrderId order, Target target) {
    return onLoop(tokens == null ? Future.<String>succeededFuture() : tokens.token())
        .transform(t -> t.succeeded() ? attempt(order, target, t.result(), true) : authFailed(t.cause()));
  }

  /** One request; a 401 on a token renews it and tries once more ({@code mayRenew}). */
  private Future<Void> attempt(OrderId order, Target target, String token, boolean mayRenew) {
    var request =
        client.getAbs(settings.baseUrl() + resource.path(target.providerId())).timeout(settings.timeout().toMillis());
    if (token != null) {
      request.bearerTokenAuthentication(token);
    }
    return onLoop(request.send())
        .transform(
            ar -> {
              if (ar.failed()) {
                boolean timeout = isTimeout(ar.cause());
                metrics.count(provider, timeout ? "poll_timeout" : "poll_error");
                failed(order, null);
                return Future.succeededFuture();
              }
              if (ar.result().statusCode() == 401 && token != null) {
                metrics.count(provider, "poll_unauthorized");
                if (mayRenew) {
                  return onLoop(tokens.renew(token))
                      .transform(t -> t.succeeded() ? attempt(order, target, t.result(), false) : authFailed(t.cause()));
                }
                failed(order, null);
                return Future.succeededFuture();
              }
              return handle(order, target, ar.result());
            });
  }

  /** No token to be had: the whole provider waits (every request would fail alike). */
  private Future<Void> authFailed(Throwable cause) {
    metrics.count(provider, "poll_auth_error");
    providerFailures++;
    providerPausedUntil = clock.millis() + backoff.after(providerFailures).toMillis();
    LOG.warn("Could not get a {} access token: {}", provider, cause.getMessage());
    return Future.succeededFuture();
  }

  /** Token requests made so far (for tests of the refresh). */
  public long tokenFetches() {
    return tokens == null ? 0 : tokens.fetches();
  }

  private Future<Void> handle(OrderId order, Target target, HttpResponse<Buffer> response) {
    int status = response.statusCode();
    if (status == 200) {
      return published(order, target, response);
    }
    if (status == 404) {
      metrics.count(provider, "poll_gone");
      failures.remove(order);
      return onLoop(activeOrders.remove(order));
    }
    String retryAfter = response.getHeader("Retry-After");
    if (status == 429) {
      metrics.count(provider, "poll_throttled");
      // Rate limits are per client, not per order: pause them all.
      providerFailures++;
      Duration wait =
          RetryAfter.parse(retryAfter, clock.instant(), settings.maxBackoff())
              .orElseGet(() -> backoff.after(providerFailures));
      providerPausedUntil = clock.millis() + wait.toMillis();
      return Future.succeededFuture();
    }
    metrics.count(provider, "poll_error");
    failed(order, status >= 500 ? retryAfter : null);
    return Future.succeededFuture();
  }

  private Future<Void> published(OrderId order, Target target, HttpResponse<Buffer> response) {
    failures.remove(order);
    providerFailures = 0;
    Optional<LocationUpdate> update;
    try {
      Buffer body = response.body() == null ? Buffer.buffer() : response.body();
      update = resource.decode(order, body, clock.instant());
    } catch (MalformedPayload e) {
      metrics.count(provider, "poll_malformed");
      LOG.debug("Malformed {} location for {}: {}", provider, order, e.getMessage());
      return Future.succeededFuture();
    }
    metrics.count(provider, "poll_ok");
    if (update.isEmpty()) {
      return Future.succeededFuture();
    }
    return onLoop(engine.publish(update.get()))
        .onComplete(ar -> metrics.published(provider, ar.succeeded() ? ar.result().outcome() : null))
        .compose(
            r -> {
              if (r.outcome() == PublishResult.Outcome.REFUSED_TERMINAL) {
                return onLoop(activeOrders.remove(order));
              }
              if (r.applied() && target.link() != null) {
                // The order's state lives on from this position: so does the link it came through.
                return onLoop(links.renew(order, target.link()));
              }
              return Future.succeededFuture();
            });
  }

  private void failed(OrderId order, String retryAfter) {
    Failure previous = failures.get(order);
    int count = previous == null ? 1 : previous.count() + 1;
    Duration wait =
        RetryAfter.parse(retryAfter, clock.instant(), settings.maxBackoff())
            .orElseGet(() -> backoff.after(count));
    failures.put(order, new Failure(count, clock.millis() + wait.toMillis()));
  }

  private static boolean isTimeout(Throwable err) {
    return err instanceof TimeoutException
        || (err.getMessage() != null && err.getMessage().toLowerCase().contains("timeout"));
  }

  /** Completes on the poller's context whatever context the source future completes on. */
  private <T> Future<T> onLoop(Future<T> f) {
    PromiseInternal<T> p = context.promise();
    f.onComplete(p);
    return p.future();
  }
}
