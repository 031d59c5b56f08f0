package org.ordertracking.adapters;

import io.vertx.core.Future;
import org.ordertracking.ingest.DeliveryLinks;
import org.ordertracking.ingest.DeliveryLinks.Delivery;
import org.ordertracking.model.OrderId;

/**
 * Which order a decoded webhook is about. An explicit delivery link wins; otherwise the provider's
 * merchant reference, when it is one of our order ids. Then the order must still follow this
 * delivery: once an order was linked to another delivery (courier or provider switched), the old
 * delivery's events are held back, so its cancellation cannot end the order that goes on.
 */
public final class DeliveryResolver {

  /** How a webhook resolved. */
  public enum Outcome {
    /** {@link Resolution#order()} is the order. */
    RESOLVED,
    /** Neither a link nor the merchant reference names an order of ours. */
    UNLINKED,
    /** The order follows another delivery now. */
    SUPERSEDED
  }

  /**
   * The outcome and, when resolved, the order, and the link it was resolved through (null when the
   * merchant reference named the order): the link to {@link DeliveryLinks#renew renew} once the
   * webhook's events are applied.
   */
  public record Resolution(Outcome outcome, OrderId order, Delivery link) {
    static final Resolution UNLINKED = new Resolution(Outcome.UNLINKED, null, null);
    static final Resolution SUPERSEDED = new Resolution(Outcome.SUPERSEDED, null, null);
  }

  private final DeliveryLinks links;

  public DeliveryResolver(DeliveryLinks links) {
    this.links = links;
  }

  /** Resolves {@code decoded} (which {@link Decoded#publishes()}) of {@code provider}. */
  public Future<Resolution> resolve(String provider, Decoded decoded) {
    Delivery delivery =
        decoded.deliveryId() == null ? null : new Delivery(provider, decoded.deliveryId());
    Future<OrderId> linked =
        delivery == null ? Future.succeededFuture() : links.orderOf(delivery);
    return linked.compose(
        link -> {
          OrderId order = link != null ? link : decoded.orderId();
          if (order == null) {
            return Future.succeededFuture(Resolution.UNLINKED);
          }
          return links
              .currentOf(order)
              .map(current -> current == null || current.equals(delivery)
                  ? new Resolution(Outcome.RESOLVED, order, link != null ? delivery : null)
                  : Resolution.SUPERSEDED);
        });
  }
}
