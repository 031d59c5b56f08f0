package org.ordertracking.bench.proc;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The machine a run measured on: cores, memory, load average (other work skews figures: it is
 * recorded at the start of every run), CPU model, kernel, and the runtimes' versions.
 */
public final class Machine {
  private Machine() {}

  public static JsonObject describe() {
    return new JsonObject()
        .put("cores", Runtime.getRuntime().availableProcessors())
        .put("loadAverage", loadAverage(read("/proc/loadavg")))
        .put("memTotalMiB", memTotalKiB(read("/proc/meminfo")) / 1024)
        .put("cpuModel", cpuModel(read("/proc/cpuinfo")))
        .put("kernel", read("/proc/sys/kernel/osrelease").trim())
        .put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"))
        .put("node", command("node", "--version"))
        .put("redis", command("redis-server", "--version"));
  }

  /** The 1, 5 and 15 minute load averages from {@code /proc/loadavg}. */
  static JsonArray loadAverage(String loadavg) {
    String[] f = loadavg.trim().split("\\s+");
    return new JsonArray().add(Double.parseDouble(f[0])).add(Double.parseDouble(f[1])).add(Double.parseDouble(f[2]));
  }

  static long memTotalKiB(String meminfo) {
    for (String line : meminfo.split("\n")) {
      if (line.startsWith("MemTotal:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  static String cpuModel(String cpuinfo) {
    for (String line : cpuinfo.split("\n")) {
      if (line.startsWith("model name")) {
        return line.substring(line.indexOf(':') + 1).trim();
      }
    }
    return "unknown";
  }

  private static String read(String path) {
    try {
      return Files.readString(Path.of(path));
    } catch (IOException e) {
      return "";
    }
  }

  private static String command(String... cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).trim();
      p.waitFor(10, TimeUnit.SECONDS);
      return out;
    } catch (IOException e) {
      return "not found";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }
}
