package org.ordertracking.bench.scenario;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.ordertracking.bench.target.Target;

/** 10 000 orders x 1 socket at 10 000 events/s: the latency distribution, keep-alive included. */
final class TailLatencyScenario extends Scenario {
  /** The window spans at least one keep-alive interval (20 s by default), so a ping burst shows. */
  private static final int MIN_WINDOW_SECONDS = 30;

  TailLatencyScenario() {
    super("tail", "10 000 orders x 1 socket, 10 000 events/s straight into Redis: publish-to-socket latency");
  }

  @Override
  public JsonObject run(Harness h, Target target, int rep) throws Exception {
    int seconds = Math.max(MIN_WINDOW_SECONDS, h.options.stepSeconds());
    JsonArray steps = RateSteps.run(h, target, "tail", 10_000, 1, new double[] {10_000}, false,
        Double.MAX_VALUE, false, seconds);
    JsonObject step = steps.getJsonObject(0);
    JsonObject lat = step.getJsonObject("latency");
    return new JsonObject()
        .put("metrics", new JsonObject()
            .put("p50Ms", lat.getDouble("p50"))
            .put("p90Ms", lat.getDouble("p90"))
            .put("p99Ms", lat.getDouble("p99"))
            .put("p999Ms", lat.getDouble("p999"))
            .put("maxMs", lat.getDouble("max"))
            .put("loss", step.getLong("loss"))
            .put("cpuPerFrameUs", step.getDouble("serverCpuPerFrameUs")))
        .put("step", step);
  }
}
