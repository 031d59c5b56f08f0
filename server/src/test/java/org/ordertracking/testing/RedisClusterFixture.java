package org.ordertracking.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A real Redis Cluster for tests: three masters and three replicas, each a {@code redis-server
 * --cluster-enabled yes} process of its own on a free loopback port (its bus port, port + 10000,
 * free too), joined by {@code redis-cli --cluster create --cluster-replicas 1}. Or the cluster
 * named by {@code REDIS_CLUSTER_URL} (comma-separated seed URLs), which tests can only read.
 *
 * <p>A local cluster belongs to the test that started it: it can {@link #killMasterOf kill a
 * master} (SIGKILL, like a crash) and {@link #reshardFirstSlotOf move a slot}. Nodes time out
 * after {@value #NODE_TIMEOUT_MS} ms, so a replica takes over within a few seconds. Every wait is a
 * condition polled with a deadline. {@link #close} kills every process it started.
 */
public final class RedisClusterFixture implements AutoCloseable {
  static final int NODE_TIMEOUT_MS = 1_000;
  private static final Duration CONVERGE = Duration.ofSeconds(30);
  private static RedisClusterFixture shared;

  /** One node as CLUSTER NODES lists it. */
  public record Node(String id, int port, boolean master, boolean failed, String masterId, List<int[]> slots) {
    public boolean owns(int slot) {
      return slots.stream().anyMatch(r -> slot >= r[0] && slot <= r[1]);
    }
  }

  private final String externalUrl;
  private final Path dir;
  private final Map<Integer, Process> processes = new LinkedHashMap<>();

  private RedisClusterFixture(String externalUrl, Path dir) {
    this.externalUrl = externalUrl;
    this.dir = dir;
  }

  /** One cluster for the whole test JVM (tests isolate their state by unique order ids). */
  public static synchronized RedisClusterFixture shared() {
    if (shared == null) {
      String env = System.getenv("REDIS_CLUSTER_URL");
      shared = env != null && !env.isBlank() ? new RedisClusterFixture(env.trim(), null) : start();
      RedisClusterFixture s = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(s::close));
    }
    return shared;
  }

  /** A local cluster of the caller's own (fault tests), whatever {@code REDIS_CLUSTER_URL} says. */
  public static RedisClusterFixture start() {
    RedisFixture.requireLocalServerVersion(7, "Redis Cluster with sharded pub/sub");
    RedisClusterFixture f;
    try {
      f = new RedisClusterFixture(null, Files.createTempDirectory("redis-cluster"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      f.launchAll(6);
      f.create();
      f.awaitHealthy();
      return f;
    } catch (RuntimeException | Error e) {
      f.close();
      throw e;
    }
  }

  /** Seed URLs, comma-separated, as {@code TRACKING_REDIS_URL} takes them in cluster mode. */
  public String url() {
    if (externalUrl != null) {
      return externalUrl;
    }
    return processes.keySet().stream().map(p -> "redis://127.0.0.1:" + p).collect(Collectors.joining(","));
  }

  public boolean controllable() {
    return dir != null;
  }

  private void launchAll(int count) {
    for (int i = 0; i < count; i++) {
      int port = Ports.free();
      while (processes.containsKey(port)) {
        port = Ports.free();
      }
      processes.put(port, launch(port));
    }
    for (int port : processes.keySet()) {
      Await.until("redis-server on " + port + " answers PING (log " + dir.resolve(port + ".log") + ")", CONVERGE,
          () -> "PONG".equals(tryCli(port, "PING")));
    }
  }

  private Process launch(int port) {
    List<String> cmd = List.of("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
        "--cluster-enabled", "yes", "--cluster-config-file", dir.resolve("nodes-" + port + ".conf").toString(),
        "--cluster-node-timeout", Integer.toString(NODE_TIMEOUT_MS),
        // Replicas sync at once rather than after the default 5 s wait for more of them.
        "--repl-diskless-sync-delay", "0",
        "--save", "", "--appendonly", "no", "--dir", dir.toString());
    try {
      return new ProcessBuilder(cmd).redirectErrorStream(true)
          .redirectOutput(dir.resolve(port + ".log").toFile()).start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start redis-server (" + RedisFixture.INSTALL_HINT + "): " + e, e);
    }
  }

  private void create() {
    List<String> cmd = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
    processes.keySet().forEach(p -> cmd.add("127.0.0.1:" + p));
    cmd.addAll(List.of("--cluster-replicas", "1", "--cluster-yes"));
    String out = run(cmd, Duration.ofSeconds(30));
    if (!out.contains("All 16384 slots covered")) {
      throw new IllegalStateException("redis-cli --cluster create failed:\n" + out);
    }
  }

  /**
   * Waits until every live node reports cluster_state:ok and agrees on who owns every slot, and
   * every live replica has finished its sync with its master (master_link_status:up).
   */
  public void awaitHealthy() {
    Await.until("every live cluster node reports cluster_state:ok and the same slot owners, replicas in sync",
        CONVERGE, () -> {
      String owners = null;
      for (int port : livePorts()) {
        String info = tryCli(port, "CLUSTER", "INFO");
        if (info == null || !info.contains("cluster_state:ok")) {
          return false;
        }
        String replication = tryCli(port, "INFO", "replication");
        if (replication == null || (replication.contains("role:slave") && !replication.contains("master_link_status:up"))) {
          return false;
        }
        List<Node> nodes = nodes(port);
        String view = nodes.stream().filter(n -> n.master() && !n.slots().isEmpty() && !n.failed())
            .map(n -> n.port() + slotsText(n)).sorted().collect(Collectors.joining(" "));
        long covered = nodes.stream().filter(n -> n.master() && !n.failed())
            .flatMap(n -> n.slots().stream()).mapToLong(r -> r[1] - r[0] + 1).sum();
        if (covered != 16384 || (owners != null && !owners.equals(view))) {
          return false;
        }
        owners = view;
      }
      return true;
    });
  }

  private static String slotsText(Node n) {
    return n.slots().stream().map(r -> r[0] + "-" + r[1]).collect(Collectors.joining(","));
  }

  /** The nodes as the first live node sees them. */
  public List<Node> nodes() {
    requireControllable();
    return nodes(livePorts().get(0));
  }

  /** The master owning {@code slot}. */
  public Node masterOf(int slot) {
    return nodes().stream().filter(n -> n.master() && !n.failed() && n.owns(slot)).findFirst()
        .orElseThrow(() -> new IllegalStateException("no master owns slot " + slot));
  }

  /** The masters, lowest first slot first. */
  public List<Node> masters() {
    return nodes().stream().filter(n -> n.master() && !n.failed() && !n.slots().isEmpty())
        .sorted((a, b) -> Integer.compare(a.slots().get(0)[0], b.slots().get(0)[0])).toList();
  }

  /**
   * Kills the master owning {@code slot} with SIGKILL, waits until its replica has taken over
   * and the cluster is healthy again; returns the new master.
   */
  public Node killMasterOf(int slot) {
    Node old = masterOf(slot);
    Process p = processes.get(old.port());
    p.destroyForcibly();
    try {
      p.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Await.until("a replica of " + old.port() + " is master of slot " + slot, CONVERGE, () -> {
      try {
        Node now = masterOf(slot);
        return now.port() != old.port();
      } catch (IllegalStateException e) {
        return false;
      }
    });
    awaitHealthy();
    return masterOf(slot);
  }

  /**
   * Moves one slot, the first of {@code from}'s, to {@code to} with {@code redis-cli --cluster
   * reshard} (which moves the lowest slots of the source); returns that slot.
   */
  public int reshardFirstSlotOf(Node from, Node to) {
    int slot = from.slots().get(0)[0];
    String out = run(List.of("redis-cli", "--cluster", "reshard", "127.0.0.1:" + from.port(),
        "--cluster-from", from.id(), "--cluster-to", to.id(), "--cluster-slots", "1", "--cluster-yes"),
        Duration.ofSeconds(60));
    Await.until("slot " + slot + " is owned by " + to.port() + " (redis-cli said:\n" + out + ")", CONVERGE,
        () -> masterOf(slot).id().equals(to.id()));
    awaitHealthy();
    return slot;
  }

  private List<Integer> livePorts() {
    return processes.entrySet().stream().filter(e -> e.getValue().isAlive()).map(Map.Entry::getKey).toList();
  }

  private List<Node> nodes(int port) {
    String text = tryCli(port, "CLUSTER", "NODES");
    if (text == null) {
      throw new IllegalStateException("node " + port + " did not answer CLUSTER NODES");
    }
    List<Node> nodes = new ArrayList<>();
    for (String line : text.split("\n")) {
      String[] f = line.trim().split(" ");
      if (f.length < 8) {
        continue;
      }
      String addr = f[1];
      int port2 = Integer.parseInt(addr.substring(addr.lastIndexOf(':') + 1, addr.indexOf('@')));
      List<String> flags = Arrays.asList(f[2].split(","));
      List<int[]> slots = new ArrayList<>();
      for (int i = 8; i < f.length; i++) {
        if (f[i].startsWith("[")) {
          continue; // a slot being imported or migrated
        }
        String[] r = f[i].split("-");
        slots.add(new int[] {Integer.parseInt(r[0]), Integer.parseInt(r[r.length - 1])});
      }
      nodes.add(new Node(f[0], port2, flags.contains("master"), flags.contains("fail") || flags.contains("fail?"),
          f[3], slots));
    }
    return nodes;
  }

  /** {@code redis-cli} on a node; null when it does not answer. */
  private String tryCli(int port, String... args) {
    List<String> cmd = new ArrayList<>(List.of("redis-cli", "-h", "127.0.0.1", "-p", Integer.toString(port)));
    cmd.addAll(List.of(args));
    try {
      String out = run(cmd, Duration.ofSeconds(5)).trim();
      return out.startsWith("Could not connect") || out.contains("Connection refused") ? null : out;
    } catch (IllegalStateException e) {
      return null;
    }
  }

  private static String run(List<String> cmd, Duration limit) {
    Path out = null;
    try {
      // Output to a file, so that a hung command cannot block the reader past the deadline.
      out = Files.createTempFile("redis-cli", ".out");
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
      if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(cmd + " did not finish within " + limit);
      }
      // redis-cli colours its --cluster output; the escapes are of no interest here.
      return Files.readString(out, StandardCharsets.UTF_8).replaceAll("\u001B\\[[0-9;]*m", "");
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + cmd.get(0) + " (" + RedisFixture.INSTALL_HINT + "): " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      if (out != null) {
        out.toFile().delete();
      }
    }
  }

  private void requireControllable() {
    if (!controllable()) {
      throw new IllegalStateException("this cluster (REDIS_CLUSTER_URL) is not the test's own");
    }
  }

  @Override
  public void close() {
    processes.values().stream().filter(Objects::nonNull).forEach(Process::destroyForcibly);
    for (Process p : processes.values()) {
      try {
        p.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
