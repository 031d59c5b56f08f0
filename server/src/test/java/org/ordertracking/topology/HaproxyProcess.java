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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.ordertracking.testing.Await;
import org.ordertracking.testing.Ports;

/**
 * A real {@code haproxy} (Debian's package) running the repository's own
 * deploy/haproxy/haproxy.cfg, in front of two nodes, on loopback. Its stats page (CSV) tells which
 * nodes it considers up and how often it retried a request on another node.
 */
final class HaproxyProcess implements AutoCloseable {
  static final String INSTALL_HINT = "the process-level tests need haproxy on PATH (Debian/Ubuntu: apt-get install -y haproxy)";
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  private final int port = Ports.free();
  private final int statsPort = Ports.free();
  private final Process process;
  private final Path log;

  HaproxyProcess(ServerProcess node1, ServerProcess node2) {
    log = RepositoryFiles.logDir().resolve("haproxy.log");
    Map<String, String> env = new HashMap<>();
    env.put("LB_BIND", "127.0.0.1:" + port);
    env.put("LB_STATS_BIND", "127.0.0.1:" + statsPort);
    env.put("LB_NODE_1", "127.0.0.1:" + node1.port());
    env.put("LB_NODE_2", "127.0.0.1:" + node2.port());
    env.put("LB_MAXCONN", "2000");
    // -db: stay in the foreground, so that this process is haproxy itself.
    ProcessBuilder pb = new ProcessBuilder("haproxy", "-db", "-f", RepositoryFiles.haproxyConfig().toString())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().putAll(env);
    try {
      process = pb.start();
    } catch (IOException e) {
      throw new IllegalStateException(INSTALL_HINT + " (" + e.getMessage() + ")", e);
    }
  }

  int port() {
    return port;
  }

  /** Waits until haproxy itself answers and shows both nodes up. */
  void awaitNodesUp(Duration limit) {
    Await.until("haproxy shows node1 and node2 UP (log: " + log + ")", limit, () -> {
      if (!process.isAlive()) {
        throw new AssertionError("haproxy exited with " + process.exitValue() + ":\n" + logText());
      }
      return "UP".equals(status("node1")) && "UP".equals(status("node2"));
    });
  }

  void awaitUp(String server, Duration limit) {
    Await.until("haproxy shows " + server + " UP", limit, () -> "UP".equals(status(server)));
  }

  /** A backend server's status as haproxy sees it (UP, DOWN, "DOWN 1/2", ...), or "" if unknown. */
  String status(String server) {
    return row(server).getOrDefault("status", "");
  }

  /** Requests haproxy retried (wretr) and sent to another node (wredis), over the backend. */
  String retries() {
    Map<String, String> backend = row("BACKEND");
    return "retried " + backend.getOrDefault("wretr", "?") + ", redispatched " + backend.getOrDefault("wredis", "?");
  }

  private Map<String, String> row(String svname) {
    List<String> lines = statsCsv();
    if (lines.isEmpty()) {
      return Map.of();
    }
    String[] header = lines.get(0).replaceFirst("^# ", "").split(",", -1);
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      if (cells.length > 1 && cells[0].equals("tracking_nodes") && cells[1].equals(svname)) {
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < Math.min(header.length, cells.length); i++) {
          row.put(header[i], cells[i]);
        }
        return row;
      }
    }
    return Map.of();
  }

  private List<String> statsCsv() {
    try {
      HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + statsPort + "/stats;csv"))
          .timeout(Duration.ofSeconds(2)).build();
      HttpResponse<String> res = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
      return res.statusCode() == 200 ? res.body().lines().toList() : List.of();
    } catch (IOException e) {
      return List.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    }
  }

  private String logText() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
