package org.ordertracking.ingest;

import io.vertx.core.Future;
import java.util.Objects;
import org.ordertracking.model.OrderId;

/**
 * Which of our orders a provider's delivery belongs to, as {@code POST
 * /api/v1/orders/{orderId}/deliveries} declared it: the adapters resolve a webhook's delivery id
 * through it when the payload names no order of ours (Uber without {@code external_id}, Onfleet
 * tasks), or names one that an explicit link overrides.
 *
 * <p>An order may be linked to several deliveries over its life (the courier or the provider was
 * switched); the last link is its <em>current</em> delivery. Every link keeps the order's id, so
 * its tracking link and seq stream go on unchanged; events of a delivery the order no longer
 * follows are not published (a cancelled first delivery must not cancel the order).
 *
 * <p>Links live as long as the order's state ({@code TRACKING_STATE_TTL}): made with that ttl, and
 * {@link #renew renewed} whenever a provider's event for the linked delivery is applied to the
 * order (the engine counts the state's ttl from the order's last event the same way). In Redis with
 * the Redis engine (shared by every node) and in this process with the memory engine.
 */
public interface DeliveryLinks {

  /** A provider's delivery: the provider's name and its id for the delivery. */
  record Delivery(String provider, String deliveryId) {
    public Delivery {
      Objects.requireNonNull(provider, "provider");
      Objects.requireNonNull(deliveryId, "deliveryId");
    }
  }

  /** Links {@code delivery} to {@code order}, which then follows it (its current delivery). */
  Future<Void> link(OrderId order, Delivery delivery);

  /** The order the delivery is linked to; null when it is not (or no longer) linked. */
  Future<OrderId> orderOf(Delivery delivery);

  /** The delivery the order follows now; null when the order was never linked. */
  Future<Delivery> currentOf(OrderId order);

  /**
   * Starts the link's ttl again from now: an event of {@code delivery} was applied to {@code
   * order}. A link that expired meanwhile stays gone: nothing is re-created, so a late renewal
   * cannot undo a relink either.
   */
  Future<Void> renew(OrderId order, Delivery delivery);
}
