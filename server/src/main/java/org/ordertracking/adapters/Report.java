package org.ordertracking.adapters;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ordertracking.model.Courier;
import org.ordertracking.model.LatLng;
import org.ordertracking.model.Location;
import org.ordertracking.model.OrderId;
import org.ordertracking.model.OrderStatus;
import org.ordertracking.model.TrackingEvent;
import org.ordertracking.model.TrackingEvent.LocationUpdate;
import org.ordertracking.model.TrackingEvent.StatusChange;

/**
 * What most provider messages say, decoded and checked, before the order id is known: where the
 * courier is (optional) and the delivery's status (optional). {@link #events} turns it into the
 * canonical events for an order: the position first, so a terminal status stays the last word.
 *
 * @param position the courier's position, or null
 * @param ref the provider's event id passed with the position, or null
 * @param status our status, or null when the message changes none
 * @param eta the customer's ETA (dropped for a terminal status: nothing is on its way any more)
 * @param courier who carries the order, or null
 * @param dropoff the drop-off point, or null
 * @param reason why the delivery ended (terminal statuses), or null
 */
public record Report(
    Location position,
    String ref,
    OrderStatus status,
    Instant eta,
    Courier courier,
    LatLng dropoff,
    String reason) {

  /** The courier was taken off the order: it waits for a new one (published as an unassignment). */
  public static final Report UNASSIGNED = new Report(null, null, OrderStatus.PLACED, null, null, null, null);

  /** Only a status (and why it ended, for terminal ones). */
  public static Report status(OrderStatus status, Instant eta, String reason) {
    return new Report(null, null, status, eta, null, null, reason);
  }

  /** A position fix without measurements at {@code at}, or null without a point. */
  public static Location fix(LatLng point, Instant at) {
    return point == null ? null : new Location(point.lat(), point.lng(), null, null, null, at);
  }

  /** The events for {@code order}, stamped with {@code provider}. */
  public List<TrackingEvent> events(OrderId order, String provider) {
    List<TrackingEvent> events = new ArrayList<>(2);
    if (position != null) {
      events.add(new LocationUpdate(order, position, provider, ref));
    }
    if (status != null) {
      events.add(new StatusChange(
          order, status, status.isTerminal() ? null : eta, courier, dropoff, reason, provider));
    }
    return events;
  }

  /** True when the status names who carries the order: a courier on a delivery still under way. */
  public boolean namesCourier() {
    return status != null && !status.isTerminal() && courier != null;
  }
}
