package org.ordertracking.bench.stats;

import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * Latency histograms in microseconds: created with one range for the whole tool, shipped between
 * processes as compressed base64, merged, and summarised as milliseconds.
 */
public final class Latency {
  /** Values above a minute are clamped: the tool never waits that long for anything. */
  public static final long MAX_MICROS = 60_000_000L;

  private Latency() {}

  public static Histogram histogram() {
    return new Histogram(MAX_MICROS, 3);
  }

  /** Records, clamping into the histogram's range (a negative value is a clock step: 0). */
  public static void record(Histogram h, long micros) {
    h.recordValue(Math.min(MAX_MICROS, Math.max(0, micros)));
  }

  public static String encode(Histogram h) {
    ByteBuffer buf = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
    int n = h.encodeIntoCompressedByteBuffer(buf);
    byte[] bytes = new byte[n];
    buf.rewind();
    buf.get(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  public static Histogram decode(String base64) {
    try {
      return Histogram.decodeFromCompressedByteBuffer(
          ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
    } catch (DataFormatException e) {
      throw new IllegalArgumentException("not an encoded histogram: " + e.getMessage(), e);
    }
  }

  /** count, p50, p90, p99, p99.9, max and mean, in milliseconds (3 decimals). */
  public static JsonObject summary(Histogram h) {
    JsonObject o = new JsonObject().put("count", h.getTotalCount());
    if (h.getTotalCount() == 0) {
      return o;
    }
    return o.put("p50", ms(h.getValueAtPercentile(50)))
        .put("p90", ms(h.getValueAtPercentile(90)))
        .put("p99", ms(h.getValueAtPercentile(99)))
        .put("p999", ms(h.getValueAtPercentile(99.9)))
        .put("max", ms(h.getMaxValue()))
        .put("mean", Math.round(h.getMean()) / 1000.0);
  }

  private static double ms(long micros) {
    return micros / 1000.0;
  }
}
