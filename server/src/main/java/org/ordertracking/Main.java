package org.ordertracking;

import ch.qos.logback.classic.LoggerContext;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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

  /**
   * The SIGTERM path (a shutdown hook): drain the sockets over the window, stop HTTP (requests in
   * flight are answered first), the modules, the engine and Vert.x. A JVM that ends on a signal
   * exits 143 whatever its hooks did, which tells an orchestrator the stop went wrong; so once the
   * drain was clean the hook ends the process with 0 itself (and with 1 when it was not), after
   * flushing the log. Nothing else runs in this process's hooks.
   */
  private static void shutdown(Vertx vertx, TrackingServer server, TrackingConfig cfg) {
    Duration window = cfg.server().drainWindow();
    LOG.info("Draining: closing sockets over {} ms", window.toMillis());
    CountDownLatch done = new CountDownLatch(1);
    AtomicBoolean clean = new AtomicBoolean(true);
    server.drain(window)
        .transform(x -> note(clean, x.failed(), "drain", x.cause()).transform(y -> server.close()))
        .transform(x -> note(clean, x.failed(), "stop", x.cause()).transform(y -> vertx.close()))
        .onComplete(x -> {
          note(clean, x.failed(), "Vert.x close", x.cause());
          done.countDown();
        });
    boolean finished = false;
    try {
      finished = done.await(window.toMillis() + 5_000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    int status = finished && clean.get() ? 0 : 1;
    if (finished) {
      LOG.info("Stopped {}; exiting with {}", clean.get() ? "cleanly" : "with errors", status);
    } else {
      LOG.warn("Stop did not finish within {} ms; exiting with 1", window.toMillis() + 5_000);
    }
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
      logback.stop(); // flush: halt runs no other hook
    }
    Runtime.getRuntime().halt(status);
  }

  private static Future<Void> note(AtomicBoolean clean, boolean failed, String step, Throwable cause) {
    if (failed) {
      clean.set(false);
      LOG.warn("Shutdown: {} failed: {}", step, String.valueOf(cause));
    }
    return Future.succeededFuture();
  }
}
