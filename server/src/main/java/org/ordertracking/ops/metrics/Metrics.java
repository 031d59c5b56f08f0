package org.ordertracking.ops.metrics;

/**
 * The one seam the server records what it does through: gateway, engine, ingest and adapters call
 * these named methods, never a metrics library. {@link #NONE} is the no-op twin (tests, metrics
 * off); {@link MicrometerMetrics} is the real one behind {@code GET /metrics}.
 *
 * <p>Methods marked hot are called per frame or per socket on event loops: implementations must
 * not block, log or allocate there (every series is registered up front, labels are enums or
 * names known at start-up). Thread-safe: any event loop may call any method.
 */
public interface Metrics {
  Metrics NONE = new Metrics() {};

  /** A WebSocket was accepted (its connection slot taken). */
  default void socketOpened() {}

  /**
   * A tracking socket closed with {@code code}: the contract's codes, 1001 (going away), 1006
   * (dropped); any other counts as "other". Hot.
   */
  default void socketClosed(int code) {}

  /** An upgrade to {@code /ws/track} was refused before the socket opened. */
  default void refused(Refusal reason) {}

  /** {@code n} live frames were written to sockets. Hot. */
  default void framesDelivered(int n) {}

  /** A queued location of a slow socket was replaced by a newer one. Hot. */
  default void conflated() {}

  /**
   * Time from the engine accepting an event (the frame's {@code ts}) to its frame being written to
   * a socket on this node, in nanoseconds (across nodes too: clocks are assumed in sync). Hot.
   */
  default void publishToWriteLatency(long nanos) {}

  /** An event reached the engine from the ingest API, a webhook or a poller, with what became of it. */
  default void ingestEvent(String provider, IngestResult result) {}

  /**
   * A provider's webhook request was answered: {@code accepted}, {@code duplicate}, {@code ignored},
   * {@code unauthorized} (bad signature), {@code malformed}, {@code failed} (engine unavailable).
   */
  default void webhook(String provider, String result) {}

  /**
   * A poll of a provider's API ended: {@code ok}, {@code throttled}, {@code error}, {@code timeout},
   * {@code skipped}, {@code unauthorized}, {@code auth_error}, {@code gone}, {@code malformed}.
   */
  default void poll(String provider, String outcome) {}

  /** The engine's subscriber connection (Redis pub/sub) came back after a loss. */
  default void engineReconnect() {}

  /** One Redis command of the engine took {@code nanos} from send to reply. */
  default void redisCommand(RedisCommand command, long nanos) {}
}
