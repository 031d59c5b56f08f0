package org.ordertracking.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;

/**
 * A real Redis for tests, whatever the machine has: {@code REDIS_URL} when set, else a
 * Testcontainers container when a Docker engine answers, else a {@code redis-server} process from
 * PATH on a free loopback port. A process instance belongs to the test that started it, so fault
 * tests can {@link #stop()} and {@link #restart()} it on the same port. Never a mock.
 *
 * <p>Tests that need a Redis 7 feature (sharded pub/sub, Cluster with it) call {@link
 * #requireVersion} or {@link #requireLocalServerVersion}: on an older Redis they are skipped with a
 * message naming the feature and the version found, except under {@code CI=true}, where they fail,
 * so that CI always runs them.
 */
public final class RedisFixture implements AutoCloseable {
  /** The container image used when a Docker engine answers: the Redis that CI's Debian ships. */
  static final String IMAGE = "redis:7.0.15-alpine";
  static final String INSTALL_HINT = "Debian/Ubuntu: apt-get install -y redis-server redis-tools";

  private static RedisFixture shared;

  private final String url;
  private final int port;
  private final Path dir;
  private Process process;
  private List<String> extraArgs = List.of();
  private final GenericContainer<?> container;

  private RedisFixture(String url, int port, Path dir, Process process, GenericContainer<?> container) {
    this.url = url;
    this.port = port;
    this.dir = dir;
    this.process = process;
    this.container = container;
  }

  /** One Redis for the whole test JVM (state is isolated by unique order ids per test). */
  public static synchronized RedisFixture shared() {
    if (shared == null) {
      shared = start();
      RedisFixture s = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(s::close));
    }
    return shared;
  }

  /**
   * A local {@code redis-server} process of the caller's own with extra arguments (e.g. {@code
   * --requirepass}); null when this machine has no {@code redis-server} or uses an external one.
   */
  public static RedisFixture startProcess(String... extraArgs) {
    if (System.getenv("REDIS_URL") != null) {
      return null;
    }
    int port = Ports.free();
    try {
      Path dir = Files.createTempDirectory("redis-fixture");
      RedisFixture f = new RedisFixture("redis://127.0.0.1:" + port, port, dir, null, null);
      f.extraArgs = List.of(extraArgs);
      f.process = f.launch();
      return f;
    } catch (IOException e) {
      return null;
    }
  }

  /** A Redis of this caller's own. */
  public static RedisFixture start() {
    String env = System.getenv("REDIS_URL");
    if (env != null && !env.isBlank()) {
      return new RedisFixture(env, -1, null, null, null);
    }
    if (dockerAnswers()) {
      GenericContainer<?> c = new GenericContainer<>(IMAGE).withExposedPorts(6379);
      c.start();
      return new RedisFixture(
          "redis://" + c.getHost() + ":" + c.getMappedPort(6379), c.getMappedPort(6379), null, null, c);
    }
    int port = Ports.free();
    try {
      Path dir = Files.createTempDirectory("redis-fixture");
      RedisFixture f = new RedisFixture("redis://127.0.0.1:" + port, port, dir, null, null);
      f.process = f.launch();
      return f;
    } catch (IOException e) {
      throw new IllegalStateException("Redis tests need REDIS_URL, a Docker engine, or redis-server (>= 7) on PATH ("
          + INSTALL_HINT + "); starting redis-server failed: " + e.getMessage(), e);
    }
  }

  /**
   * Skips the calling test (fails it under {@code CI=true}) when this Redis is older than {@code
   * major}, naming {@code feature}.
   */
  public void requireVersion(int major, String feature) {
    RedisVersion.require(RedisVersion.ofServer(url), major, feature, "the Redis at " + url);
  }

  /**
   * The same for tests that start their own {@code redis-server} processes (e.g. a Cluster): checks
   * the {@code redis-server} on PATH.
   */
  public static void requireLocalServerVersion(int major, String feature) {
    RedisVersion.require(RedisVersion.ofLocalBinary(), major, feature, "redis-server on PATH");
  }

  private static boolean dockerAnswers() {
    boolean hasSocket = new File("/var/run/docker.sock").exists() || System.getenv("DOCKER_HOST") != null;
    if (!hasSocket) {
      return false;
    }
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  public String url() {
    return url;
  }

  /** Whether this instance is ours to stop and restart (a local process). */
  public boolean controllable() {
    return dir != null;
  }

  /** Kills the server (like a crash: no clean shutdown) and waits until it is gone. */
  public void stop() {
    requireControllable();
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Freezes the server (SIGSTOP): its connections stay open but nothing is answered, a hung Redis. */
  public void freeze() {
    signal("STOP");
  }

  /** Lets a frozen server go on (SIGCONT). */
  public void thaw() {
    signal("CONT");
  }

  private void signal(String name) {
    requireControllable();
    try {
      Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
      if (kill.waitFor() != 0) {
        throw new IllegalStateException("kill -" + name + " failed");
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Starts an empty server again on the same port. */
  public void restart() {
    requireControllable();
    try {
      process = launch();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private void requireControllable() {
    if (!controllable()) {
      throw new IllegalStateException("this Redis is not a local process of the test");
    }
  }

  private Process launch() throws IOException {
    List<String> cmd = new java.util.ArrayList<>(List.of(
        "redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
        "--save", "", "--appendonly", "no", "--dir", dir.toString()));
    cmd.addAll(extraArgs);
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("redis.log").toFile())
            .start();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new IllegalStateException("redis-server exited; see " + dir.resolve("redis.log"));
      }
      if (ping()) {
        return p;
      }
      try {
        Thread.sleep(20); // polling a condition (PONG) with a deadline, not waiting for luck
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    p.destroyForcibly();
    throw new IllegalStateException("redis-server did not answer PING on port " + port);
  }

  private boolean ping() {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 200);
      OutputStream out = s.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      byte[] buf = new byte[7];
      int n = in.read(buf);
      String reply = n > 0 ? new String(buf, 0, n, StandardCharsets.US_ASCII) : "";
      // A password-protected server answers NOAUTH: it is up all the same.
      return reply.startsWith("+PONG") || reply.startsWith("-NOAUTH");
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() {
    if (container != null) {
      container.stop();
    }
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
    }
  }
}
