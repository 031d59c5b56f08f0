package org.ordertracking.bench.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.ordertracking.bench.stats.Latency;

class ClientReportsTest {
  private static JsonObject report(long open, long micros, String status) {
    Histogram h = Latency.histogram();
    Latency.record(h, micros);
    return new JsonObject()
        .put("open", open)
        .put("refused", new JsonObject().put(status, 2))
        .put("latency", Latency.encode(h))
        .put("connectUpgrade", Latency.encode(h))
        .put("connectFirstFrame", Latency.encode(Latency.histogram()));
  }

  @Test
  void sumsCountersAndCountsByKeyAndAddsHistograms() {
    JsonObject m = ClientReports.merge(List.of(report(10, 1_000, "503"), report(5, 3_000, "503"), report(1, 2_000, "401")));
    assertEquals(16L, m.getLong("open"));
    assertEquals(4L, m.getJsonObject("refused").getLong("503"));
    assertEquals(6, ClientReports.total(m, "refused"));
    assertEquals(3L, m.getJsonObject("latency").getLong("count"));
    assertEquals(3.0, m.getJsonObject("latency").getDouble("max"), 0.01);
  }

  @Test
  void theWorstLatencyPerSecondIsTheWorstOverClients() {
    JsonObject a = new JsonObject().put("maxLatencyPerSecond", new io.vertx.core.json.JsonArray().add(1.0).add(90.0));
    JsonObject b = new JsonObject().put("maxLatencyPerSecond", new io.vertx.core.json.JsonArray().add(3.0).add(2.0).add(4.0));
    assertEquals("[3.0,90.0,4.0]", ClientReports.merge(List.of(a, b)).getJsonArray("maxLatencyPerSecond").encode());
  }

  @Test
  void connectLatencyIsToTheFirstFrameWhenThereIsOne() {
    JsonObject m = ClientReports.merge(List.of(report(1, 7_000, "503")));
    assertEquals(7.0, ClientReports.connectLatency(m).getDouble("p50"), 0.01, "no snapshot: the 101 counts");
  }
}
