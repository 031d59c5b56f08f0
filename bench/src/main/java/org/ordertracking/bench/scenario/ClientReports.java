package org.ordertracking.bench.scenario;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.HdrHistogram.Histogram;
import org.ordertracking.bench.stats.Latency;

/**
 * Merges the load clients' answers into one: counters are summed, counts by key (refusals by HTTP
 * status, closes by code, failures by error) are summed per key, series (worst latency per second)
 * take the larger value, and histograms are added and summarised in milliseconds.
 */
final class ClientReports {
  static final Set<String> HISTOGRAMS = Set.of("latency", "connectUpgrade", "connectFirstFrame");

  private ClientReports() {}

  static JsonObject merge(List<JsonObject> reports) {
    JsonObject out = new JsonObject();
    for (String h : HISTOGRAMS) {
      Histogram sum = Latency.histogram();
      for (JsonObject r : reports) {
        if (r.containsKey(h)) {
          sum.add(Latency.decode(r.getString(h)));
        }
      }
      out.put(h, Latency.summary(sum));
    }
    for (JsonObject r : reports) {
      for (String key : r.fieldNames()) {
        Object v = r.getValue(key);
        if (HISTOGRAMS.contains(key)) {
          continue;
        }
        if (v instanceof Number n) {
          out.put(key, out.getLong(key, 0L) + n.longValue());
        } else if (v instanceof JsonArray series) {
          out.put(key, elementMax(out.getJsonArray(key, new JsonArray()), series));
        } else if (v instanceof JsonObject counts) {
          JsonObject into = out.getJsonObject(key, new JsonObject());
          counts.forEach(e -> into.put(e.getKey(), into.getLong(e.getKey(), 0L) + ((Number) e.getValue()).longValue()));
          out.put(key, into);
        } else {
          out.put(key, v);
        }
      }
    }
    return out;
  }

  /** Element by element, the larger of two series (the worst latency per second over clients). */
  static JsonArray elementMax(JsonArray a, JsonArray b) {
    JsonArray out = new JsonArray();
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      double x = i < a.size() ? a.getDouble(i) : 0;
      double y = i < b.size() ? b.getDouble(i) : 0;
      out.add(Math.max(x, y));
    }
    return out;
  }

  /**
   * Connect latency as a customer sees it: request to first frame (the snapshot) when the server
   * sends one, else request to the 101 answer (the baseline sends nothing until an event comes).
   */
  static JsonObject connectLatency(JsonObject report) {
    JsonObject first = report.getJsonObject("connectFirstFrame");
    return first != null && first.getLong("count", 0L) > 0 ? first : report.getJsonObject("connectUpgrade");
  }

  /** The sum of a count-by-key object (e.g. all refusals), 0 when absent. */
  static long total(JsonObject report, String key) {
    JsonObject counts = report.getJsonObject(key);
    if (counts == null) {
      return 0;
    }
    return counts.stream().mapToLong(e -> ((Number) e.getValue()).longValue()).sum();
  }
}
