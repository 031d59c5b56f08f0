package org.ordertracking.adapters;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.ordertracking.model.PublishResult;
import org.ordertracking.ops.metrics.IngestResult;
import org.ordertracking.ops.metrics.Metrics;

/**
 * Counters of what the adapters did, by provider and result: {@code accepted}, {@code duplicate},
 * {@code ignored} (authentic but nothing for us), {@code unlinked} (no order for the delivery),
 * {@code superseded} (the order follows another delivery now), {@code unauthorized}, {@code
 * malformed}, {@code failed} (engine or link store unavailable), and for polls {@code poll_ok},
 * {@code poll_throttled}, {@code poll_error}, {@code poll_timeout}, {@code poll_skipped}, {@code
 * poll_superseded} (the order follows another provider's delivery now: no longer polled). Each count
 * is kept here (the adapters' tests read it) and forwarded to the node's {@link Metrics}: webhook
 * results as {@code tracking_webhook_requests_total}, polls (without the {@code poll_} prefix) as
 * {@code tracking_poll_requests_total}. Shared by all event loops, hence lock-free adders.
 */
public final class AdapterMetrics {
  private static final String POLL = "poll_";

  private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();
  private final Metrics sink;

  public AdapterMetrics() {
    this(Metrics.NONE);
  }

  public AdapterMetrics(Metrics sink) {
    this.sink = sink;
  }

  public void count(String provider, String result) {
    counters.computeIfAbsent(provider + '\n' + result, k -> new LongAdder()).increment();
    if (result.startsWith(POLL)) {
      sink.poll(provider, result.substring(POLL.length()));
    } else {
      sink.webhook(provider, result);
    }
  }

  /** An event a webhook or poll handed to the engine came back with {@code outcome} (null: engine failed). */
  public void published(String provider, PublishResult.Outcome outcome) {
    sink.ingestEvent(provider, outcome == null ? IngestResult.FAILED : IngestResult.of(outcome));
  }

  public long get(String provider, String result) {
    LongAdder a = counters.get(provider + '\n' + result);
    return a == null ? 0 : a.sum();
  }
}
