package org.ordertracking.bench.scenario;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.ordertracking.bench.target.Target;

/**
 * Server CPU (utime + stime) per delivered frame at 2 000 and 10 000 frames/s (10 000 orders x 1
 * socket) and at 50 000 frames/s (1 000 orders x 10 sockets at 5 000 events/s).
 */
final class CpuPerFrameScenario extends Scenario {
  CpuPerFrameScenario() {
    super("cpu", "server CPU per delivered frame at 2 000 / 10 000 frames/s (10 000 x 1) and 50 000 frames/s (1 000 x 10)");
  }

  @Override
  public JsonObject run(Harness h, Target target, int rep) throws Exception {
    int seconds = h.options.stepSeconds();
    JsonArray single = RateSteps.run(h, target, "cpu1", 10_000, 1, new double[] {2_000, 10_000}, false,
        Double.MAX_VALUE, false, seconds);
    JsonArray fanOut = RateSteps.run(h, target, "cpu10", 1_000, 10, new double[] {5_000}, false,
        Double.MAX_VALUE, false, seconds);
    JsonArray all = single.copy();
    fanOut.forEach(all::add);
    return new JsonObject()
        .put("metrics", new JsonObject()
            .put("cpuPerFrameUs2k", cpu(single, 0))
            .put("cpuPerFrameUs10k", cpu(single, 1))
            .put("cpuPerFrameUs50k", cpu(fanOut, 0)))
        .put("steps", all);
  }

  private static Double cpu(JsonArray steps, int i) {
    return i < steps.size() ? steps.getJsonObject(i).getDouble("serverCpuPerFrameUs") : null;
  }
}
