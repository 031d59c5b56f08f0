package org.ordertracking.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of {@code bench/run}: scenario names, then options. Every option has a default
 * that reproduces the documented figures; the short forms exist for development runs.
 */
public record Options(
    List<String> scenarios,
    int reps,
    List<String> targets,
    Path javaBin,
    List<String> javaFlags,
    Map<String, String> javaEnv,
    Path serverJar,
    Path benchJar,
    Path baselineDir,
    Path resultsDir,
    String profile,
    double scale,
    int stepSeconds,
    int holdSeconds,
    boolean stopAtFirstFailure) {

  static final List<String> ALL = List.of("storm", "idle", "cold", "warm", "tail", "ceiling", "cpu", "ingest");
  static final String USAGE = """
      usage: bench/run SCENARIO... [options]      SCENARIO: %s, or all
             bench/run report                     summary.json, summary.md and charts from the latest results
             bench/run jfr-top FILE.jfr [N]       hot methods and allocation sites of a recording
      options:
        --reps N              repetitions, medians reported (default 3)
        --targets java,node   servers to measure, in this order in the first repetition (default both)
        --java-flags "..."    JVM flags of the Java server (default: none, the JVM's defaults)
        --java-bin PATH       java launcher for the server (default: the one running the bench)
        --java-env K=V,...    extra TRACKING_* variables for the Java server
        --baseline-dir DIR    prepared Node baseline (bench/run copies it and runs npm ci)
        --results DIR         where result files go (default bench/results)
        --profile jfr|async   record the Java server: JFR, or async-profiler (cpu + alloc)
        --scale F             sockets and rates times F (default 1; e.g. 0.1 while developing)
        --step-seconds N      measurement window per rate step (default 25: more than a ping interval)
        --hold-seconds N      how long the storm holds its sockets (default 30)
        --all-steps           do not stop stepping up the rate after the first failing step
      """.formatted(String.join(", ", ALL));

  static Options parse(String[] args) {
    List<String> scenarios = new ArrayList<>();
    int reps = 3;
    List<String> targets = List.of("java", "node");
    Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> javaFlags = List.of();
    Map<String, String> javaEnv = new LinkedHashMap<>();
    Path serverJar = Path.of("server/target/tracking-server.jar");
    Path benchJar = Path.of("bench/target/tracking-bench.jar");
    Path baselineDir = Path.of("bench/target/node-ws");
    Path resultsDir = Path.of("bench/results");
    String profile = "none";
    double scale = 1;
    int step = 25;
    int hold = 30;
    boolean stopAtFirstFailure = true;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--")) {
        if (a.equals("all")) {
          scenarios.addAll(ALL);
        } else if (ALL.contains(a)) {
          scenarios.add(a);
        } else {
          throw new IllegalArgumentException("unknown scenario '" + a + "'\n" + USAGE);
        }
        continue;
      }
      if (a.equals("--all-steps")) {
        stopAtFirstFailure = false;
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(a + " needs a value\n" + USAGE);
      }
      String v = args[++i];
      switch (a) {
        case "--reps" -> reps = positive(a, v);
        case "--targets" -> targets = List.of(v.split(","));
        case "--java-flags" -> javaFlags = v.isBlank() ? List.of() : Arrays.asList(v.trim().split("\\s+"));
        case "--java-bin" -> javaBin = Path.of(v);
        case "--java-env" -> {
          for (String kv : v.split(",")) {
            int eq = kv.indexOf('=');
            if (eq <= 0 || !kv.startsWith("TRACKING_")) {
              throw new IllegalArgumentException("--java-env takes TRACKING_NAME=value pairs, got '" + kv + "'");
            }
            javaEnv.put(kv.substring(0, eq), kv.substring(eq + 1));
          }
        }
        case "--server-jar" -> serverJar = Path.of(v);
        case "--bench-jar" -> benchJar = Path.of(v);
        case "--baseline-dir" -> baselineDir = Path.of(v);
        case "--results" -> resultsDir = Path.of(v);
        case "--profile" -> {
          if (!List.of("none", "jfr", "async").contains(v)) {
            throw new IllegalArgumentException("--profile is jfr, async or none, got '" + v + "'");
          }
          profile = v;
        }
        case "--scale" -> {
          scale = Double.parseDouble(v);
          if (!(scale > 0 && scale <= 1)) {
            throw new IllegalArgumentException("--scale must be in (0, 1], got " + v);
          }
        }
        case "--step-seconds" -> step = positive(a, v);
        case "--hold-seconds" -> hold = positive(a, v);
        default -> throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
      }
    }
    for (String t : targets) {
      if (!t.equals("java") && !t.equals("node")) {
        throw new IllegalArgumentException("--targets takes java and/or node, got '" + t + "'");
      }
    }
    if (scenarios.isEmpty()) {
      throw new IllegalArgumentException("no scenario given\n" + USAGE);
    }
    return new Options(List.copyOf(scenarios), reps, targets, javaBin, javaFlags, Map.copyOf(javaEnv), serverJar,
        benchJar, baselineDir, resultsDir, profile, scale, step, hold, stopAtFirstFailure);
  }

  private static int positive(String name, String v) {
    try {
      int n = Integer.parseInt(v);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // fall through to the message
    }
    throw new IllegalArgumentException(name + " must be a positive whole number, got '" + v + "'");
  }

  /** {@code n} scaled by {@link #scale}, at least 1. */
  public int scaled(int n) {
    return Math.max(1, (int) Math.round(n * scale));
  }
}
