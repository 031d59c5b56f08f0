package org.ordertracking.bench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonObject;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencyTest {
  @Test
  void survivesTheTripBetweenProcessesAndSummarisesInMilliseconds() {
    Histogram h = Latency.histogram();
    for (int i = 1; i <= 1_000; i++) {
      Latency.record(h, i * 100L); // 0.1 ms .. 100 ms
    }
    Histogram back = Latency.decode(Latency.encode(h));
    assertEquals(1_000, back.getTotalCount());
    JsonObject s = Latency.summary(back);
    assertEquals(50.0, s.getDouble("p50"), 0.1);
    assertEquals(99.0, s.getDouble("p99"), 0.1);
    assertEquals(100.0, s.getDouble("max"), 0.1);
  }

  @Test
  void clampsValuesOutsideItsRange() {
    Histogram h = Latency.histogram();
    Latency.record(h, -5); // a clock step backwards
    Latency.record(h, Long.MAX_VALUE);
    assertEquals(2, h.getTotalCount());
    assertEquals(0, h.getMinValue());
  }

  @Test
  void anEmptyHistogramHasOnlyItsCount() {
    JsonObject s = Latency.summary(Latency.histogram());
    assertEquals(0L, s.getLong("count"));
    assertFalse(s.containsKey("p99"));
  }

  @Test
  void refusesGarbage() {
    assertThrows(IllegalArgumentException.class, () -> Latency.decode("bm90IGEgaGlzdG9ncmFt"));
  }
}
