package org.ordertracking.engine;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.ordertracking.model.OrderId;
import org.ordertracking.model.PublishResult;
import org.ordertracking.model.Snapshot;
import org.ordertracking.model.TrackingEvent;

/**
 * The thin seam under the {@link Hub}: what differs between engines (memory, Redis standalone,
 * Redis Cluster), and nothing else. A broker does not know who watches an order; the hub counts
 * watchers, subscribes a feed for an order's first one and releases it after the last one.
 *
 * <ul>
 *   <li>{@link #publish}: the one atomic step per order of {@link TrackingEngine#publish} (rules,
 *       seq, state, expiry, fan-out to every feed subscribed to the order, on any node).
 *   <li>{@link #snapshot}: the order's current state.
 *   <li>{@link #openFeed}: a stream of order subscriptions delivering frames and resyncs to a
 *       sink, on the context that opened it.
 * </ul>
 *
 * <p>Futures complete on the caller's context. Nothing blocks. Optional abilities are separate
 * interfaces ({@link EngineHealth} for brokers that depend on something that can go away).
 */
public interface Broker {

  Future<PublishResult> publish(TrackingEvent event, PublishOptions options);

  /**
   * {@link TrackingEngine#publishAll}: by default {@link #oneByOne}; a broker may apply many events
   * in one step (the Redis broker runs a batch in one script call).
   */
  default Future<List<AsyncResult<PublishResult>>> publishAll(List<TrackingEvent> events) {
    return oneByOne(events, event -> publish(event, PublishOptions.NONE));
  }

  /**
   * {@code events} through {@code publish}, one order's events one after the other in list order
   * (each waits for the previous one's answer, whatever it was), different orders in parallel; the
   * outcomes in list order once all are answered. The future never fails.
   */
  static Future<List<AsyncResult<PublishResult>>> oneByOne(
      List<TrackingEvent> events, Function<TrackingEvent, Future<PublishResult>> publish) {
    List<AsyncResult<PublishResult>> results = new ArrayList<>(events.size());
    List<Future<PublishResult>> all = new ArrayList<>(events.size());
    Map<OrderId, Future<PublishResult>> lastOfOrder = new HashMap<>();
    for (TrackingEvent event : events) {
      Future<PublishResult> previous = lastOfOrder.get(event.orderId());
      Future<PublishResult> result = previous == null
          ? publish.apply(event)
          : previous.transform(ignored -> publish.apply(event));
      lastOfOrder.put(event.orderId(), result);
      results.add(result);
      all.add(result);
    }
    return Future.join(all).transform(ignored -> Future.succeededFuture(results));
  }

  Future<Snapshot> snapshot(OrderId orderId);

  /** A new feed delivering to {@code sink}, confined to the calling context. */
  Feed openFeed(FrameListener sink);

  /** Connects what needs connecting; completes once the first attempt is made. */
  default Future<Void> start() {
    return Future.succeededFuture();
  }

  /** A one-word name for logs: {@code memory}, {@code redis}. */
  String name();

  /** Closes the broker and every feed it opened. */
  Future<Void> close();
}
