package org.ordertracking.bench.scenario;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ordertracking.bench.Options;
import org.ordertracking.bench.proc.Machine;
import org.ordertracking.bench.publish.BatchApiPublisher;
import org.ordertracking.bench.publish.EventPlan;
import org.ordertracking.bench.publish.Publisher;
import org.ordertracking.bench.publish.RedisPublisher;
import org.ordertracking.bench.target.Ports;
import org.ordertracking.bench.target.RedisServer;
import org.ordertracking.bench.target.Running;
import org.ordertracking.bench.target.Target;

/**
 * What every scenario run shares: its options, a directory for logs and recordings, one private
 * Redis for all targets and repetitions, and a Vert.x instance for the publishers.
 */
public final class Harness implements AutoCloseable {
  static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
  // Bounded: set-up connects retry at most 10 times, each attempt at most a minute.
  static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(12);

  final Options options;
  final Path runDir;
  /** Where the current repetition's logs, socket lists and recordings go. */
  private Path repDir;
  final RedisServer redis;
  final Vertx vertx;
  private final List<Target> targets;
  private int serverStarts;

  public Harness(Options options, Path runDir, List<Target> targets) throws InterruptedException, IOException {
    this.options = options;
    this.runDir = runDir;
    this.targets = List.copyOf(targets);
    Files.createDirectories(runDir);
    this.repDir = runDir;
    this.redis = RedisServer.start(runDir);
    this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
  }

  /** The targets in the order of repetition {@code rep}: alternating, so drift hits both alike. */
  public List<Target> targets(int rep) {
    List<Target> order = new ArrayList<>(targets);
    if (rep % 2 == 1) {
      java.util.Collections.reverse(order);
    }
    return order;
  }

  /** Gives the repetition {@code rep} of {@code target} a directory of its own. */
  public void beginRun(Target target, int rep) throws IOException {
    repDir = runDir.resolve((rep + 1) + "-" + target.name());
    Files.createDirectories(repDir);
  }

  Path repDir() {
    return repDir;
  }

  /** Starts {@code target} (with the profiler asked for, on a JVM), without waiting for readiness. */
  Running start(Target target, String label) throws IOException {
    return start(target, label, Ports.free());
  }

  /** {@link #start(Target, String)} on a port chosen beforehand (clients can be ready first). */
  Running start(Target target, String label, int port) throws IOException {
    List<String> flags = new ArrayList<>();
    if (target.name().equals("java") && !options.profile().equals("none")) {
      String base = repDir.resolve(label + "-" + (++serverStarts)).toAbsolutePath().toString();
      if (options.profile().equals("jfr")) {
        flags.add("-XX:StartFlightRecording=filename=" + base + ".jfr,settings=profile,dumponexit=true");
      } else {
        flags.add("-agentpath:" + asyncProfilerLibrary() + "=start,event=cpu,interval=1ms,alloc=512k,file=" + base + "-async.jfr,jfr");
      }
    }
    return target.start(repDir, redis.port(), port, flags);
  }

  /** Starts {@code target} and waits until it answers ready. */
  Running startReady(Target target, String label) throws IOException, InterruptedException {
    Running r = start(target, label);
    r.awaitReady(READY_TIMEOUT);
    return r;
  }

  /** The async-profiler agent from its Maven Central jar, unpacked next to the run's files. */
  private Path asyncProfilerLibrary() throws IOException {
    Path so = runDir.resolve("libasyncProfiler.so");
    if (!Files.exists(so)) {
      try (InputStream in = Harness.class.getResourceAsStream("/linux-x64/libasyncProfiler.so")) {
        if (in == null) {
          throw new IOException("libasyncProfiler.so (linux-x64) is not in the bench jar");
        }
        Files.copy(in, so, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return so.toAbsolutePath();
  }

  /** Order ids unique to this run, target and repetition (fresh state, seq from 1). */
  static String[] orderIds(String prefix, int n) {
    String[] ids = new String[n];
    for (int i = 0; i < n; i++) {
      ids[i] = prefix + "-" + i;
    }
    return ids;
  }

  /** {@code perOrder} sockets per order, socket j watching order j % orders. */
  static List<ClientFleet.SocketSpec> sockets(Target target, String[] orders, int perOrder) {
    List<ClientFleet.SocketSpec> out = new ArrayList<>(orders.length * perOrder);
    for (int j = 0; j < orders.length * perOrder; j++) {
      int order = j % orders.length;
      out.add(new ClientFleet.SocketSpec(order, target.socketUri(orders[order])));
    }
    return out;
  }

  /** Starts the load clients and warms their JVMs up (see the client's prime command). */
  ClientFleet fleet(int port, List<ClientFleet.SocketSpec> sockets, int minClients)
      throws IOException, InterruptedException {
    ClientFleet fleet = new ClientFleet(repDir, options.benchJar(), port, sockets, minClients);
    fleet.command(new JsonObject().put("cmd", "prime"), COMMAND_TIMEOUT);
    return fleet;
  }

  /** A publisher into Redis, or through the target's batch API when {@code viaApi} and it has one. */
  Publisher publisher(Target target, Running server, EventPlan plan, boolean viaApi) throws Exception {
    if (viaApi && target.hasIngestApi()) {
      return new BatchApiPublisher(vertx, server.port(), target.apiKey(), plan);
    }
    return await(RedisPublisher.connect(vertx, redis.port(), plan));
  }

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
  }

  /** The machine and its load right now: recorded at the start of every run. */
  JsonObject machine() {
    return Machine.describe();
  }

  @Override
  public void close() {
    vertx.close();
    redis.stop();
  }
}
