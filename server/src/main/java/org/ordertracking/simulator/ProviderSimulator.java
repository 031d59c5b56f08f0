package org.ordertracking.simulator;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.ordertracking.auth.Secrets;
import org.ordertracking.config.ConfigException;
import org.ordertracking.demo.BerlinRoutes;
import org.ordertracking.demo.CityRoute;
import org.ordertracking.demo.CourierDrive;
import org.ordertracking.model.Courier;
import org.ordertracking.model.OrderId;
import org.ordertracking.demo.CourierDrive.Milestone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays the provider side: couriers drive Berlin routes ({@link CourierDrive} from the demo) and
 * their providers report it the way each one does: Uber and DoorDash by signed webhooks (statuses
 * and positions), Deliveroo by signed status webhooks plus a pollable "get order location"
 * resource served here. Runs on its own ({@link #main}, configured by {@code SIM_*} variables) for
 * the demo and docker-compose, and in-process as the fake provider of tests, with {@link Faults}
 * to make the resource throttle, fail or hang.
 *
 * <p>Everything runs on the context that called {@link #start}.
 */
public final class ProviderSimulator {
  private static final Logger LOG = LoggerFactory.getLogger(ProviderSimulator.class);
  private static final int MAX_PENDING_PER_DELIVERY = 3;
  private static final String[] NAMES = {"Rosa", "Sam", "Priya", "Jonas", "Lea", "Kemal", "Nina", "Tom"};
  private static final String[] VEHICLES = {"bicycle", "e-scooter", "car", "cargo bike"};

  private final Vertx vertx;
  private final Context context;
  private final SimulatorConfig config;
  private final Clock clock;
  private final WebClient client;
  private WebhookSender sender;
  private final Faults faults = new Faults();
  private final PollLog pollLog = new PollLog();
  private final List<CityRoute> routes = BerlinRoutes.all();
  private final Map<OrderId, SimulatedDelivery> deliveries = new HashMap<>();
  private final Map<SimulatedDelivery, Future<?>> chains = new HashMap<>();
  private HttpServer server;
  private long tickTimer = -1;
  private int started;

  private ProviderSimulator(Vertx vertx, SimulatorConfig config, Clock clock) {
    this.vertx = vertx;
    this.context = ((io.vertx.core.internal.VertxInternal) vertx).createEventLoopContext();
    this.config = config;
    this.clock = clock;
    this.client = WebClient.create(vertx);
    this.sender =
        config.targetUrl() == null ? null : new WebhookSender(client, config.targetUrl(), config.secrets());
  }

  /** Starts the resource server, the automatic couriers and the clock of the simulation. */
  public static Future<ProviderSimulator> start(Vertx vertx, SimulatorConfig config) {
    ProviderSimulator sim = new ProviderSimulator(vertx, config, Clock.systemUTC());
    // One context for the server, the ticks and every mutation, whoever calls from where.
    Promise<ProviderSimulator> started = Promise.promise();
    sim.context.runOnContext(v -> sim.listen().map(sim).onComplete(started));
    return started.future();
  }

  private Future<Void> listen() {
    Router router = Router.router(vertx);
    router.get("/order/v1/orders/:orderId/rider-location").handler(this::location);
    return vertx
        .createHttpServer()
        .requestHandler(router)
        .listen(config.port(), config.host())
        .onSuccess(
            s -> {
              server = s;
              for (int i = 0; i < config.couriers(); i++) {
                String provider = config.providers().get(i % config.providers().size());
                begin(provider, "sim-" + provider + "-" + (i + 1));
              }
              tickTimer = vertx.setPeriodic(config.tick().toMillis(), id -> tick());
            })
        .mapEmpty();
  }

  /**
   * Sends webhooks to {@code targetUrl} from now on (a test starts the simulator first, to give the
   * server the resource's URL, then points the simulator at the server).
   */
  public Future<Void> target(String targetUrl) {
    Promise<Void> p = Promise.promise();
    context.runOnContext(
        v -> {
          sender = new WebhookSender(client, targetUrl.replaceAll("/+$", ""), config.secrets());
          p.complete();
        });
    return p.future();
  }

  /** Starts a delivery of {@code orderId} by {@code provider} now; announces the courier. */
  public Future<OrderId> startDelivery(String provider, String orderId) {
    Promise<OrderId> p = Promise.promise();
    context.runOnContext(v -> p.complete(begin(provider, orderId)));
    return p.future();
  }

  private OrderId begin(String provider, String orderId) {
    int n = ++started;
    OrderId id = new OrderId(orderId);
    CityRoute route = routes.get((n - 1) % routes.size());
    SimulatedDelivery d =
        new SimulatedDelivery(
            provider,
            id,
            "del_" + orderId,
            new CourierDrive(route, 7 + (n % 4), n),
            new Courier(NAMES[n % NAMES.length], VEHICLES[n % VEHICLES.length]));
    deliveries.put(id, d);
    announce(d, Milestone.ASSIGNED);
    return id;
  }

  private void tick() {
    double seconds = config.tick().toMillis() / 1000.0 * config.speedup();
    for (SimulatedDelivery d : new ArrayList<>(deliveries.values())) {
      d.drive.advance(seconds);
      sendLocation(d);
      for (Milestone m : d.drive.milestonesReachedAfter(d.announced)) {
        announce(d, m);
      }
      if (d.announced == Milestone.DELIVERED) {
        deliveries.remove(d.orderId);
        if (config.couriers() > 0 && d.orderId.value().startsWith("sim-")) {
          // Keep the fleet size: a new order for the same provider.
          vertx.setTimer(
              config.tick().toMillis(),
              t -> begin(d.provider, "sim-" + d.provider + "-" + (started + 1)));
        }
      }
    }
  }

  private void sendLocation(SimulatedDelivery d) {
    if (sender == null || d.provider.equals("deliveroo") || d.pending >= MAX_PENDING_PER_DELIVERY) {
      return; // Deliveroo positions are polled; a slow target gets fewer positions, not a backlog
    }
    JsonObject payload =
        d.provider.equals("uber")
            ? ProviderPayloads.uberCourierUpdate(d, clock.instant())
            : ProviderPayloads.doorDashLocation(d, clock.instant());
    post(d, payload);
  }

  private void announce(SimulatedDelivery d, Milestone stage) {
    d.announced = stage;
    if (sender == null) {
      return;
    }
    JsonObject payload =
        switch (d.provider) {
          case "uber" -> ProviderPayloads.uberStatus(d, stage, clock.instant());
          case "doordash" -> ProviderPayloads.doorDashStatus(d, stage, clock.instant());
          default -> ProviderPayloads.deliverooRider(d, stage, clock.instant());
        };
    post(d, payload);
  }

  /** Webhooks of one delivery go one after the other, as a provider's queue would send them. */
  private void post(SimulatedDelivery d, JsonObject payload) {
    d.pending++;
    Future<?> previous = chains.getOrDefault(d, Future.succeededFuture());
    Future<?> next =
        previous
            .transform(x -> sender.send(d.provider, payload))
            .onComplete(
                ar -> {
                  d.pending--;
                  if (ar.failed()) {
                    LOG.debug("Webhook to {} failed: {}", config.targetUrl(), ar.cause().getMessage());
                  }
                  if (d.pending == 0 && !deliveries.containsKey(d.orderId)) {
                    chains.remove(d);
                  }
                });
    chains.put(d, next);
  }

  private void location(RoutingContext rc) {
    String orderId = rc.pathParam("orderId");
    if (config.apiToken() != null
        && !Secrets.equal(rc.request().getHeader("Authorization"), "Bearer " + config.apiToken())) {
      rc.response().setStatusCode(401).end();
      return;
    }
    Faults.Answer scripted = faults.take();
    int status;
    String body;
    SimulatedDelivery d = OrderId.isValid(orderId) ? deliveries.get(new OrderId(orderId)) : null;
    if (scripted != null) {
      status = scripted.status();
      body = new JsonObject().put("error", "simulated " + status).encode();
      if (scripted.retryAfter() != null) {
        rc.response().putHeader("Retry-After", scripted.retryAfter());
      }
    } else if (d == null) {
      status = 404;
      body = new JsonObject().put("error", "order not found").encode();
    } else {
      status = 200;
      body = ProviderPayloads.deliverooLocation(d, clock.instant()).encode();
    }
    pollLog.add(new PollLog.Entry(orderId, clock.millis(), status));
    // A request is over when answered or when the client gives up (closes): counted once.
    pollLog.started();
    boolean[] over = new boolean[1];
    Runnable finish =
        () -> {
          if (!over[0]) {
            over[0] = true;
            pollLog.finished();
          }
        };
    rc.response().closeHandler(v -> finish.run());
    Duration delay = faults.delay();
    Runnable reply =
        () -> {
          finish.run();
          if (!rc.response().closed()) {
            rc.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body);
          }
        };
    if (delay.isZero()) {
      reply.run();
    } else {
      vertx.setTimer(delay.toMillis(), t -> reply.run());
    }
  }

  public int port() {
    return server.actualPort();
  }

  /** The base URL of the pollable resource, for {@code TRACKING_DELIVEROO_API_URL}. */
  public String deliverooApiUrl() {
    return "http://" + config.host() + ":" + port();
  }

  public Faults faults() {
    return faults;
  }

  public PollLog pollLog() {
    return pollLog;
  }

  /** Webhooks the target answered 2xx / otherwise. */
  public long webhooksAccepted() {
    return sender == null ? 0 : sender.accepted();
  }

  public long webhooksRefused() {
    return sender == null ? 0 : sender.refused();
  }

  /** Deliveries still under way. */
  public int activeDeliveries() {
    return deliveries.size();
  }

  public Future<Void> close() {
    Promise<Void> closed = Promise.promise();
    context.runOnContext(
        v -> {
          vertx.cancelTimer(tickTimer);
          client.close();
          (server == null ? Future.<Void>succeededFuture() : server.close()).onComplete(closed);
        });
    return closed.future();
  }

  /** Runs the simulator until the process is stopped; see docs/adapters.md for {@code SIM_*}. */
  public static void main(String[] args) throws InterruptedException {
    SimulatorConfig config;
    try {
      config = SimulatorConfig.fromEnv(System.getenv());
    } catch (ConfigException e) {
      System.err.println("Configuration error: " + e.getMessage());
      System.exit(2);
      return;
    }
    Vertx vertx = Vertx.vertx();
    CountDownLatch stopped = new CountDownLatch(1);
    start(vertx, config)
        .onSuccess(
            sim ->
                LOG.info(
                    "Provider simulator: {} couriers ({}), webhooks to {}, Deliveroo location resource on {}",
                    config.couriers(),
                    String.join(", ", config.providers()),
                    config.targetUrl() == null ? "nowhere" : config.targetUrl(),
                    sim.deliverooApiUrl()))
        .onFailure(
            err -> {
              LOG.error("Provider simulator failed to start: {}", err.getMessage());
              stopped.countDown();
            });
    Runtime.getRuntime().addShutdownHook(new Thread(() -> vertx.close().onComplete(x -> stopped.countDown())));
    stopped.await();
    vertx.close();
  }
}
