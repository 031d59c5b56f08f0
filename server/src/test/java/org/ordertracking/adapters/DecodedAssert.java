package org.ordertracking.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.ordertracking.model.OrderId;
import org.ordertracking.model.OrderStatus;
import org.ordertracking.model.TrackingEvent;
import org.ordertracking.model.TrackingEvent.StatusChange;

/** Checks the decoder tests share. */
public final class DecodedAssert {
  private DecodedAssert() {}

  /** The status among a decode's events (it comes last, after any position). */
  public static StatusChange lastStatus(Decoded d) {
    List<TrackingEvent> events = d.events();
    assertFalse(events.isEmpty(), "no events in " + d);
    return assertInstanceOf(StatusChange.class, events.get(events.size() - 1));
  }

  /** The decode's status is {@code status} with {@code reason}, for {@code order} by {@code provider}. */
  public static StatusChange assertStatus(
      Decoded d, OrderStatus status, String reason, String order, String provider) {
    StatusChange st = lastStatus(d);
    assertEquals(status, st.status(), d.toString());
    assertEquals(reason, st.reason(), d.toString());
    assertEquals(new OrderId(order), st.orderId());
    assertEquals(provider, st.provider());
    return st;
  }
}
