package org.ordertracking.engine;

import io.vertx.core.internal.ContextInternal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ordertracking.model.OrderId;
import org.ordertracking.protocol.Frame;

/**
 * Which local listeners watch which order, for one node. Only ever touched on the engine's own
 * loop. Engines use the first/last transitions to subscribe lazily and release eagerly; delivery
 * hops to each listener's own context (normally one listener per gateway event loop per order).
 */
public final class ListenerRegistry {

  /** A listener with the context it asked to be called on. */
  public record Entry(ContextInternal context, FrameListener listener) {
    void deliver(Frame frame) {
      context.runOnContext(v -> listener.onFrame(frame));
    }

    void resync() {
      context.runOnContext(v -> listener.onResync());
    }
  }

  private final Map<OrderId, List<Entry>> byOrder = new HashMap<>();

  /** Adds the entry; true when it is the order's first listener on this node. */
  public boolean add(OrderId orderId, Entry entry) {
    List<Entry> list = byOrder.computeIfAbsent(orderId, k -> new ArrayList<>(2));
    list.add(entry);
    return list.size() == 1;
  }

  /** Removes the entry; true when it was the order's last listener on this node. */
  public boolean remove(OrderId orderId, Entry entry) {
    List<Entry> list = byOrder.get(orderId);
    if (list == null || !list.remove(entry)) {
      return false;
    }
    if (list.isEmpty()) {
      byOrder.remove(orderId);
      return true;
    }
    return false;
  }

  public boolean isWatched(OrderId orderId) {
    return byOrder.containsKey(orderId);
  }

  public void deliver(OrderId orderId, Frame frame) {
    List<Entry> list = byOrder.get(orderId);
    if (list != null) {
      for (int i = 0; i < list.size(); i++) {
        list.get(i).deliver(frame);
      }
    }
  }

  /** Tells the order's listeners they may have missed frames and must re-read the snapshot. */
  public void resync(OrderId orderId) {
    List<Entry> list = byOrder.get(orderId);
    if (list != null) {
      list.forEach(Entry::resync);
    }
  }

  public Set<OrderId> watchedOrders() {
    return byOrder.keySet();
  }

  public int size() {
    return byOrder.size();
  }
}
