package org.ordertracking.bench.scenario;

import io.vertx.core.json.JsonObject;
import org.ordertracking.bench.target.Ports;
import org.ordertracking.bench.target.Running;
import org.ordertracking.bench.target.Target;

/**
 * 5 000 connects at 1 000/s (one order each). Cold: to a server started one second before (the
 * deploy case; later if it is not ready by then). Warm: after the same 5 000 connects were made,
 * held a moment and closed, as a warm-up.
 */
final class ConnectScenario extends Scenario {
  private static final long COLD_START_MS = 1_000;

  private final boolean warm;

  ConnectScenario(boolean warm) {
    super(warm ? "warm" : "cold",
        warm
            ? "5 000 connects at 1 000/s to a warmed-up server: request to first frame (snapshot; 101 for the baseline)"
            : "5 000 connects at 1 000/s to a server started 1 s before: request to first frame (snapshot; 101 for the baseline)");
    this.warm = warm;
  }

  @Override
  public JsonObject run(Harness h, Target target, int rep) throws Exception {
    int sockets = h.options.scaled(5_000);
    double rate = h.options.scaled(1_000);
    int port = Ports.free();
    try (Connected c = Connected.clientsFirst(h, port, target, name(), sockets, 1, 1)) {
      Running server = h.start(target, name(), port);
      c.server = server;
      long readyMs = server.awaitReady(Harness.READY_TIMEOUT);
      long sinceStart = (System.nanoTime() - server.startedNanos()) / 1_000_000;
      if (!warm && sinceStart < COLD_START_MS) {
        Thread.sleep(COLD_START_MS - sinceStart);
      }
      if (warm) {
        c.connect(rate);
        Thread.sleep(2_000);
        c.fleet.merged(Steps.cmd("close"), Harness.COMMAND_TIMEOUT);
        Thread.sleep(3_000);
      }
      long startedAfterMs = (System.nanoTime() - server.startedNanos()) / 1_000_000;
      JsonObject connect = c.connect(rate);
      JsonObject latency = ClientReports.connectLatency(connect);
      JsonObject metrics = new JsonObject()
          .put("p50Ms", latency.getDouble("p50"))
          .put("p90Ms", latency.getDouble("p90"))
          .put("p99Ms", latency.getDouble("p99"))
          .put("maxMs", latency.getDouble("max"))
          .put("upgradeP99Ms", connect.getJsonObject("connectUpgrade").getDouble("p99"))
          .put("refused", ClientReports.total(connect, "refused"))
          .put("failed", ClientReports.total(connect, "failed"));
      if (!warm) {
        metrics.put("readyAfterMs", readyMs);
      }
      return new JsonObject()
          .put("metrics", metrics)
          .put("connectsStartedAfterMs", startedAfterMs)
          .put("clientConnectLagMax", connect.getLong("connectLagMax"))
          .put("connectUpgrade", connect.getJsonObject("connectUpgrade"))
          .put("connectFirstFrame", connect.getJsonObject("connectFirstFrame"))
          .put("refusedByStatus", connect.getJsonObject("refused"))
          .put("failedByError", connect.getJsonObject("failed"));
    }
  }
}
