package org.ordertracking.server;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.ordertracking.auth.TokenService;
import org.ordertracking.config.TrackingConfig;
import org.ordertracking.engine.EngineFactory;
import org.ordertracking.engine.TrackingEngine;
import org.ordertracking.engine.redis.RedisSetup;
import org.ordertracking.http.HttpGuard;
import org.ordertracking.http.HttpVerticle;
import org.ordertracking.ops.NodeState;
import org.ordertracking.ops.metrics.NodeGauges;
import org.ordertracking.ops.metrics.Telemetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running node: its Redis setup, its engine, the modules its roles call for ({@link Modules})
 * and its HTTP verticles (one per event loop, sharing the single listener). {@code Main} starts
 * one; so do the tests, in-process, on port 0.
 */
public final class TrackingServer {
  private static final Logger LOG = LoggerFactory.getLogger(TrackingServer.class);
  private final Vertx vertx;
  private final TrackingConfig config;
  private final TrackingEngine engine;
  private final RedisSetup redis;
  private final NodeState node;
  private final List<ServerModule> modules;
  private final HttpGuard httpGuard;
  private final Telemetry telemetry;
  private static final AtomicInteger SHARED_RANDOM_PORTS = new AtomicInteger();

  private final List<String> deployments = new ArrayList<>();
  private int port;

  private TrackingServer(
      Vertx vertx, TrackingConfig config, TrackingEngine engine, RedisSetup redis, Clock clock,
      Telemetry telemetry) {
    this.vertx = vertx;
    this.config = config;
    this.engine = engine;
    this.redis = redis;
    this.telemetry = telemetry;
    this.node = new NodeState(engine, config.gateway().maxConnections(), telemetry.metrics());
    this.httpGuard = new HttpGuard(config.http());
    NodeGauges.register(telemetry.registry(), node, engine, httpGuard, config.gateway().maxConnections());
    this.modules = Modules.create(new ServerContext(
        vertx, config, engine, redis == null ? null : redis.commands(), node, clock, telemetry));
  }

  /** Reads the configuration from {@code env} ({@code TRACKING_*}) and starts. */
  public static Future<TrackingServer> start(Vertx vertx, Map<String, String> env) {
    TrackingConfig config;
    try {
      config = TrackingConfig.fromEnv(env);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    return start(vertx, config, Clock.systemUTC());
  }

  /**
   * Starts a node from a validated configuration with metrics of its own (without Vert.x's: those
   * need the Vert.x built by {@link Telemetry#newVertx}).
   */
  public static Future<TrackingServer> start(Vertx vertx, TrackingConfig config, Clock clock) {
    return start(vertx, config, clock, Telemetry.create(config));
  }

  /**
   * Starts a node from a validated configuration: Redis setup, engine, modules, HTTP verticles. The
   * server owns {@code telemetry} from here on (closes it with itself).
   */
  public static Future<TrackingServer> start(Vertx vertx, TrackingConfig config, Clock clock, Telemetry telemetry) {
    RedisSetup redis = config.engine().redis() == null ? null : RedisSetup.create(vertx, config.engine().redis());
    boolean watching = Modules.watches(config.server().roles());
    return EngineFactory.create(vertx, config.engine(), redis, clock, watching, telemetry.metrics())
        .compose(engine -> {
          TrackingServer server;
          try {
            server = new TrackingServer(vertx, config, engine, redis, clock, telemetry);
          } catch (RuntimeException e) {
            return engine.close().transform(x -> Future.failedFuture(e));
          }
          // Readiness says "warming_up" from here until the warm-up is over; start() completes after.
          server.node.setWarmingUp(!config.server().warmup().isZero());
          return server.deploy()
              .compose(v -> server.warmUp(clock))
              .onComplete(x -> server.node.setWarmingUp(false))
              .map(server);
        })
        .onFailure(err -> {
          telemetry.close();
          if (redis != null) {
            redis.close();
          }
        });
  }

  /**
   * The start-up warm-up ({@code TRACKING_WARMUP}): the CPU-bound parts of a connect on a worker
   * ({@link StartupWarmup}) while real sockets to this node exercise the rest ({@link SocketWarmup},
   * on nodes that serve sockets). Never fails the start-up.
   */
  private Future<Void> warmUp(Clock clock) {
    Duration budget = config.server().warmup();
    Future<Void> cpu = StartupWarmup.run(vertx, budget);
    if (budget.isZero() || !Modules.watches(config.server().roles()) || config.auth().tokenSecrets().isEmpty()) {
      return cpu;
    }
    TokenService tokens = new TokenService(config.auth().tokenSecrets(), clock);
    Future<Integer> sockets = SocketWarmup.run(vertx, tokens, config.server().host(), port, budget)
        .onSuccess(n -> LOG.info("Warm-up: {} tracking sockets opened over loopback, read and closed", n))
        .recover(e -> {
          LOG.warn("Socket warm-up stopped early: {}", e.toString());
          return Future.succeededFuture(0);
        });
    return Future.join(cpu, sockets).mapEmpty();
  }

  private Future<Void> deploy() {
    // Vert.x shares one listener between verticle instances bound to the same port. Port 0 is
    // never shared, so "any free port" becomes a negative port: a random port shared by exactly
    // the instances that name the same negative number (unique per server in this JVM).
    ServerConfig listener = config.server();
    int bindPort = listener.port() == 0 ? -SHARED_RANDOM_PORTS.incrementAndGet() : listener.port();
    List<HttpVerticle> instances = new CopyOnWriteArrayList<>();
    return vertx
        .deployVerticle(
            () -> {
              HttpVerticle v = new HttpVerticle(listener.host(), bindPort, modules, httpGuard);
              instances.add(v);
              return v;
            },
            new DeploymentOptions().setInstances(listener.httpInstances()))
        .compose(id -> {
          deployments.add(id);
          port = instances.get(0).actualPort();
          return Future.all(modules.stream().map(ServerModule::start).toList());
        })
        .mapEmpty();
  }

  public int port() {
    return port;
  }

  public TrackingEngine engine() {
    return engine;
  }

  public TrackingConfig config() {
    return config;
  }

  public NodeState node() {
    return node;
  }

  /** The node's metrics (registry, scrape, the seam modules record through). */
  public Telemetry telemetry() {
    return telemetry;
  }

  /** The module of {@code type} this node runs, if its roles call for one. */
  public <T extends ServerModule> java.util.Optional<T> module(Class<T> type) {
    return modules.stream().filter(type::isInstance).map(type::cast).findFirst();
  }

  /** The HTTP edge's limits and counts (open HTTP connections, aborted requests). */
  public HttpGuard httpGuard() {
    return httpGuard;
  }

  /** Stops taking connections (readiness 503) and closes sockets with 1012 over {@code window}. */
  public Future<Void> drain(Duration window) {
    node.startDraining();
    return Future.all(modules.stream().map(m -> m.drain(window)).toList()).mapEmpty();
  }

  public Future<Void> close() {
    return Future.join(modules.stream().map(ServerModule::stop).toList())
        .transform(x -> Future.join(deployments.stream().map(vertx::undeploy).toList()))
        .transform(x -> engine.close())
        .transform(x -> redis == null ? Future.<Void>succeededFuture() : redis.close())
        .onComplete(x -> telemetry.close());
  }
}
