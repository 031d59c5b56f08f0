package org.ordertracking.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.ordertracking.bench.proc.Children;
import org.ordertracking.bench.proc.Machine;
import org.ordertracking.bench.report.JfrTop;
import org.ordertracking.bench.report.Report;
import org.ordertracking.bench.report.Results;
import org.ordertracking.bench.scenario.Harness;
import org.ordertracking.bench.scenario.Scenario;
import org.ordertracking.bench.target.JavaServer;
import org.ordertracking.bench.target.NodeBaseline;
import org.ordertracking.bench.target.Target;

/**
 * Entry point of {@code bench/run}: runs scenarios against the Java server and the Node baseline
 * (same Redis, same machine, one after the other, alternating order per repetition) and writes one
 * result file per scenario; {@code report} turns the latest ones into the summary and charts.
 */
public final class Bench {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private Bench() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("java.awt.headless", "true");
    try {
      if (args.length > 0 && args[0].equals("report")) {
        Path results = Path.of(args.length > 1 ? args[1] : "bench/results");
        Report.write(results);
        return;
      }
      if (args.length > 0 && args[0].equals("jfr-top")) {
        if (args.length < 2) {
          throw new IllegalArgumentException("usage: bench/run jfr-top FILE.jfr [N]");
        }
        JfrTop.print(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 25, System.out);
        return;
      }
      run(Options.parse(args));
    } catch (IllegalArgumentException e) {
      System.err.println("bench: " + e.getMessage());
      System.exit(2);
    }
  }

  private static void run(Options options) throws Exception {
    Files.createDirectories(options.resultsDir());
    // bench/run kills whatever is still listed there once this JVM has gone, however it ended.
    Children.get().pidFile(Path.of(System.getProperty("bench.pids", options.resultsDir().resolve(".pids").toString())));
    List<Target> targets = new ArrayList<>();
    for (String t : options.targets()) {
      targets.add(t.equals("java")
          ? new JavaServer(options.javaBin(), options.serverJar(), options.javaFlags(), options.javaEnv())
          : new NodeBaseline(options.baselineDir()));
    }
    int failures = 0;
    for (String name : options.scenarios()) {
      Scenario scenario = Scenario.named(name);
      String stamp = LocalDateTime.now().format(STAMP);
      Path runDir = options.resultsDir().resolve(name + "-" + stamp);
      JsonObject file = new JsonObject()
          .put("scenario", name)
          .put("describe", scenario.describe())
          .put("startedAt", LocalDateTime.now().toString())
          .put("machine", Machine.describe())
          .put("options", options(options));
      JsonArray runs = new JsonArray();
      file.put("runs", runs);
      System.out.printf("== %s: %s (load average %s, %d cores)%n", name, scenario.describe(),
          file.getJsonObject("machine").getJsonArray("loadAverage").encode(),
          file.getJsonObject("machine").getInteger("cores"));
      try (Harness h = new Harness(options, runDir, targets)) {
        for (int rep = 0; rep < options.reps(); rep++) {
          for (Target target : h.targets(rep)) {
            JsonObject run = new JsonObject()
                .put("rep", rep + 1)
                .put("target", target.name())
                .put("loadAverage", Machine.describe().getJsonArray("loadAverage"));
            try {
              h.beginRun(target, rep);
              JsonObject result = scenario.run(h, target, rep);
              run.put("result", result);
              System.out.printf("  rep %d %s: %s%n", rep + 1, target.name(), result.getJsonObject("metrics").encode());
            } catch (Exception e) {
              failures++;
              run.put("error", String.valueOf(e));
              System.out.printf("  rep %d %s FAILED: %s%n", rep + 1, target.name(), e);
              e.printStackTrace();
            }
            runs.add(run);
          }
        }
      } finally {
        Children.get().stopAll();
      }
      file.put("finishedAt", LocalDateTime.now().toString());
      Results.summarize(file);
      Path out = options.resultsDir().resolve(name + "-" + stamp + ".json");
      Files.writeString(out, file.encodePrettily());
      System.out.printf("  medians %s%n  ratios java/node %s%n  -> %s%n",
          file.getJsonObject("medians").encode(), file.getJsonObject("ratios").encode(), out);
    }
    if (failures > 0) {
      System.exit(1);
    }
  }

  private static JsonObject options(Options o) {
    return new JsonObject()
        .put("reps", o.reps())
        .put("targets", new JsonArray(o.targets()))
        .put("javaBin", o.javaBin().toString())
        .put("javaFlags", String.join(" ", o.javaFlags()))
        .put("javaEnv", new JsonObject(new java.util.TreeMap<>(o.javaEnv())))
        .put("profile", o.profile())
        .put("scale", o.scale())
        .put("stepSeconds", o.stepSeconds())
        .put("holdSeconds", o.holdSeconds());
  }
}
