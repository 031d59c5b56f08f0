package org.ordertracking.topology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.ordertracking.testing.Await;

/**
 * One tracking server as an operator runs it: {@code java @deploy/jvm.options -jar
 * tracking-server.jar} in its own process, configured only by {@code TRACKING_*} variables, on a
 * fixed loopback port so that it comes back at the same address after a restart.
 */
final class ServerProcess implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  private final String name;
  private final int port;
  private final Map<String, String> env;
  private Process process;
  private Path log;
  private int starts;

  ServerProcess(String name, int port, Map<String, String> env) {
    this.name = name;
    this.port = port;
    this.env = Map.copyOf(env);
  }

  String name() {
    return name;
  }

  int port() {
    return port;
  }

  void start() {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = List.of(java, "@" + RepositoryFiles.jvmOptions(),
        // The production heap share of a 24 GiB test machine would be far too much for two nodes.
        "-Xms64m", "-Xmx256m",
        "-jar", RepositoryFiles.serverJar().toString());
    log = RepositoryFiles.logDir().resolve(name + "-" + (++starts) + ".log");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    // Only what the test says: nothing of the machine's TRACKING_* or JVM option variables.
    pb.environment().keySet().removeIf(k -> k.startsWith("TRACKING_") || k.endsWith("JAVA_OPTIONS") || k.equals("JAVA_TOOL_OPTIONS"));
    pb.environment().putAll(env);
    pb.environment().put("TRACKING_PORT", Integer.toString(port));
    try {
      process = pb.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  /** The HTTP status of {@code GET /health/ready}, or -1 when nothing answers. */
  int readiness() {
    try {
      HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
          .timeout(Duration.ofSeconds(2)).build();
      return HTTP.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  void awaitReady(Duration limit) {
    Await.until(name + " answers /health/ready with 200 (log: " + log + ")", limit, () -> {
      if (!alive()) {
        throw new AssertionError(name + " exited with " + process.exitValue() + " before it was ready:\n" + logTail());
      }
      return readiness() == 200;
    });
  }

  /** SIGTERM, as a container runtime or systemd stops it; returns the exit code. */
  int terminate(Duration limit) {
    signalTerm();
    return awaitExit(limit);
  }

  /** Sends SIGTERM and returns at once. */
  void signalTerm() {
    process.destroy();
  }

  /** Waits for the process to end; its exit code. */
  int awaitExit(Duration limit) {
    try {
      if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(name + " did not exit within " + limit + " of SIGTERM:\n" + logTail());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    return process.exitValue();
  }

  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  @Override
  public void close() {
    if (alive()) {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
