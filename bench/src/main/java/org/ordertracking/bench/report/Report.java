package org.ordertracking.bench.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.ordertracking.bench.stats.Medians;

/**
 * Turns the latest full result file of each scenario (not profiled, not scaled down) into
 * {@code summary.json}, {@code summary.md} (the tables for docs/BENCHMARKS.md) and PNG charts
 * under {@code charts/}.
 */
public final class Report {
  static final List<String> ORDER = List.of("storm", "idle", "cold", "warm", "tail", "ceiling", "cpu", "ingest");
  private static final List<String> TARGETS = List.of(Results.JAVA, Results.BASELINE);

  private Report() {}

  public static void write(Path resultsDir) throws IOException {
    Map<String, JsonObject> latest = latest(resultsDir);
    JsonObject summary = new JsonObject().put("generatedAt", LocalDateTime.now().toString());
    JsonObject scenarios = new JsonObject();
    StringBuilder md = new StringBuilder();
    for (String name : ORDER) {
      JsonObject file = latest.get(name);
      if (file == null) {
        continue;
      }
      scenarios.put(name, new JsonObject()
          .put("describe", file.getString("describe"))
          .put("file", file.getString("fileName"))
          .put("startedAt", file.getString("startedAt"))
          .put("loadAverageAtStart", file.getJsonObject("machine").getJsonArray("loadAverage"))
          .put("options", file.getJsonObject("options"))
          .put("medians", file.getJsonObject("medians"))
          .put("ratios", file.getJsonObject("ratios")));
      md.append(table(name, file));
    }
    summary.put("machine", latest.values().stream().findFirst().map(f -> f.getJsonObject("machine")).orElse(null));
    summary.put("scenarios", scenarios);
    Files.writeString(resultsDir.resolve("summary.json"), summary.encodePrettily());
    Files.writeString(resultsDir.resolve("summary.md"), md.toString());
    Charts.write(latest, resultsDir.resolve("charts"));
    System.out.print(md);
    System.out.println("-> " + resultsDir.resolve("summary.json") + ", summary.md, charts/");
  }

  /** The newest result file per scenario among those made at full scale without a profiler. */
  static Map<String, JsonObject> latest(Path dir) throws IOException {
    Map<String, JsonObject> out = new TreeMap<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.getFileName().toString().matches("[a-z]+-\\d{8}-\\d{6}\\.json")).sorted().toList();
    }
    for (Path p : files) {
      JsonObject f = new JsonObject(Files.readString(p));
      JsonObject o = f.getJsonObject("options");
      if (o.getDouble("scale") == 1.0 && "none".equals(o.getString("profile"))) {
        out.put(f.getString("scenario"), f.put("fileName", p.getFileName().toString()));
      }
    }
    return out;
  }

  static String table(String name, JsonObject file) {
    JsonObject medians = file.getJsonObject("medians");
    JsonObject ratios = file.getJsonObject("ratios");
    StringBuilder sb = new StringBuilder();
    sb.append("#### ").append(name).append(": ").append(file.getString("describe")).append("\n\n");
    sb.append("| metric | this server | Node baseline | ratio |\n|---|---:|---:|---:|\n");
    List<String> metrics = new ArrayList<>();
    for (String t : TARGETS) {
      JsonObject m = medians.getJsonObject(t);
      if (m != null) {
        m.fieldNames().stream().filter(k -> !metrics.contains(k)).forEach(metrics::add);
      }
    }
    for (String metric : metrics) {
      sb.append("| ").append(metric);
      for (String t : TARGETS) {
        sb.append(" | ").append(format(Results.number(medians.getJsonObject(t), metric)));
      }
      sb.append(" | ").append(metric.equals("reps") ? "" : format(Results.number(ratios, metric))).append(" |\n");
    }
    JsonArray runs = file.getJsonArray("runs");
    for (int i = 0; i < runs.size(); i++) {
      JsonObject run = runs.getJsonObject(i);
      if (run.containsKey("error")) {
        sb.append("\nRepetition ").append(run.getInteger("rep")).append(" of ").append(run.getString("target"))
            .append(" gave no figures: ").append(run.getString("error")).append('\n');
      }
    }
    sb.append("\nLoad average at start ").append(file.getJsonObject("machine").getJsonArray("loadAverage").encode())
        .append("; file `").append(file.getString("fileName")).append("`.\n\n");
    return sb.toString();
  }

  static String format(double v) {
    if (Double.isNaN(v)) {
      return "–";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.format("%,d", (long) v).replace(',', ' ');
    }
    return Math.abs(v) >= 100 ? String.format("%.0f", v) : String.format("%.2f", v);
  }

  /** The median over repetitions of a step field, per target and nominal rate. */
  static Map<Double, Double> stepMedians(JsonObject file, String target, String field, String sub) {
    Map<Double, List<Double>> byRate = new TreeMap<>();
    JsonArray runs = file.getJsonArray("runs");
    for (int i = 0; i < runs.size(); i++) {
      JsonObject run = runs.getJsonObject(i);
      JsonObject result = run.getJsonObject("result");
      if (!target.equals(run.getString("target")) || result == null || result.getJsonArray("steps") == null) {
        continue;
      }
      JsonArray steps = result.getJsonArray("steps");
      for (int k = 0; k < steps.size(); k++) {
        JsonObject s = steps.getJsonObject(k);
        Object v = sub == null ? s.getValue(field) : s.getJsonObject(field).getValue(sub);
        if (v instanceof Number n) {
          byRate.computeIfAbsent(s.getDouble("nominalRate"), r -> new ArrayList<>()).add(n.doubleValue());
        }
      }
    }
    Map<Double, Double> out = new TreeMap<>();
    byRate.forEach((rate, values) -> out.put(rate, Medians.of(values)));
    return out;
  }
}
