package org.ordertracking.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordertracking.testing.Await;

/**
 * The runnable jar's start-up, as operators start it: every module's variables are checked before
 * anything connects, and a bad one stops the process with exit code 2 and a line naming it. A
 * listener standing in for Redis counts connection attempts.
 */
class StartupIT {
  private static final Path JAR = Path.of("target", "tracking-server.jar");

  private ServerSocket fakeRedis;
  private final AtomicInteger connections = new AtomicInteger();

  @BeforeEach
  void listen() throws IOException {
    fakeRedis = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(() -> {
      while (!fakeRedis.isClosed()) {
        try (Socket s = fakeRedis.accept()) {
          connections.incrementAndGet();
        } catch (IOException e) {
          return; // closed
        }
      }
    }, "fake-redis");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  @AfterEach
  void close() throws IOException {
    fakeRedis.close();
  }

  private Map<String, String> env(String... extra) {
    Map<String, String> env = new java.util.HashMap<>(Map.of(
        "TRACKING_HOST", "127.0.0.1",
        "TRACKING_PORT", "0",
        "TRACKING_TOKEN_SECRET", "startup-test-secret-that-is-long-enough",
        "TRACKING_REDIS_URL", "redis://127.0.0.1:" + fakeRedis.getLocalPort()));
    for (int i = 0; i < extra.length; i += 2) {
      env.put(extra[i], extra[i + 1]);
    }
    return env;
  }

  @Test
  void aBadAdapterVariableStopsStartUpWithExitCode2BeforeAnyConnection() throws Exception {
    assertRefusedBeforeConnecting("TRACKING_WEBHOOK_SECRETS", "nosuch=secret", "TRACKING_WEBHOOK_SECRETS");
  }

  @Test
  void aBadPageVariableStopsStartUpWithExitCode2BeforeAnyConnection() throws Exception {
    assertRefusedBeforeConnecting(
        "TRACKING_MAP_TILES_URL", "ftp://tiles.example.org/{z}/{x}/{y}", "TRACKING_MAP_TILES_URL");
  }

  @Test
  void aBadClusterSeedStopsStartUpWithExitCode2BeforeAnyConnection() throws Exception {
    // A Redis Cluster has only database 0: a seed naming another is refused at start-up.
    Result r = run(env("TRACKING_REDIS_MODE", "cluster",
        "TRACKING_REDIS_URL", "redis://127.0.0.1:" + fakeRedis.getLocalPort() + "/3"));
    assertEquals(2, r.exitCode(), r.output());
    assertTrue(r.output().contains("TRACKING_REDIS_URL") && r.output().contains("only database 0"), r.output());
    assertEquals(0, connections.get(), "nothing may connect before the configuration is valid");
  }

  private void assertRefusedBeforeConnecting(String variable, String value, String said) throws Exception {
    Result r = run(env(variable, value));
    assertEquals(2, r.exitCode(), r.output());
    assertTrue(r.output().contains(said), r.output());
    assertEquals(0, connections.get(), "nothing may connect before the configuration is valid");
  }

  /** The control: with a valid configuration the same node does reach for Redis. */
  @Test
  void aValidConfigurationConnectsToRedis() throws Exception {
    Process p = start(env());
    try {
      Await.until("the node connects to Redis", () -> connections.get() > 0);
    } finally {
      p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  private record Result(int exitCode, String output) {}

  private static Result run(Map<String, String> env) throws Exception {
    Process p = start(env);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the server did not stop by itself");
    }
    return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  private static Process start(Map<String, String> env) {
    assertTrue(Files.isRegularFile(JAR), JAR + " is built by the package phase");
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder pb = new ProcessBuilder(java, "-jar", JAR.toString()).redirectErrorStream(true);
    pb.environment().clear();
    pb.environment().putAll(env);
    try {
      return pb.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
