package org.ordertracking;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.ordertracking.config.ConfigException;
import org.ordertracking.config.Env;
import org.ordertracking.config.TrackingConfig;
import org.ordertracking.demo.DemoMode;
import org.ordertracking.engine.redis.RedisConfig;
import org.ordertracking.ops.logging.LogSetup;
import org.ordertracking.ops.metrics.Telemetry;
import org.ordertracking.server.TrackingServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up: read the configuration, start one node, drain on SIGTERM. {@code demo} as the first
 * argument (or {@code TRACKING_DEMO=true}) adds simulated couriers and prints tracking links.
 */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) {
    Map<String, String> vars = new HashMap<>(System.getenv());
    if (args.length > 0 && (args[0].equals("demo") || args[0].equals("--demo"))) {
      vars.put("TRACKING_DEMO", "true");
    }
    Env env = new Env(vars);
    TrackingConfig config;
    try {
      // Every variable of every module is read and checked here, before anything connects.
      config = TrackingConfig.fromEnv(env);
      if (config.demo().enabled()) {
        config = DemoMode.withSecrets(config);
      }
    } catch (ConfigException e) {
      System.err.println("Configuration error: " + e.getMessage());
      System.exit(2);
      return;
    }
    LogSetup.apply(config.logging());
    // Vert.x takes its metrics factory at creation: the registry comes first.
    Telemetry telemetry = Telemetry.create(config);
    Vertx vertx = telemetry.newVertx();
    Clock clock = Clock.systemUTC();
    TrackingConfig cfg = config;
    (cfg.demo().enabled()
        ? DemoMode.start(vertx, cfg, env, clock, telemetry)
        : TrackingServer.start(vertx, cfg, clock, telemetry))
        .onSuccess(server -> {
          RedisConfig redis = cfg.engine().redis();
          LOG.info("Order tracking listening on http://{}:{} (engine: {}{})", cfg.server().host(), server.port(),
              server.engine().name(), redis == null ? "" : " at " + redis.urlsForLogs());
          Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown(vertx, server, cfg), "shutdown"));
        })
        .onFailure(err -> {
          if (err instanceof ConfigException) {
            System.err.println("Configuration error: " + err.getMessage());
          } else {
            LOG.error("Start-up failed: {}", err.toString());
          }
          vertx.close();
          System.exit(err instanceof ConfigException ? 2 : 1);
        });
  }

  private static void shutdown(Vertx vertx, TrackingServer server, TrackingConfig cfg) {
    Duration window = cfg.server().drainWindow();
    LOG.info("Draining: closing sockets over {} ms", window.toMillis());
    CountDownLatch done = new CountDownLatch(1);
    server.drain(window)
        .transform(x -> server.close())
        .transform(x -> vertx.close())
        .onComplete(x -> done.countDown());
    try {
      done.await(window.toMillis() + 5_000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
