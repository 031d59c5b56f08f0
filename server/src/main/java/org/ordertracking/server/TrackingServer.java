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
import org.ordertracking.auth.ApiKeys;
import org.ordertracking.config.Env;
import org.ordertracking.config.TrackingConfig;
import org.ordertracking.engine.EngineFactory;
import org.ordertracking.engine.TrackingEngine;
import org.ordertracking.gateway.GatewayModule;
import org.ordertracking.http.HttpGuard;
import org.ordertracking.http.HttpLimits;
import org.ordertracking.http.HttpVerticle;
import org.ordertracking.ingest.IngestLimits;
import org.ordertracking.ingest.IngestModule;
import org.ordertracking.ingest.TrackingLinkModule;
import org.ordertracking.ops.HealthModule;
import org.ordertracking.ops.NodeState;

/**
 * One running node: its engine, its modules and its HTTP verticles (one per event loop, sharing
 * the single listener). {@code Main} starts one; so do the tests, in-process, on port 0.
 */
public final class TrackingServer {
  private final Vertx vertx;
  private final TrackingConfig config;
  private final TrackingEngine engine;
  private final NodeState node;
  private final GatewayModule gateway;
  private final List<ServerModule> modules;
  private final HttpGuard httpGuard;
  private static final AtomicInteger SHARED_RANDOM_PORTS = new AtomicInteger();

  private final List<String> deployments = new ArrayList<>();
  private int port;

  private TrackingServer(Vertx vertx, TrackingConfig config, TrackingEngine engine, Map<String, String> env, Clock clock) {
    this.vertx = vertx;
    this.config = config;
    this.engine = engine;
    this.node = new NodeState(engine, config.maxConnections());
    ApiKeys keys = new ApiKeys(config.apiKeys(), config.adminKey());
    this.gateway = new GatewayModule(vertx, config, engine, node, clock);
    // Parsed here for now; the engine lane moves both into TrackingConfig (parsed before connecting).
    Env vars = new Env(env);
    this.httpGuard = new HttpGuard(HttpLimits.fromEnv(vars));
    this.modules = new ArrayList<>(List.of(
        new HealthModule(node),
        new IngestModule(engine, keys, clock, IngestLimits.fromEnv(vars)),
        new TrackingLinkModule(config.tokenSecrets(), keys, config.publicUrl(), clock),
        gateway));
    modules.addAll(Modules.create(new ServerContext(vertx, config, engine, env)));
  }

  /** Reads the configuration from {@code env} ({@code TRACKING_*}) and starts. */
  public static Future<TrackingServer> start(Vertx vertx, Map<String, String> env) {
    TrackingConfig config;
    try {
      config = TrackingConfig.fromEnv(env);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    return start(vertx, config, env, Clock.systemUTC());
  }

  public static Future<TrackingServer> start(
      Vertx vertx, TrackingConfig config, Map<String, String> env, Clock clock) {
    return EngineFactory.create(vertx, config, clock)
        .compose(engine -> {
          TrackingServer server;
          try {
            server = new TrackingServer(vertx, config, engine, env, clock);
          } catch (RuntimeException e) {
            return engine.close().transform(x -> Future.failedFuture(e));
          }
          return server.deploy().map(server);
        });
  }

  private Future<Void> deploy() {
    // Vert.x shares one listener between verticle instances bound to the same port. Port 0 is
    // never shared, so "any free port" becomes a negative port: a random port shared by exactly
    // the instances that name the same negative number (unique per server in this JVM).
    int bindPort = config.port() == 0 ? -SHARED_RANDOM_PORTS.incrementAndGet() : config.port();
    List<HttpVerticle> instances = new CopyOnWriteArrayList<>();
    return vertx
        .deployVerticle(
            () -> {
              HttpVerticle v = new HttpVerticle(config.host(), bindPort, modules, httpGuard);
              instances.add(v);
              return v;
            },
            new DeploymentOptions().setInstances(config.httpInstances()))
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

  /** The HTTP edge's limits and counts (open HTTP connections). */
  public HttpGuard httpGuard() {
    return httpGuard;
  }

  /** Stops taking connections (readiness 503) and closes sockets with 1012 over {@code window}. */
  public Future<Void> drain(Duration window) {
    node.startDraining();
    return gateway.drain(window);
  }

  public Future<Void> close() {
    return Future.join(modules.stream().map(ServerModule::stop).toList())
        .transform(x -> Future.join(deployments.stream().map(vertx::undeploy).toList()))
        .transform(x -> engine.close());
  }
}
