package org.ordertracking.adapters;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.ordertracking.model.OrderId;

/** Poll gate of one node. Entries live for their hold only; the map is pruned when it grows. */
public final class MemoryPollGate implements PollGate {
  private static final int PRUNE_ABOVE = 1024;

  private final Clock clock;
  private final Map<String, Long> until = new HashMap<>();

  public MemoryPollGate(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Future<Boolean> tryAcquire(String provider, OrderId orderId, Duration hold) {
    long now = clock.millis();
    String key = provider + '\n' + orderId.value();
    synchronized (until) {
      if (until.size() > PRUNE_ABOVE) {
        until.values().removeIf(t -> t <= now);
      }
      Long open = until.get(key);
      if (open != null && open > now) {
        return Future.succeededFuture(false);
      }
      until.put(key, now + hold.toMillis());
      return Future.succeededFuture(true);
    }
  }
}
