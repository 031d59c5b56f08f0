package org.ordertracking.bench.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ordertracking.bench.stats.Medians;

/**
 * A scenario's result file: its runs (one per repetition and target), and the medians of each
 * metric per target with the ratio of this server to the baseline measured in the same run.
 */
public final class Results {
  public static final String JAVA = "java";
  public static final String BASELINE = "node";

  private Results() {}

  /** Adds {@code medians} and {@code ratios} computed from {@code runs}. */
  public static JsonObject summarize(JsonObject file) {
    Map<String, Map<String, List<Number>>> byTarget = new LinkedHashMap<>();
    JsonArray runs = file.getJsonArray("runs", new JsonArray());
    for (int i = 0; i < runs.size(); i++) {
      JsonObject run = runs.getJsonObject(i);
      JsonObject result = run.getJsonObject("result");
      if (result == null) {
        continue;
      }
      Map<String, List<Number>> metrics = byTarget.computeIfAbsent(run.getString("target"), t -> new LinkedHashMap<>());
      result.getJsonObject("metrics").forEach(e ->
          metrics.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add((Number) e.getValue()));
    }
    JsonObject medians = new JsonObject();
    Set<String> names = new LinkedHashSet<>();
    byTarget.forEach((target, metrics) -> {
      JsonObject m = new JsonObject();
      metrics.forEach((name, values) -> {
        m.put(name, round(Medians.of(values)));
        names.add(name);
      });
      medians.put(target, m.put("reps", metrics.values().stream().mapToInt(List::size).max().orElse(0)));
    });
    JsonObject ratios = new JsonObject();
    JsonObject java = medians.getJsonObject(JAVA);
    JsonObject base = medians.getJsonObject(BASELINE);
    if (java != null && base != null) {
      for (String name : names) {
        double r = Medians.ratio(number(java, name), number(base, name));
        if (!Double.isNaN(r) && !Double.isInfinite(r)) {
          ratios.put(name, Math.round(r * 100) / 100.0);
        }
      }
    }
    return file.put("medians", medians).put("ratios", ratios);
  }

  static double number(JsonObject o, String name) {
    Object v = o == null ? null : o.getValue(name);
    return v instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  private static Object round(double v) {
    if (Double.isNaN(v)) {
      return null;
    }
    return Math.round(v * 100) / 100.0;
  }
}
