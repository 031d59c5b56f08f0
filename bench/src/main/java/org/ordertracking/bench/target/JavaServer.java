package org.ordertracking.bench.target;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ordertracking.bench.proc.Children;
import org.ordertracking.bench.publish.Jwt;

/**
 * The tracking server's runnable jar on the Redis engine, with real token checks: every socket
 * carries an HS256 token signed with the secret the server is given.
 */
public final class JavaServer implements Target {
  private static final String SECRET = "bench-secret-0123456789-abcdefghijklmnop";
  private static final String API_KEY = "bench-api-key-0123456789";
  private static final String ADMIN_KEY = "bench-admin-key-0123456789";

  private final Path javaBin;
  private final Path jar;
  private final List<String> jvmFlags;
  private final Map<String, String> extraEnv;
  private final Jwt jwt = new Jwt(SECRET);
  private final long issuedAt = System.currentTimeMillis() / 1000;

  /**
   * @param javaBin the {@code java} launcher (another JDK can be compared)
   * @param jvmFlags flags before {@code -jar} (heap, GC, CDS...): compared across runs
   * @param extraEnv more {@code TRACKING_*} variables (e.g. a ping interval), applied last
   */
  public JavaServer(Path javaBin, Path jar, List<String> jvmFlags, Map<String, String> extraEnv) {
    this.javaBin = javaBin;
    this.jar = jar;
    this.jvmFlags = List.copyOf(jvmFlags);
    this.extraEnv = Map.copyOf(extraEnv);
  }

  @Override
  public String name() {
    return "java";
  }

  @Override
  public Running start(Path runDir, int redisPort, int port, List<String> extraJvmFlags) {
    List<String> cmd = new ArrayList<>();
    cmd.add(javaBin.toString());
    cmd.addAll(jvmFlags);
    cmd.addAll(extraJvmFlags);
    cmd.add("-jar");
    cmd.add(jar.toString());
    ProcessBuilder pb = new ProcessBuilder(cmd);
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("TRACKING_"));
    env.put("TRACKING_HOST", "127.0.0.1");
    env.put("TRACKING_PORT", Integer.toString(port));
    env.put("TRACKING_REDIS_URL", "redis://127.0.0.1:" + redisPort);
    env.put("TRACKING_TOKEN_SECRET", SECRET);
    env.put("TRACKING_ADMIN_KEY", ADMIN_KEY);
    env.put("TRACKING_API_KEYS", "bench=" + API_KEY);
    // Stopping is not measured: a short drain lets the JVM exit (and write its recordings) promptly.
    env.put("TRACKING_DRAIN_WINDOW", "1s");
    env.put("TRACKING_LOG_LEVEL", "INFO");
    env.putAll(extraEnv);
    long started = System.nanoTime();
    return new Running(this, Children.get().start("java-server", pb, runDir.resolve("java-server.log")), port, started);
  }

  @Override
  public String socketUri(String orderId) {
    String token = jwt.sign(orderId, issuedAt, issuedAt + 24 * 3600);
    return "/ws/track?token=" + URLEncoder.encode(token, StandardCharsets.US_ASCII);
  }

  @Override
  public String readyPath() {
    return "/health/ready";
  }

  @Override
  public boolean sendsSnapshot() {
    return true;
  }

  @Override
  public boolean hasIngestApi() {
    return true;
  }

  @Override
  public String apiKey() {
    return API_KEY;
  }

  public List<String> jvmFlags() {
    return jvmFlags;
  }
}
