package org.ordertracking.simulator;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.ordertracking.config.ConfigException;
import org.ordertracking.demo.BerlinRoutes;
import org.ordertracking.demo.CityRoute;
import org.ordertracking.demo.CourierDrive;
import org.ordertracking.demo.CourierDrive.Milestone;
import org.ordertracking.model.Courier;
import org.ordertracking.model.OrderId;
import org.ordertracking.simulator.SimulatedDelivery.Carrier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays the provider side: couriers drive Berlin routes ({@link CourierDrive} from the demo) and
 * their providers report it each in its documented shapes ({@link ProviderScript}): Uber, DoorDash
 * and Onfleet by signed webhooks, Deliveroo by signed Signature API callbacks plus its API ({@link
 * DeliverooApi}: OAuth2 token endpoint and location resource) served here. A delivery can also be
 * reassigned to a new courier or fail at the door ({@link Scenario}). Runs on its own ({@link
 * #main}, configured by {@code SIM_*} variables) for the demo and docker-compose, and in-process as
 * the fake provider of tests, with {@link Faults} to make the API throttle, fail, hang or revoke
 * its tokens.
 *
 * <p>Everything runs on the context that called {@link #start}.
 */
public final class ProviderSimulator {
  private static final Logger LOG = LoggerFactory.getLogger(ProviderSimulator.class);
  private static final int MAX_PENDING_PER_DELIVERY = 3;
  private static final int MAX_FINISHED = 1000;
  /** Couriers the simulator sends: name, vehicle type, make, model, colour. */
  private static final String[][] COURIERS = {
    {"Rosa", "bicycle", null, null, null},
    {"Sam", "car", "Toyota", "Prius", "white"},
    {"Priya", "e-scooter", "Niu", "MQi+", "red"},
    {"Jonas", "cargo bike", "Urban Arrow", "Family", "black"},
    {"Lea", "car", "Volkswagen", "ID.3", "blue"},
    {"Kemal", "bicycle", null, null, null},
    {"Nina", "car", "Renault", "Zoe", "grey"},
    {"Tom", "e-scooter", null, null, null},
  };

  private final Vertx vertx;
  private final Context context;
  private final SimulatorConfig config;
  private final Clock clock;
  private final WebClient client;
  private WebhookSender sender;
  private final Faults faults = new Faults();
  private final PollLog pollLog = new PollLog();
  private final DeliverooApi deliverooApi;
  private final List<CityRoute> routes = BerlinRoutes.all();
  private final Map<OrderId, SimulatedDelivery> deliveries = new HashMap<>();
  private final Map<OrderId, SimulatedDelivery> finished =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<OrderId, SimulatedDelivery> eldest) {
          return size() > MAX_FINISHED;
        }
      };
  private final Map<SimulatedDelivery, Future<?>> chains = new HashMap<>();
  private final AtomicInteger couriersHired = new AtomicInteger();
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
    this.deliverooApi =
        new DeliverooApi(vertx, config, clock, faults, pollLog, this::deliverooOrder);
  }

  /** The Deliveroo delivery Deliveroo knows by {@code reference} (playing or finished), or null. */
  private SimulatedDelivery deliverooOrder(String reference) {
    if (OrderId.isValid(reference)) {
      OrderId id = new OrderId(reference);
      SimulatedDelivery d = deliveries.containsKey(id) ? deliveries.get(id) : finished.get(id);
      if (d != null && d.referenced) {
        return d;
      }
    }
    // Orders Deliveroo knows by its own id only are rare (tests): a scan is enough.
    for (Map<OrderId, SimulatedDelivery> m : List.of(deliveries, finished)) {
      for (SimulatedDelivery d : m.values()) {
        if (!d.referenced && d.provider.equals("deliveroo") && d.providerDeliveryId.equals(reference)) {
          return d;
        }
      }
    }
    return null;
  }

  /** Starts the Deliveroo API server, the automatic couriers and the clock of the simulation. */
  public static Future<ProviderSimulator> start(Vertx vertx, SimulatorConfig config) {
    ProviderSimulator sim = new ProviderSimulator(vertx, config, Clock.systemUTC());
    // One context for the server, the ticks and every mutation, whoever calls from where.
    Promise<ProviderSimulator> started = Promise.promise();
    sim.context.runOnContext(v -> sim.listen().map(sim).onComplete(started));
    return started.future();
  }

  private Future<Void> listen() {
    Router router = Router.router(vertx);
    deliverooApi.mount(router);
    return vertx
        .createHttpServer()
        .requestHandler(router)
        .listen(config.port(), config.host())
        .onSuccess(
            s -> {
              server = s;
              for (int i = 0; i < config.couriers(); i++) {
                String provider = config.providers().get(i % config.providers().size());
                begin(provider, "sim-" + provider + "-" + (i + 1), Scenario.DELIVERED);
              }
              tickTimer = vertx.setPeriodic(config.tick().toMillis(), id -> tick());
            })
        .mapEmpty();
  }

  /**
   * Sends webhooks to {@code targetUrl} from now on (a test starts the simulator first, to give the
   * server the API's URL, then points the simulator at the server).
   */
  public Future<Void> target(String targetUrl) {
    return onContext(() -> {
      sender = new WebhookSender(client, targetUrl.replaceAll("/+$", ""), config.secrets());
      return null;
    });
  }

  /** Starts a delivery of {@code orderId} by {@code provider} now; announces the courier. */
  public Future<OrderId> startDelivery(String provider, String orderId) {
    return startDelivery(provider, orderId, Scenario.DELIVERED);
  }

  /** Starts a delivery that goes as {@code scenario} says. */
  public Future<OrderId> startDelivery(String provider, String orderId, Scenario scenario) {
    return onContext(() -> begin(provider, orderId, scenario));
  }

  /**
   * Starts a delivery whose payloads do not carry our order id (Uber without {@code external_id};
   * a Deliveroo order known by Deliveroo's own id, in its callbacks and its location resource): the
   * provider knows it as {@code deliveryId} only, and the server must have a delivery link to
   * follow it. Only Uber's and Deliveroo's scripts can leave our reference out.
   */
  public Future<OrderId> startUnreferencedDelivery(
      String provider, String orderId, String deliveryId, Scenario scenario) {
    if (!provider.equals("uber") && !provider.equals("deliveroo")) {
      throw new IllegalArgumentException("only uber and deliveroo payloads can leave out the merchant reference");
    }
    return onContext(() -> {
      SimulatedDelivery d = create(provider, orderId, deliveryId, scenario);
      d.referenced = false;
      announce(d, Milestone.ASSIGNED);
      return d.orderId;
    });
  }

  private <T> Future<T> onContext(Supplier<T> action) {
    Promise<T> p = Promise.promise();
    context.runOnContext(v -> p.complete(action.get()));
    return p.future();
  }

  private OrderId begin(String provider, String orderId, Scenario scenario) {
    SimulatedDelivery d = create(provider, orderId, "del_" + orderId, scenario);
    announce(d, Milestone.ASSIGNED);
    return d.orderId;
  }

  private SimulatedDelivery create(String provider, String orderId, String deliveryId, Scenario scenario) {
    int n = ++started;
    OrderId id = new OrderId(orderId);
    CityRoute route = routes.get((n - 1) % routes.size());
    SimulatedDelivery d =
        new SimulatedDelivery(
            provider, id, deliveryId, new CourierDrive(route, 7 + (n % 4), n), scenario, hire());
    deliveries.put(id, d);
    return d;
  }

  /** A courier from the roster, with a provider id of their own. */
  private Carrier hire() {
    int n = couriersHired.incrementAndGet();
    String[] c = COURIERS[n % COURIERS.length];
    String photo = "https://couriers.example/photos/" + c[0].toLowerCase() + ".jpg";
    return new Carrier(String.valueOf(100_000 + n), new Courier(c[0], c[1], photo, c[2], c[3], c[4]));
  }

  private void tick() {
    double seconds = config.tick().toMillis() / 1000.0 * config.speedup();
    for (SimulatedDelivery d : new ArrayList<>(deliveries.values())) {
      d.ticks++;
      d.drive.advance(seconds);
      ProviderScript script = ProviderScript.of(d.provider);
      if (d.scenario == Scenario.REASSIGNED && !d.reassigned && d.announced == Milestone.ASSIGNED && d.ticks >= 2) {
        d.reassigned = true;
        Carrier previous = d.carrier();
        d.carriers.add(hire());
        postAll(d, script.reassignment(d, previous, clock.instant()));
      }
      if (d.pending < MAX_PENDING_PER_DELIVERY) {
        postAll(d, script.tick(d, clock.instant())); // a slow target gets fewer positions, not a backlog
      }
      for (Milestone m : d.drive.milestonesReachedAfter(d.announced)) {
        if (m == Milestone.DELIVERED && d.scenario == Scenario.FAILED) {
          postAll(d, script.failure(d, clock.instant()));
          finish(d);
          break;
        }
        announce(d, m);
      }
      if (d.announced == Milestone.DELIVERED) {
        finish(d);
      }
    }
  }

  private void finish(SimulatedDelivery d) {
    d.finished = true;
    deliveries.remove(d.orderId);
    finished.put(d.orderId, d);
    if (config.couriers() > 0 && d.orderId.value().startsWith("sim-")) {
      // Keep the fleet size: a new order for the same provider.
      vertx.setTimer(
          config.tick().toMillis(),
          t -> begin(d.provider, "sim-" + d.provider + "-" + (started + 1), Scenario.DELIVERED));
    }
  }

  private void announce(SimulatedDelivery d, Milestone stage) {
    d.announced = stage;
    postAll(d, ProviderScript.of(d.provider).milestone(d, stage, clock.instant()));
  }

  private void postAll(SimulatedDelivery d, List<JsonObject> payloads) {
    if (sender != null) {
      payloads.forEach(p -> post(d, p));
    }
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
                  if (d.pending == 0 && d.finished) {
                    chains.remove(d);
                  }
                });
    chains.put(d, next);
  }

  public int port() {
    return server.actualPort();
  }

  /** The base URL of the simulated Deliveroo API, for {@code TRACKING_DELIVEROO_API_URL}. */
  public String deliverooApiUrl() {
    return "http://" + config.host() + ":" + port();
  }

  /** Its token endpoint, for {@code TRACKING_DELIVEROO_AUTH_URL}. */
  public String deliverooTokenUrl() {
    return deliverooApiUrl() + "/oauth2/token";
  }

  public Faults faults() {
    return faults;
  }

  public PollLog pollLog() {
    return pollLog;
  }

  /** Access tokens the token endpoint has issued. */
  public Future<Integer> tokensIssued() {
    return onContext(deliverooApi::tokensIssued);
  }

  /** Webhooks the target answered 2xx / otherwise. */
  public long webhooksAccepted() {
    return sender == null ? 0 : sender.accepted();
  }

  public long webhooksRefused() {
    return sender == null ? 0 : sender.refused();
  }

  /** How many 200 answers said {@code status} ("accepted", "unlinked", …). */
  public long webhooksAnswered(String status) {
    return sender == null ? 0 : sender.answered(status);
  }

  /** Deliveries still under way. */
  public Future<Integer> activeDeliveries() {
    return onContext(deliveries::size);
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
                    "Provider simulator: {} couriers ({}), webhooks to {}, Deliveroo API on {}",
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
