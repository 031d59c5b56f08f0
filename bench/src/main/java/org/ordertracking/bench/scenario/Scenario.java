package org.ordertracking.bench.scenario;

import io.vertx.core.json.JsonObject;
import org.ordertracking.bench.target.Target;

/**
 * One line of issue 7's table. A run starts its own server process, clients and publisher, and
 * stops them all before it returns, also on failure.
 */
public abstract class Scenario {
  private final String name;
  private final String describe;

  /**
   * @param name what {@code bench/run} calls it
   * @param describe what the headline figures mean, for the console and the result file
   */
  protected Scenario(String name, String describe) {
    this.name = name;
    this.describe = describe;
  }

  public final String name() {
    return name;
  }

  public final String describe() {
    return describe;
  }

  /**
   * One repetition against one target: {@code {"metrics": {name: number}, ...details}}. Metrics
   * are the figures whose medians are reported.
   */
  public abstract JsonObject run(Harness h, Target target, int rep) throws Exception;

  public static Scenario named(String name) {
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
