package org.ordertracking.bench.scenario;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.ordertracking.bench.target.Target;

/**
 * 5 000 orders x 2 sockets, the event rate stepped up: the highest rate with p99 within 100 ms and
 * nothing lost (and within 50 ms, the target at 50 000 events/s).
 */
final class CeilingScenario extends Scenario {
  static final double[] RATES = {2_500, 5_000, 10_000, 20_000, 30_000, 40_000, 50_000, 60_000};

  CeilingScenario() {
    super("ceiling", "5 000 orders x 2 sockets, events/s stepped up: highest rate with p99 <= 100 ms (and <= 50 ms), no loss");
  }

  @Override
  public JsonObject run(Harness h, Target target, int rep) throws Exception {
    JsonArray steps = RateSteps.run(h, target, "ceiling", 5_000, 2, RATES, false, 100,
        h.options.stopAtFirstFailure(), h.options.stepSeconds());
    return new JsonObject()
        .put("metrics", new JsonObject()
            .put("maxRateP99Under100Ms", RateSteps.highestPassing(steps, 100))
            .put("maxRateP99Under50Ms", RateSteps.highestPassing(steps, 50)))
        .put("steps", steps);
  }
}
