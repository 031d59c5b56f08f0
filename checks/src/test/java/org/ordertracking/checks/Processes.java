package org.ordertracking.checks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a tool these checks need (haproxy, docker-compose, kubectl, java), bounded in time. */
final class Processes {
  record Result(int exit, String output) {}

  private Processes() {}

  static Result run(List<String> command, Map<String, String> env, String installHint) {
    ProcessBuilder pb = new ProcessBuilder(command).directory(Repository.root().toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new AssertionError(command.get(0) + " is needed for this check: " + installHint, e);
    }
    try {
      // Read before waiting: a full pipe would block the tool.
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(2, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " did not finish in 2 minutes");
      }
      return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static Result run(List<String> command, String installHint) {
    return run(command, Map.of(), installHint);
  }
}
