package org.ordertracking.bench.scenario;

import io.vertx.core.json.JsonObject;
import org.ordertracking.bench.proc.JvmHeap;
import org.ordertracking.bench.proc.ProcSample;
import org.ordertracking.bench.target.Running;
import org.ordertracking.bench.target.Target;

/**
 * Memory per idle socket: RSS before and after 19 800 sockets (one order each) are opened at a
 * gentle 2 x 250/s (memory, not the storm, is measured here) and left idle; for a JVM also the
 * live heap after a full GC before and after. Also the CPU an idle node spends on its sockets
 * (keep-alive), over the idle window.
 */
final class IdleMemoryScenario extends Scenario {
  private static final int SETTLE_MS = 3_000;

  IdleMemoryScenario() {
    super("idle", "RSS (and live heap after full GC) growth per idle socket with 19 800 held");
  }

  @Override
  public JsonObject run(Harness h, Target target, int rep) throws Exception {
    int perClient = h.options.scaled(ClientFleet.MAX_SOCKETS_PER_CLIENT);
    Running server = h.startReady(target, "idle");
    try (Connected c = Connected.prepare(h, server, target, "idle", 2 * perClient, 1, 2)) {
      boolean jvm = target.name().equals("java");
      Thread.sleep(SETTLE_MS);
      long heapBefore = jvm ? JvmHeap.liveBytesAfterFullGc(server.pid()) : -1;
      ProcSample before = ProcSample.of(server.pid());
      c.connect(h.options.scaled(250), true);
      Thread.sleep(SETTLE_MS);
      ProcSample idleStart = ProcSample.of(server.pid());
      Thread.sleep(h.options.holdSeconds() * 1_000L);
      ProcSample after = ProcSample.of(server.pid());
      long heapAfter = jvm ? JvmHeap.liveBytesAfterFullGc(server.pid()) : -1;
      if (jvm) {
        // What the live heap per socket is made of, for the profile.
        java.nio.file.Files.writeString(h.repDir().resolve("class-histogram.txt"), JvmHeap.classHistogram(server.pid()));
      }
      JsonObject end = c.report();
      long held = end.getLong("open");
      JsonObject metrics = new JsonObject()
          .put("held", held)
          .put("rssBeforeMiB", before.rssBytes() / (1024 * 1024))
          .put("rssAfterMiB", after.rssBytes() / (1024 * 1024))
          .put("rssPerSocketKiB", perSocketKiB(after.rssBytes() - before.rssBytes(), held))
          .put("idleCpuPercent", Steps.round1(100 * after.cpuSecondsSince(idleStart) / after.wallSecondsSince(idleStart)));
      if (jvm) {
        metrics.put("heapPerSocketKiB", perSocketKiB(heapAfter - heapBefore, held))
            .put("heapAfterMiB", heapAfter / (1024 * 1024));
      }
      return new JsonObject()
          .put("metrics", metrics)
          .put("closedByCode", end.getJsonObject("closed"))
          .put("refusedByStatus", c.connect.getJsonObject("refused"));
    }
  }

  static Double perSocketKiB(long bytes, long sockets) {
    return sockets == 0 ? null : Math.round(bytes * 100.0 / sockets / 1024) / 100.0;
  }
}
