package org.ordertracking.bench.scenario;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ordertracking.bench.proc.Children.Child;
import org.ordertracking.bench.proc.ProcSample;
import org.ordertracking.bench.publish.EventPlan;
import org.ordertracking.bench.publish.PublishStats;
import org.ordertracking.bench.publish.Publisher;
import org.ordertracking.bench.target.Running;

/**
 * Publishing windows over connected sockets: publish at a fixed rate for a while, stop, let frames
 * in flight arrive, and read what the clients saw, what the publisher did and what the server
 * process spent (CPU over the publishing window, RSS at its end).
 */
final class Steps {
  /** Frames still in flight after the publisher stopped get this long to arrive. */
  static final long DRAIN_MS = 2_000;
  private static final long WARM_UP_SECONDS = 5;

  private final Harness h;
  private final Running server;
  private final ClientFleet fleet;
  private final Publisher publisher;
  private final EventPlan plan;
  private int steps;

  Steps(Harness h, Running server, ClientFleet fleet, Publisher publisher, EventPlan plan) {
    this.h = h;
    this.server = server;
    this.fleet = fleet;
    this.publisher = publisher;
    this.plan = plan;
  }

  /** Publishes a few seconds at {@code rate} (JIT, pools, buffers), unmeasured. */
  void warmUp(double rate) throws Exception {
    publisher.start(rate);
    Thread.sleep(WARM_UP_SECONDS * 1_000);
    Harness.await(publisher.stop());
    Thread.sleep(DRAIN_MS);
  }

  /** One measured window at {@code rate} events per second. */
  JsonObject step(double rate, int seconds) throws Exception {
    fleet.merged(cmd("reset"), Harness.COMMAND_TIMEOUT);
    ProcSample s0 = ProcSample.of(server.pid());
    List<ProcSample> c0 = clientSamples();
    publisher.start(rate);
    Thread.sleep(seconds * 1_000L);
    PublishStats published = Harness.await(publisher.stop());
    ProcSample s1 = ProcSample.of(server.pid());
    List<ProcSample> c1 = clientSamples();
    Thread.sleep(DRAIN_MS);
    Path expect = h.repDir().resolve("expect-" + (++steps) + ".txt");
    plan.writeLastSeqs(expect);
    JsonObject seen = fleet.merged(cmd("report").put("expect", expect.toAbsolutePath().toString()),
        Harness.COMMAND_TIMEOUT);

    long frames = seen.getLong("frames");
    double cpu = s1.cpuSecondsSince(s0);
    double wall = s1.wallSecondsSince(s0);
    double clientCpu = 0;
    for (int i = 0; i < c0.size(); i++) {
      clientCpu += c1.get(i).cpuSecondsSince(c0.get(i));
    }
    long loss = seen.getLong("gaps") + seen.getLong("missingTail");
    return new JsonObject()
        .put("rate", rate)
        .put("seconds", seconds)
        .put("latency", seen.getJsonObject("latency"))
        .put("maxLatencyPerSecond", seen.getJsonArray("maxLatencyPerSecond"))
        .put("frames", frames)
        .put("framesPerSecond", Math.round(frames / wall))
        .put("loss", loss)
        .put("gaps", seen.getLong("gaps"))
        .put("missingTail", seen.getLong("missingTail"))
        .put("duplicates", seen.getLong("duplicates"))
        .put("reorders", seen.getLong("reorders"))
        .put("closed", seen.getJsonObject("closed"))
        .put("open", seen.getLong("open"))
        .put("serverCpuPercent", round1(100 * cpu / wall))
        .put("serverCpuPerFrameUs", frames == 0 ? null : round1(cpu * 1e6 / frames))
        .put("serverRssMiB", s1.rssBytes() / (1024 * 1024))
        .put("clientCpuPercent", round1(100 * clientCpu / wall))
        .put("publisher", published.toJson());
  }

  /**
   * Whether a step meets a latency bound with nothing lost: every socket still open, p99 within
   * {@code p99Ms}, no frame lost, duplicated, reordered, no socket closed, and the publisher kept its schedule and had
   * every event accepted.
   */
  static boolean passes(JsonObject step, double p99Ms) {
    JsonObject lat = step.getJsonObject("latency");
    JsonObject pub = step.getJsonObject("publisher");
    return lat.getLong("count", 0L) > 0
        && step.getLong("open").equals(step.getLong("sockets"))
        && lat.getDouble("p99") <= p99Ms
        && step.getLong("loss") == 0
        && step.getLong("duplicates") == 0
        && step.getLong("reorders") == 0
        && ClientReports.total(step, "closed") == 0
        && pub.getLong("failed") == 0
        && pub.getLong("notApplied") == 0;
  }

  private List<ProcSample> clientSamples() throws java.io.IOException {
    List<ProcSample> out = new ArrayList<>();
    for (Child c : fleet.processes()) {
      out.add(ProcSample.of(c.pid()));
    }
    return out;
  }

  static JsonObject cmd(String name) {
    return new JsonObject().put("cmd", name);
  }

  static double round1(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
