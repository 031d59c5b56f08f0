package org.ordertracking.bench.target;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ordertracking.bench.proc.Children;

/**
 * The Node.js baseline ({@code ws} + {@code ioredis}, one shared subscriber, frames forwarded
 * verbatim), run from a directory where {@code npm ci} has been done; sockets name their order in
 * {@code ?order=} (it has no tokens). Its own defaults are kept (heartbeat every 30 s, staggered).
 */
public final class NodeBaseline implements Target {
  private final Path dir;

  public NodeBaseline(Path dir) {
    if (!Files.isRegularFile(dir.resolve("server.js")) || !Files.isDirectory(dir.resolve("node_modules"))) {
      throw new IllegalArgumentException("no prepared Node baseline in " + dir
          + " (server.js and node_modules expected; bench/run prepares it with npm ci)");
    }
    this.dir = dir;
  }

  @Override
  public String name() {
    return "node";
  }

  @Override
  public Running start(Path runDir, int redisPort, int port, List<String> extraJvmFlags) {
    ProcessBuilder pb = new ProcessBuilder("node", "server.js").directory(dir.toFile());
    Map<String, String> env = pb.environment();
    env.put("PORT", Integer.toString(port));
    env.put("HOST", "127.0.0.1");
    env.put("REDIS_URL", "redis://127.0.0.1:" + redisPort);
    long started = System.nanoTime();
    return new Running(this, Children.get().start("node-server", pb, runDir.resolve("node-server.log")), port, started);
  }

  @Override
  public String socketUri(String orderId) {
    return "/ws/track?order=" + orderId;
  }

  @Override
  public String readyPath() {
    return "/healthz";
  }

  @Override
  public boolean sendsSnapshot() {
    return false;
  }

  @Override
  public boolean hasIngestApi() {
    return false;
  }
}
