package org.ordertracking.engine;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import java.util.List;
import org.ordertracking.model.OrderId;
import org.ordertracking.model.PublishResult;
import org.ordertracking.model.Snapshot;
import org.ordertracking.model.TrackingEvent;

/**
 * The seam between the ingest side and the watching side: state, seq and fan-out of orders. One
 * implementation, the {@link Hub}, over one {@link Broker} per engine (memory, Redis); {@link
 * EngineFactory} picks the broker.
 *
 * <p>Guarantees every implementation gives:
 *
 * <ul>
 *   <li>{@link #publish} is atomic per order: the stale-location and terminal rules are checked,
 *       the next {@code seq} (strictly increasing per order, starting at 1) is stamped, the state is
 *       updated, its expiry pushed back, and the frame fanned out — all or nothing.
 *   <li>A location whose {@code recordedAt} is older than the stored latest location's is {@link
 *       PublishResult.Outcome#IGNORED} and not published. After a terminal status, locations and
 *       other statuses are {@link PublishResult.Outcome#REFUSED_TERMINAL}; the same terminal status
 *       again is {@code IGNORED} (idempotent retries).
 *   <li>{@link PublishOptions} add rules inside the same atomic step: an idempotency key seen
 *       before is {@link PublishResult.Outcome#DUPLICATE}; a forward-only status behind the
 *       current one is {@code IGNORED}. Keys are remembered per order, for a bounded time.
 *   <li>When {@link Subscription#ready} of {@link #subscribe} completes, every event accepted
 *       afterwards reaches the listener, in seq order. A watcher therefore subscribes first and
 *       reads the {@link #snapshot} second, then drops live frames whose seq the snapshot already
 *       covers.
 *   <li>Publishes issued concurrently are each atomic but applied in no promised order (the Redis
 *       engine spreads them over a connection pool); a publisher that needs its events applied in
 *       order waits for each result before the next, or hands them over together to {@link
 *       #publishAll}, as the batch endpoint does.
 *   <li>One broker subscription per order per node (or per event loop: {@link Hub.Scope}),
 *       however many local listeners watch it; the last cancel releases it.
 * </ul>
 *
 * <p>Threading: every method may be called from any event loop; futures complete on the caller's
 * context, listener callbacks run on the caller's event loop. Nothing blocks.
 */
public interface TrackingEngine {

  Future<PublishResult> publish(TrackingEvent event, PublishOptions options);

  /** A publish with the engine's own rules only ({@link PublishOptions#NONE}). */
  default Future<PublishResult> publish(TrackingEvent event) {
    return publish(event, PublishOptions.NONE);
  }

  /**
   * Publishes a batch with the engine's own rules ({@link PublishOptions#NONE}): each event as
   * {@link #publish} would, the events of one order applied in list order (as if each waited for
   * the previous one's answer), different orders in no promised order. The future never fails: it
   * holds one outcome per event, in list order, each a result or that event's failure. An engine
   * may apply many events in one step; each is still atomic on its own.
   */
  default Future<List<AsyncResult<PublishResult>>> publishAll(List<TrackingEvent> events) {
    return Broker.oneByOne(events, this::publish);
  }

  /** The current state; an order never published for is {@link Snapshot#empty}. */
  Future<Snapshot> snapshot(OrderId orderId);

  /**
   * Starts delivering the order's live frames to {@code listener} on the caller's event loop (the
   * root context of the caller's context).
   */
  Subscription subscribe(OrderId orderId, FrameListener listener);

  /** A one-word name for logs: {@code memory}, {@code redis}. */
  String name();

  Future<Void> close();
}
