package org.ordertracking.bench.scenario;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.ordertracking.bench.target.Target;

/**
 * The ingest path: events through {@code POST /api/v1/events} batches -> the Redis engine's publish
 * script -> sockets (10 000 orders x 1 socket), the rate stepped up; the highest rate with p99
 * within 50 ms and nothing lost or refused. The baseline has no ingest API: its line is the same
 * load published straight into Redis, i.e. the cost of fan-out alone.
 */
final class IngestScenario extends Scenario {
  static final double[] RATES = {10_000, 20_000, 30_000, 40_000};

  IngestScenario() {
    super("ingest", "batch API -> Redis engine -> sockets (baseline: straight into Redis), 10 000 x 1, events/s stepped up: "
        + "highest rate with p99 <= 50 ms, no loss");
  }

  @Override
  public JsonObject run(Harness h, Target target, int rep) throws Exception {
    JsonArray steps = RateSteps.run(h, target, "ingest", 10_000, 1, RATES, true, 50,
        h.options.stopAtFirstFailure(), h.options.stepSeconds());
    return new JsonObject()
        .put("metrics", new JsonObject().put("maxRateP99Under50Ms", RateSteps.highestPassing(steps, 50)))
        .put("path", target.hasIngestApi() ? "batch API" : "Redis PUBLISH")
        .put("steps", steps);
  }
}
