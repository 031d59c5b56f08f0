package org.ordertracking.adapters;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.redis.client.Redis;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.ordertracking.adapters.deliveroo.DeliverooAdapter;
import org.ordertracking.adapters.deliveroo.DeliverooLocationDecoder;
import org.ordertracking.auth.ApiKeys;
import org.ordertracking.ingest.DeliveryLinkModule;
import org.ordertracking.ingest.DeliveryLinks;
import org.ordertracking.ingest.MemoryDeliveryLinks;
import org.ordertracking.ingest.RedisDeliveryLinks;
import org.ordertracking.server.ServerContext;
import org.ordertracking.server.ServerModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Courier-integration adapters as a server module: {@code POST /webhooks/<provider>} for every
 * provider with a secret in {@code TRACKING_WEBHOOK_SECRETS} (the others answer 404) and the
 * delivery-link API ({@link DeliveryLinkModule}) on nodes with the ingest role, and the Deliveroo location poller (its own verticle) when
 * {@code TRACKING_DELIVEROO_API_URL} is set, on nodes with the adapters role. With the Redis engine,
 * active orders, poll gates and delivery links live in Redis (through the node's shared client) so they hold across
 * nodes and restarts; with the memory engine, in this process. Provider event ids are the engine's
 * idempotency keys (see {@link WebhookHandler}).
 */
public final class AdaptersModule implements ServerModule {
  private static final Logger LOG = LoggerFactory.getLogger(AdaptersModule.class);

  /** Every provider the server knows. Adding one: its adapter here, nothing else. */
  private static final List<CourierAdapter> PROVIDERS = Providers.all();
  /** Links the memory engine's node keeps at most (the oldest go first beyond it). */
  static final int MAX_MEMORY_LINKS = 100_000;

  /** The names {@code TRACKING_WEBHOOK_SECRETS} may use. */
  public static Set<String> providerNames() {
    return PROVIDERS.stream().map(CourierAdapter::name).collect(Collectors.toUnmodifiableSet());
  }

  private final ServerContext ctx;
  private final AdaptersConfig config;
  private final Clock clock = Clock.systemUTC();
  private final AdapterMetrics metrics;
  private final Redis redis;
  private final ActiveOrders deliverooOrders;
  private final PollGate gate;
  private final DeliveryLinks links;
  private final Map<String, WebhookHandler> handlers = new LinkedHashMap<>();
  private final boolean webhooks;
  private final boolean pollers;
  private String pollerDeployment;

  /**
   * @param webhooks whether to serve the webhook routes (ingest role)
   * @param pollers whether to run the pollers (adapters role)
   */
  public AdaptersModule(ServerContext ctx, boolean webhooks, boolean pollers) {
    this.ctx = ctx;
    this.webhooks = webhooks;
    this.pollers = pollers;
    this.config = ctx.config().adapters();
    this.metrics = new AdapterMetrics(ctx.metrics());
    this.redis = ctx.redis();
    var stateTtl = ctx.config().engine().stateTtl();
    if (redis != null) {
      deliverooOrders =
          new RedisActiveOrders(redis, DeliverooAdapter.NAME, clock, stateTtl, config.maxActiveOrders());
      gate = new RedisPollGate(redis);
      links = new RedisDeliveryLinks(redis, stateTtl);
    } else {
      deliverooOrders = new MemoryActiveOrders(clock, stateTtl, config.maxActiveOrders());
      gate = new MemoryPollGate(clock);
      links = new MemoryDeliveryLinks(clock, stateTtl, MAX_MEMORY_LINKS);
    }
    for (CourierAdapter adapter : PROVIDERS) {
      String secret = config.secrets().get(adapter.name());
      if (webhooks && secret != null) {
        ActiveOrders registry =
            adapter.name().equals(DeliverooAdapter.NAME) ? deliverooOrders : null;
        handlers.put(
            adapter.name(),
            new WebhookHandler(adapter, secret, ctx.engine(), registry, links, metrics, clock));
      }
    }
  }

  @Override
  public void mount(Router router) {
    if (!webhooks) {
      return;
    }
    // The delivery-link API lives with the webhooks: the links are how webhooks find their order.
    new DeliveryLinkModule(links, providerNames(),
            new ApiKeys(ctx.config().auth().apiKeys(), ctx.config().auth().adminKey()), clock,
            ctx.config().engine().stateTtl())
        .mount(router);
    handlers.forEach(
        (name, handler) ->
            router
                .post("/webhooks/" + name)
                .handler(BodyHandler.create(false).setBodyLimit(AdaptersConfig.MAX_BODY_BYTES))
                .handler(handler));
    VerificationRoutes.mount(router, PROVIDERS, handlers.keySet());
    router
        .route("/webhooks/*")
        .handler(
            rc ->
                rc.response()
                    .setStatusCode(404)
                    .putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("error", "unknown or disabled provider").encode()));
  }

  @Override
  public Future<Void> start() {
    boolean polling = pollers && config.deliverooPoll() != null;
    LOG.info(
        "Courier adapters: webhooks enabled for {}; Deliveroo polling {}; state in {}",
        handlers.isEmpty() ? "no provider" : String.join(", ", handlers.keySet()),
        polling ? "on" : "off",
        redis == null ? "memory" : "redis");
    if (!polling) {
      return Future.succeededFuture();
    }
    PollerSettings settings = config.deliverooPoll();
    PollerVerticle deliveroo = new PollerVerticle(settings, client -> new LocationPoller(
        ctx.vertx(), client, new DeliverooLocationDecoder(), settings, deliverooOrders, gate, links, ctx.engine(),
        metrics, clock));
    return ctx.vertx().deployVerticle(deliveroo).onSuccess(id -> pollerDeployment = id).mapEmpty();
  }

  @Override
  public Future<Void> stop() {
    return pollerDeployment == null ? Future.succeededFuture() : ctx.vertx().undeploy(pollerDeployment);
  }

  /** The adapters' counters (also forwarded to the node's metrics). */
  public AdapterMetrics metrics() {
    return metrics;
  }

  /** The delivery links webhooks resolve through. */
  DeliveryLinks links() {
    return links;
  }

  /** The Deliveroo poll registry (tests use it to check restarts). */
  ActiveOrders deliverooOrders() {
    return deliverooOrders;
  }
}
