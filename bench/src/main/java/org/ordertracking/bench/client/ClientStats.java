package org.ordertracking.bench.client;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.ordertracking.bench.stats.Latency;
import org.ordertracking.bench.stats.SeqCounts;
import org.ordertracking.bench.time.MicroClock;

/** What one load client observed; confined to its event loop. */
final class ClientStats {
  final Histogram latency = Latency.histogram();
  final Histogram connectUpgrade = Latency.histogram();
  final Histogram connectFirstFrame = Latency.histogram();
  final SeqCounts seq = new SeqCounts();
  final Map<String, Integer> refused = new TreeMap<>();
  final Map<String, Integer> failed = new TreeMap<>();
  final Map<String, Integer> closed = new TreeMap<>();
  long attempted;
  long upgraded;
  long open;
  long snapshots;
  long closedInWindow;
  /** Most connects the open-loop schedule was behind at a tick (the client could not keep up). */
  long connectLagMax;
  /** The worst latency in each second of the window (µs): periodic bursts show as spikes. */
  final long[] maxPerSecond = new long[600];
  long windowStartMicros = MicroClock.nowMicros();

  void refused(int status) {
    refused.merge(Integer.toString(status), 1, Integer::sum);
  }

  void failed(Throwable err) {
    String msg = err.getMessage() == null ? "" : err.getMessage();
    // Keep the key short and free of per-connection detail (ports), so failures group.
    String key = err.getClass().getSimpleName() + ": " + msg.replaceAll("[0-9.:/]+", "#");
    failed.merge(key.length() > 80 ? key.substring(0, 80) : key, 1, Integer::sum);
  }

  void closed(Short code) {
    closed.merge(code == null ? "none" : code.toString(), 1, Integer::sum);
    closedInWindow++;
  }

  /**
   * Starts a measurement window: every histogram and counter starts from zero, except the number of
   * sockets open.
   */
  void reset() {
    latency.reset();
    connectUpgrade.reset();
    connectFirstFrame.reset();
    seq.reset();
    refused.clear();
    failed.clear();
    closed.clear();
    attempted = 0;
    upgraded = 0;
    snapshots = 0;
    closedInWindow = 0;
    connectLagMax = 0;
    java.util.Arrays.fill(maxPerSecond, 0);
    windowStartMicros = MicroClock.nowMicros();
  }

  /** Records a frame's publish-to-arrival latency. */
  void frameLatency(long nowMicros, long latencyMicros) {
    Latency.record(latency, latencyMicros);
    int second = (int) ((nowMicros - windowStartMicros) / 1_000_000);
    if (second >= 0 && second < maxPerSecond.length && latencyMicros > maxPerSecond[second]) {
      maxPerSecond[second] = latencyMicros;
    }
  }

  private JsonArray maxPerSecondMs() {
    int last = (int) Math.min(maxPerSecond.length, (MicroClock.nowMicros() - windowStartMicros) / 1_000_000 + 1);
    JsonArray out = new JsonArray();
    for (int i = 0; i < last; i++) {
      out.add(maxPerSecond[i] / 1000.0);
    }
    return out;
  }

  JsonObject toJson(long missingTail) {
    return new JsonObject()
        .put("attempted", attempted)
        .put("upgraded", upgraded)
        .put("open", open)
        .put("refused", new JsonObject(new TreeMap<>(refused)))
        .put("failed", new JsonObject(new TreeMap<>(failed)))
        .put("closed", new JsonObject(new TreeMap<>(closed)))
        .put("closedInWindow", closedInWindow)
        .put("connectLagMax", connectLagMax)
        .put("frames", seq.frames)
        .put("snapshots", snapshots)
        .put("gaps", seq.gaps)
        .put("duplicates", seq.duplicates)
        .put("reorders", seq.reorders)
        .put("missingTail", missingTail)
        .put("latency", Latency.encode(latency))
        .put("maxLatencyPerSecond", maxPerSecondMs())
        .put("connectUpgrade", Latency.encode(connectUpgrade))
        .put("connectFirstFrame", Latency.encode(connectFirstFrame));
  }
}
