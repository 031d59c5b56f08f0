package org.ordertracking.adapters;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.ordertracking.model.OrderId;
import org.ordertracking.model.TrackingEvent;

/**
 * What one provider request means in canonical terms.
 *
 * <p>The events are built for an order id, which a payload may not carry: Uber sends {@code
 * external_id} only when the merchant set one, Onfleet has no merchant reference at all. Such a
 * decode keeps the provider's {@link #deliveryId()} and holds its events back ({@link #events()} is
 * empty) until the transport resolves the delivery to an order and asks for {@link
 * #forOrder(OrderId)}. A decode whose payload did name a valid order also keeps the delivery id, so
 * an explicit delivery link can win over the merchant reference.
 *
 * <p>{@link #assignment()} tells the transport how the status among the events must be published:
 * progress only moves forward, but who carries the order may change at any time (see {@link
 * Assignment}).
 */
public final class Decoded {

  /** What the decoded status says about who is carrying the order. */
  public enum Assignment {
    /** Progress only: the status is published under the forward-only rule. */
    NONE,
    /**
     * The status names the courier carrying the order ({@link #courierKey()} identifies them with
     * the provider). When that courier differs from the one the order shows, this is a
     * reassignment: the status is published without the forward-only rule (the timeline may step
     * back, e.g. to COURIER_ASSIGNED when a new courier must first collect the order), unless the
     * event is older ({@link #occurredAt()}) than the order's last status. The same courier again is
     * ordinary progress.
     */
    ASSIGNED,
    /**
     * The courier was taken off the order: the status (PLACED) is published without the
     * forward-only rule and the courier is cleared, unless the event is older than the order's
     * last status.
     */
    UNASSIGNED
  }

  private static final Function<OrderId, List<TrackingEvent>> NOTHING = id -> List.of();

  private final String eventId;
  private final OrderId orderId;
  private final String deliveryId;
  private final Instant occurredAt;
  private final Assignment assignment;
  private final String courierKey;
  private final Function<OrderId, List<TrackingEvent>> build;
  private final List<TrackingEvent> events;

  private Decoded(Builder b, OrderId orderId) {
    this.eventId = Objects.requireNonNull(b.eventId, "eventId");
    this.orderId = orderId;
    this.deliveryId = b.deliveryId;
    this.occurredAt = b.occurredAt;
    this.assignment = b.assignment;
    this.courierKey = b.courierKey;
    this.build = b.build;
    this.events = orderId == null ? List.of() : List.copyOf(b.build.apply(orderId));
  }

  /** An authentic request that concerns nothing we track (refunds, menu events, …). */
  public static Decoded ignored(String eventId) {
    return builder(eventId).build();
  }

  /** A decode with events for one order (the common case). */
  public static Decoded of(String eventId, OrderId orderId, List<TrackingEvent> events) {
    return builder(eventId).order(orderId).events(id -> events).build();
  }

  public static Builder builder(String eventId) {
    return new Builder(eventId);
  }

  /**
   * The provider's id of this event, the idempotency key (a provider that sends none gets one
   * derived from fields that identify the event).
   */
  public String eventId() {
    return eventId;
  }

  /** Our order id when the payload names one in our alphabet; null otherwise. */
  public OrderId orderId() {
    return orderId;
  }

  /** The provider's id of the delivery (for delivery links), or null when the payload has none. */
  public String deliveryId() {
    return deliveryId;
  }

  /** When the provider says the event happened, or null when the payload does not say. */
  public Instant occurredAt() {
    return occurredAt;
  }

  public Assignment assignment() {
    return assignment;
  }

  /** The provider's identifier of the courier named by an ASSIGNED status, or null. */
  public String courierKey() {
    return courierKey;
  }

  /** The canonical events to publish, in order; empty while the order is not resolved. */
  public List<TrackingEvent> events() {
    return events;
  }

  /** True when there is something to publish once {@link #deliveryId()} is resolved to an order. */
  public boolean awaitsOrder() {
    return orderId == null && deliveryId != null && build != NOTHING;
  }

  /** True when the decode has events to publish once its order is known (resolved or not). */
  public boolean publishes() {
    return build != NOTHING;
  }

  /** The same decode with its events built for {@code resolved} (a delivery link's order). */
  public Decoded forOrder(OrderId resolved) {
    Builder b = new Builder(eventId);
    b.deliveryId = deliveryId;
    b.occurredAt = occurredAt;
    b.assignment = assignment;
    b.courierKey = courierKey;
    b.build = build;
    return new Decoded(b, Objects.requireNonNull(resolved));
  }

  @Override
  public String toString() {
    return "Decoded[" + eventId + ", order=" + orderId + ", delivery=" + deliveryId + ", "
        + assignment + ", " + events + "]";
  }

  /** Builds a {@link Decoded}; every part but the event id is optional. */
  public static final class Builder {
    private final String eventId;
    private OrderId orderId;
    private String deliveryId;
    private Instant occurredAt;
    private Assignment assignment = Assignment.NONE;
    private String courierKey;
    private Function<OrderId, List<TrackingEvent>> build = NOTHING;

    private Builder(String eventId) {
      this.eventId = eventId;
    }

    public Builder order(OrderId orderId) {
      this.orderId = orderId;
      return this;
    }

    public Builder delivery(String deliveryId) {
      this.deliveryId = deliveryId;
      return this;
    }

    public Builder occurredAt(Instant at) {
      this.occurredAt = at;
      return this;
    }

    /** The status names its courier ({@code courierKey} may be null when the provider has none). */
    public Builder assigned(String courierKey) {
      this.assignment = Assignment.ASSIGNED;
      this.courierKey = courierKey;
      return this;
    }

    public Builder unassigned() {
      this.assignment = Assignment.UNASSIGNED;
      this.courierKey = null;
      return this;
    }

    /** How to build the events for an order id; called once the order is known. */
    public Builder events(Function<OrderId, List<TrackingEvent>> build) {
      this.build = Objects.requireNonNull(build);
      return this;
    }

    public Decoded build() {
      return new Decoded(this, orderId);
    }
  }
}
