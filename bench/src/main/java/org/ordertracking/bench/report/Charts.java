package org.ordertracking.bench.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The charts of docs/BENCHMARKS.md, from the scenarios' result files. */
final class Charts {
  private static final List<String> TARGETS = List.of(Results.JAVA, Results.BASELINE);
  private static final List<String> LEGEND = List.of("this server", "Node baseline");

  private Charts() {}

  static void write(Map<String, JsonObject> latest, Path dir) throws IOException {
    if (latest.containsKey("storm")) {
      bars(latest.get("storm"), dir.resolve("storm.png"), "Connect storm: 19 800 sockets at 2 x 1 000/s", "sockets",
          List.of("held", "refused", "closed"));
    }
    if (latest.containsKey("idle")) {
      bars(latest.get("idle"), dir.resolve("memory.png"), "Memory per idle socket (19 800 held)", "KiB",
          List.of("rssPerSocketKiB", "heapPerSocketKiB"));
    }
    for (String s : List.of("cold", "warm")) {
      if (latest.containsKey(s)) {
        bars(latest.get(s), dir.resolve(s + "-connects.png"),
            (s.equals("cold") ? "Cold" : "Warm") + " connects: 5 000 at 1 000/s", "ms", List.of("p50Ms", "p90Ms", "p99Ms"));
      }
    }
    if (latest.containsKey("tail")) {
      bars(latest.get("tail"), dir.resolve("tail.png"), "Latency at 10 000 events/s x 1 socket", "ms",
          List.of("p50Ms", "p90Ms", "p99Ms", "p999Ms"));
    }
    if (latest.containsKey("tail")) {
      overTime(latest.get("tail"), dir.resolve("tail-over-time.png"),
          "Worst latency in each second at 10 000 events/s (first repetition)");
    }
    if (latest.containsKey("cpu")) {
      bars(latest.get("cpu"), dir.resolve("cpu.png"), "Server CPU per delivered frame", "µs",
          List.of("cpuPerFrameUs2k", "cpuPerFrameUs10k", "cpuPerFrameUs50k"));
    }
    if (latest.containsKey("ceiling")) {
      steps(latest.get("ceiling"), dir.resolve("ceiling.png"), "Ceiling: p99 vs event rate (5 000 orders x 2 sockets)");
    }
    if (latest.containsKey("ingest")) {
      steps(latest.get("ingest"), dir.resolve("ingest.png"), "Ingest path: p99 vs event rate (10 000 x 1)");
    }
  }

  private static void bars(JsonObject file, Path out, String title, String unit, List<String> metrics)
      throws IOException {
    JsonObject medians = file.getJsonObject("medians");
    double[][] values = new double[TARGETS.size()][metrics.size()];
    for (int t = 0; t < TARGETS.size(); t++) {
      for (int m = 0; m < metrics.size(); m++) {
        values[t][m] = Results.number(medians.getJsonObject(TARGETS.get(t)), metrics.get(m));
      }
    }
    Chart.writePng(Chart.bars(title, unit, metrics, LEGEND, values), out);
  }

  /** The first repetition's worst latency per second of each server, over the window. */
  private static void overTime(JsonObject file, Path out, String title) throws IOException {
    double[][] x = new double[TARGETS.size()][0];
    double[][] y = new double[TARGETS.size()][0];
    JsonArray runs = file.getJsonArray("runs");
    for (int t = 0; t < TARGETS.size(); t++) {
      for (int i = 0; i < runs.size(); i++) {
        JsonObject run = runs.getJsonObject(i);
        JsonObject result = run.getJsonObject("result");
        if (!TARGETS.get(t).equals(run.getString("target")) || result == null) {
          continue;
        }
        JsonArray series = result.getJsonObject("step").getJsonArray("maxLatencyPerSecond", new JsonArray());
        x[t] = new double[series.size()];
        y[t] = new double[series.size()];
        for (int k = 0; k < series.size(); k++) {
          x[t][k] = k;
          y[t][k] = series.getDouble(k);
        }
        break;
      }
    }
    Chart.writePng(Chart.lines(title, "second of the window", "ms", LEGEND, x, y), out);
  }

  private static void steps(JsonObject file, Path out, String title) throws IOException {
    double[][] x = new double[TARGETS.size()][];
    double[][] y = new double[TARGETS.size()][];
    for (int t = 0; t < TARGETS.size(); t++) {
      Map<Double, Double> p99 = Report.stepMedians(file, TARGETS.get(t), "latency", "p99");
      x[t] = p99.keySet().stream().mapToDouble(Double::doubleValue).toArray();
      y[t] = p99.values().stream().mapToDouble(Double::doubleValue).toArray();
    }
    Chart.writePng(Chart.lines(title, "events/s", "p99 ms", LEGEND, x, y), out);
  }
}
