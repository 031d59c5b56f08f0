package org.ordertracking.adapters;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of what the adapters did, by provider and result: {@code accepted}, {@code duplicate},
 * {@code ignored} (authentic but nothing for us), {@code unlinked} (no order for the delivery),
 * {@code superseded} (the order follows another delivery now), {@code unauthorized}, {@code
 * malformed}, {@code failed} (engine or link store unavailable), and for polls {@code poll_ok}, {@code poll_throttled}, {@code
 * poll_error}, {@code poll_timeout}, {@code poll_skipped}. Shared by all event loops, hence
 * lock-free adders. The text format for {@code /metrics} is {@link #prometheus()}.
 */
public final class AdapterMetrics {
  private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();

  public void count(String provider, String result) {
    counters.computeIfAbsent(provider + '\n' + result, k -> new LongAdder()).increment();
  }

  public long get(String provider, String result) {
    LongAdder a = counters.get(provider + '\n' + result);
    return a == null ? 0 : a.sum();
  }

  /** Prometheus exposition text of the counters, one series per provider and result. */
  public String prometheus() {
    StringBuilder sb = new StringBuilder();
    sb.append("# HELP tracking_adapter_events_total Provider requests and polls by result\n");
    sb.append("# TYPE tracking_adapter_events_total counter\n");
    new TreeMap<>(counters)
        .forEach(
            (k, v) -> {
              int nl = k.indexOf('\n');
              sb.append("tracking_adapter_events_total{provider=\"")
                  .append(k, 0, nl)
                  .append("\",result=\"")
                  .append(k, nl + 1, k.length())
                  .append("\"} ")
                  .append(v.sum())
                  .append('\n');
            });
    return sb.toString();
  }
}
