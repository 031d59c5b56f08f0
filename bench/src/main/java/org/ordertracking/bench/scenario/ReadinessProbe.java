package org.ordertracking.bench.scenario;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.ordertracking.bench.stats.Latency;
import org.ordertracking.bench.target.Running;

/**
 * Asks the server's ready path every 100 ms, as a load balancer would, while a scenario runs: a
 * node under a connect storm must stay ready. Counts answers by status (-1: none within 1 s).
 */
final class ReadinessProbe implements AutoCloseable {
  private static final long PERIOD_MS = 100;

  private final Running server;
  private final Thread thread;
  private final Map<Integer, Integer> byStatus = new TreeMap<>();
  private final Histogram latency = Latency.histogram();
  private volatile boolean running = true;

  ReadinessProbe(Running server) {
    this.server = server;
    this.thread = new Thread(this::loop, "readiness-probe");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    while (running) {
      long start = System.nanoTime();
      int status = server.status(server.target().readyPath(), Duration.ofSeconds(1));
      long micros = (System.nanoTime() - start) / 1_000;
      synchronized (this) {
        byStatus.merge(status, 1, Integer::sum);
        Latency.record(latency, micros);
      }
      try {
        Thread.sleep(Math.max(0, PERIOD_MS - micros / 1_000));
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Stops polling; the answers by status, the number not 200 and the answer times. */
  synchronized JsonObject result() {
    running = false;
    thread.interrupt();
    JsonObject statuses = new JsonObject();
    byStatus.forEach((k, v) -> statuses.put(Integer.toString(k), v));
    int polls = byStatus.values().stream().mapToInt(Integer::intValue).sum();
    return new JsonObject()
        .put("polls", polls)
        .put("notReady", polls - byStatus.getOrDefault(200, 0))
        .put("byStatus", statuses)
        .put("latency", Latency.summary(latency));
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
