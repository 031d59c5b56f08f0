package org.ordertracking.adapters;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ordertracking.adapters.deliveroo.DeliverooAdapter;
import org.ordertracking.adapters.deliveroo.DeliverooLocationDecoder;
import org.ordertracking.server.ServerContext;
import org.ordertracking.server.ServerModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Courier-integration adapters as a server module: {@code POST /webhooks/<provider>} for every
 * provider with a secret in {@code TRACKING_WEBHOOK_SECRETS} (the others answer 404), and the
 * Deliveroo location poller when {@code TRACKING_DELIVEROO_API_URL} is set. With the Redis engine,
 * event ids, active orders and poll gates live in Redis so they hold across nodes and restarts;
 * with the memory engine, in this process.
 */
public final class AdaptersModule implements ServerModule {
  private static final Logger LOG = LoggerFactory.getLogger(AdaptersModule.class);

  /** Every provider the server knows. Adding one: its adapter here, nothing else. */
  private static final List<CourierAdapter> PROVIDERS = Providers.all();

  private final ServerContext ctx;
  private final AdaptersConfig config;
  private final Clock clock = Clock.systemUTC();
  private final AdapterMetrics metrics = new AdapterMetrics();
  private final Redis redis;
  private final IdempotencyStore ids;
  private final ActiveOrders deliverooOrders;
  private final PollGate gate;
  private final Map<String, WebhookHandler> handlers = new LinkedHashMap<>();
  private WebClient webClient;
  private LocationPoller poller;

  public AdaptersModule(ServerContext ctx) {
    this.ctx = ctx;
    this.config =
        AdaptersConfig.fromEnv(
            ctx.env(), PROVIDERS.stream().map(CourierAdapter::name).collect(java.util.stream.Collectors.toSet()));
    String redisUrl = ctx.config().redisUrl();
    var stateTtl = ctx.config().stateTtl();
    if (redisUrl != null) {
      redis = Redis.createClient(ctx.vertx(), new RedisOptions().setConnectionString(redisUrl));
      ids = new RedisIdempotencyStore(redis, config.eventTtl());
      deliverooOrders =
          new RedisActiveOrders(redis, DeliverooAdapter.NAME, clock, stateTtl, config.maxActiveOrders());
      gate = new RedisPollGate(redis);
    } else {
      redis = null;
      ids = new MemoryIdempotencyStore(clock, config.eventTtl(), config.eventMemory());
      deliverooOrders = new MemoryActiveOrders(clock, stateTtl, config.maxActiveOrders());
      gate = new MemoryPollGate(clock);
    }
    for (CourierAdapter adapter : PROVIDERS) {
      String secret = config.secrets().get(adapter.name());
      if (secret != null) {
        ActiveOrders registry =
            adapter.name().equals(DeliverooAdapter.NAME) ? deliverooOrders : null;
        handlers.put(
            adapter.name(),
            new WebhookHandler(adapter, secret, ids, ctx.engine(), registry, metrics, clock));
      }
    }
  }

  @Override
  public void mount(Router router) {
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
    LOG.info(
        "Courier adapters: webhooks enabled for {}; Deliveroo polling {}; state in {}",
        handlers.isEmpty() ? "no provider" : String.join(", ", handlers.keySet()),
        config.deliverooPoll() == null ? "off" : "on",
        redis == null ? "memory" : "redis");
    if (config.deliverooPoll() == null) {
      return Future.succeededFuture();
    }
    webClient = LocationPoller.client(ctx.vertx(), config.deliverooPoll());
    poller =
        new LocationPoller(
            ctx.vertx(),
            webClient,
            new DeliverooLocationDecoder(),
            config.deliverooPoll(),
            deliverooOrders,
            gate,
            ctx.engine(),
            metrics,
            clock);
    return poller.start();
  }

  @Override
  public Future<Void> stop() {
    Future<Void> stopped = poller == null ? Future.succeededFuture() : poller.stop();
    return stopped.eventually(
        () -> {
          if (webClient != null) {
            webClient.close();
          }
          return redis == null ? Future.succeededFuture() : redis.close();
        });
  }

  /** The adapters' counters, for {@code /metrics} ({@link AdapterMetrics#prometheus()}). */
  public AdapterMetrics metrics() {
    return metrics;
  }

  /** The Deliveroo poll registry (tests use it to check restarts). */
  ActiveOrders deliverooOrders() {
    return deliverooOrders;
  }
}
