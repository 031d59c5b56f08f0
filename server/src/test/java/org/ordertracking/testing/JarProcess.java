package org.ordertracking.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The runnable jar in a process of its own, as an operator starts it ({@code java -jar}), with only
 * the {@code TRACKING_*} variables the test gives, on a port from {@link Ports}; everything it
 * prints (stdout and stderr) goes to a file under {@code target/test-logs/} that the test can read.
 */
public final class JarProcess implements AutoCloseable {
  private static final Path JAR = Path.of("target", "tracking-server.jar");
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  private final Process process;
  private final Path output;
  private final int port;

  private JarProcess(Process process, Path output, int port) {
    this.process = process;
    this.output = output;
    this.port = port;
  }

  public static JarProcess start(String name, Map<String, String> env) {
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException(JAR + " is built by the package phase: run with ./mvnw verify");
    }
    int port = env.containsKey("TRACKING_PORT") ? Integer.parseInt(env.get("TRACKING_PORT")) : Ports.free();
    String java = ProcessHandle.current().info().command().orElse("java");
    try {
      Path dir = Files.createDirectories(Path.of("target", "test-logs"));
      Path output = dir.resolve(name + ".out");
      ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Xmx256m", "-jar", JAR.toString()))
          .redirectErrorStream(true).redirectOutput(output.toFile());
      pb.environment().keySet().removeIf(k -> k.startsWith("TRACKING_") || k.endsWith("JAVA_OPTIONS")
          || k.equals("JAVA_TOOL_OPTIONS"));
      pb.environment().putAll(env);
      pb.environment().put("TRACKING_PORT", Integer.toString(port));
      return new JarProcess(pb.start(), output, port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return port;
  }

  /** Waits until {@code /health/ready} answers 200; fails early if the process exits. */
  public JarProcess awaitReady() {
    Await.until("the server answers /health/ready (output: " + output + ")", Duration.ofSeconds(60), () -> {
      if (!process.isAlive()) {
        throw new AssertionError("the server exited with " + process.exitValue() + ":\n" + output());
      }
      return get("/health/ready") == 200;
    });
    return this;
  }

  /** The status of a GET, or -1 when nothing answers. */
  public int get(String path) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** Waits for the process to end by itself; its exit code. */
  public int awaitExit(Duration limit) {
    try {
      if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("the server did not exit within " + limit + ":\n" + output());
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** SIGTERM (the drain), then waits for the exit. */
  public int stop() {
    process.destroy();
    return awaitExit(Duration.ofSeconds(30));
  }

  /** Everything the process printed so far. */
  public String output() {
    try {
      return Files.readString(output, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no output: " + e + ")";
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
