package org.ordertracking.bench.scenario;

import io.vertx.core.json.JsonObject;
import org.ordertracking.bench.proc.ProcSample;
import org.ordertracking.bench.target.Target;

/**
 * Connect storm: 2 clients x 9 900 sockets at 2 x 1 000/s, one order each, then held a while
 * (longer than a ping interval). Counts held, refused (by HTTP status), failed and closed (by
 * close code) sockets, and polls readiness all along.
 */
final class StormScenario extends Scenario {
  StormScenario() {
    super("storm", "19 800 sockets opened at 2 x 1 000/s, then held: held / refused / closed, readiness polled throughout");
  }

  @Override
  public JsonObject run(Harness h, Target target, int rep) throws Exception {
    int perClient = h.options.scaled(ClientFleet.MAX_SOCKETS_PER_CLIENT);
    double rate = h.options.scaled(1_000);
    try (Connected c = Connected.prepare(h, h.startReady(target, "storm"), target, "storm", 2 * perClient, 1, 2)) {
      ReadinessProbe probe = new ReadinessProbe(c.server);
      long start = System.nanoTime();
      JsonObject connect = c.connect(rate);
      double connectSeconds = (System.nanoTime() - start) / 1e9;
      Thread.sleep(h.options.holdSeconds() * 1_000L);
      JsonObject end = c.report();
      JsonObject readiness = probe.result();
      ProcSample sample = ProcSample.of(c.server.pid());
      JsonObject latency = ClientReports.connectLatency(connect);
      return new JsonObject()
          .put("metrics", new JsonObject()
              .put("held", end.getLong("open"))
              .put("snapshots", end.getLong("snapshots"))
              .put("refused", ClientReports.total(connect, "refused"))
              .put("failed", ClientReports.total(connect, "failed"))
              .put("closed", ClientReports.total(end, "closed"))
              .put("connectP50Ms", latency.getDouble("p50"))
              .put("connectP99Ms", latency.getDouble("p99"))
              .put("upgradeP50Ms", connect.getJsonObject("connectUpgrade").getDouble("p50"))
              .put("upgradeP99Ms", connect.getJsonObject("connectUpgrade").getDouble("p99"))
              .put("notReadyPolls", readiness.getInteger("notReady"))
              .put("rssMiB", sample.rssBytes() / (1024 * 1024)))
          .put("attempted", connect.getLong("attempted"))
          .put("connectSeconds", Steps.round1(connectSeconds))
          .put("clientConnectLagMax", connect.getLong("connectLagMax"))
          .put("refusedByStatus", connect.getJsonObject("refused"))
          .put("failedByError", connect.getJsonObject("failed"))
          .put("closedByCode", end.getJsonObject("closed"))
          .put("connectUpgrade", connect.getJsonObject("connectUpgrade"))
          .put("connectFirstFrame", connect.getJsonObject("connectFirstFrame"))
          .put("readiness", readiness);
    }
  }
}
