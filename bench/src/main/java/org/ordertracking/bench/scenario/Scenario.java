package org.ordertracking.bench.scenario;

import io.vertx.core.json.JsonObject;
import org.ordertracking.bench.target.Target;

/**
 * One line of issue 7's table. A run starts its own server process, clients and publisher, and
 * stops them all before it returns, also on failure.
 */
public interface Scenario {
  String name();

  /** What the headline figures mean, for the docs and the summary. */
  String describe();

  /**
   * One repetition against one target: {@code {"metrics": {name: number}, ...details}}. Metrics
   * are the figures whose medians are reported.
   */
  JsonObject run(Harness h, Target target, int rep) throws Exception;

  static Scenario named(String name) {
    return switch (name) {
      case "storm" -> new StormScenario();
      case "idle" -> new IdleMemoryScenario();
      case "cold" -> new ConnectScenario(false);
      case "warm" -> new ConnectScenario(true);
      case "tail" -> new TailLatencyScenario();
      case "ceiling" -> new CeilingScenario();
      case "cpu" -> new CpuPerFrameScenario();
      case "ingest" -> new IngestScenario();
      default -> throw new IllegalArgumentException("unknown scenario " + name);
    };
  }
}
