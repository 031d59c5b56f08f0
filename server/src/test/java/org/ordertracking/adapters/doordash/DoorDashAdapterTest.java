package org.ordertracking.adapters.doordash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ordertracking.adapters.Decoded;
import org.ordertracking.adapters.Decoded.Assignment;
import org.ordertracking.adapters.Fixtures;
import org.ordertracking.adapters.MalformedPayload;
import org.ordertracking.model.Courier;
import org.ordertracking.model.OrderId;
import org.ordertracking.model.OrderStatus;
import org.ordertracking.model.TrackingEvent;
import org.ordertracking.model.TrackingEvent.LocationUpdate;
import org.ordertracking.model.TrackingEvent.StatusChange;

/** DoorDash Drive payloads shaped as DoorDash's webhook reference shows them (sources: SOURCES.md). */
class DoorDashAdapterTest {
  private static final Instant NOW = Instant.parse("2026-03-14T12:45:00Z");
  private final DoorDashAdapter adapter = new DoorDashAdapter();

  private Decoded decode(String fixture) throws MalformedPayload {
    return adapter.decode(MultiMap.caseInsensitiveMultiMap(), Fixtures.read("doordash/" + fixture), NOW);
  }

  private static <T> List<T> only(Class<T> type, List<TrackingEvent> events) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  @ParameterizedTest(name = "{0} is {1} ({2}), position published: {3}")
  @CsvSource({
    "dasher_confirmed.json, COURIER_ASSIGNED, , true",
    "dasher_picked_up.json, PICKED_UP, , true",
    "dasher_confirmed_dropoff_arrival.json, NEARBY, , true",
    "dasher_dropped_off.json, DELIVERED, delivered, true",
    "delivery_cancelled.json, CANCELLED, cancelled, false",
    "delivery_cancelled_failed_to_return.json, CANCELLED, undeliverable, false",
    "delivery_return_initialized.json, CANCELLED, undeliverable, false",
    "dasher_enroute_to_return.json, CANCELLED, undeliverable, false",
    "dasher_confirmed_return_arrival.json, CANCELLED, undeliverable, false",
    "delivery_returned.json, CANCELLED, returned, false",
  })
  void everyDocumentedStatusEventMapsToOurs(
      String fixture, OrderStatus expected, String reason, boolean position) throws Exception {
    Decoded d = decode(fixture);
    List<StatusChange> statuses = only(StatusChange.class, d.events());
    assertEquals(1, statuses.size(), d.events().toString());
    assertEquals(expected, statuses.get(0).status());
    assertEquals(reason, statuses.get(0).reason());
    assertEquals(new OrderId("ord-2001"), statuses.get(0).orderId());
    assertEquals(position, !only(LocationUpdate.class, d.events()).isEmpty());
  }

  @ParameterizedTest(name = "{0} is a position only")
  @CsvSource({
    "dasher_confirmed_pickup_arrival.json",
    "dasher_enroute_to_pickup.json",
    "dasher_enroute_to_dropoff.json",
  })
  void trackingEventsArePositionsOnly(String fixture) throws Exception {
    Decoded d = decode(fixture);
    assertEquals(1, d.events().size());
    assertInstanceOf(LocationUpdate.class, d.events().get(0));
  }

  @Test
  void eventNamesAreComparedWhateverTheirCase() throws Exception {
    Buffer upper = Fixtures.edit("doordash/dasher_enroute_to_dropoff.json", "dasher_enroute_to_dropoff", "DASHER_ENROUTE_TO_DROPOFF");
    Decoded d = adapter.decode(MultiMap.caseInsensitiveMultiMap(), upper, NOW);
    assertEquals(-122.4170, ((LocationUpdate) d.events().get(0)).location().lng());
    Buffer lower = Fixtures.edit("doordash/dasher_picked_up.json", "DASHER_PICKED_UP", "dasher_picked_up");
    assertEquals(OrderStatus.PICKED_UP,
        only(StatusChange.class, adapter.decode(MultiMap.caseInsensitiveMultiMap(), lower, NOW).events())
            .get(0).status());
  }

  @Test
  void dasherConfirmedNamesTheDasherForReassignment() throws Exception {
    Decoded d = decode("dasher_confirmed.json");
    assertEquals("DASHER_CONFIRMED/ord-2001/2026-03-14T11:50:02.409385Z", d.eventId());
    LocationUpdate loc = assertInstanceOf(LocationUpdate.class, d.events().get(0));
    assertEquals(37.7749, loc.location().lat());
    assertEquals(Instant.parse("2026-03-14T11:50:02.409385Z"), loc.location().recordedAt());
    StatusChange st = assertInstanceOf(StatusChange.class, d.events().get(1));
    assertEquals(new Courier("Sam", null, null, "Toyota", "Prius", null), st.courier());
    assertEquals(Instant.parse("2026-03-14T12:15:00Z"), st.eta());
    assertEquals(Assignment.ASSIGNED, d.assignment());
    assertEquals("1234567", d.courierKey());
  }

  @Test
  void backToCreatedIsAnUnassignment() throws Exception {
    Decoded d = decode("unassigned_back_to_created.json");
    assertEquals(Assignment.UNASSIGNED, d.assignment());
    StatusChange st = (StatusChange) d.events().get(0);
    assertEquals(OrderStatus.PLACED, st.status());
    assertNull(st.courier());
    assertEquals(Instant.parse("2026-03-14T11:53:00Z"), d.occurredAt());
  }

  @Test
  void creationAndBatchingBeforeAnyDasherArePlacedWithoutCourier() throws Exception {
    for (String fixture : List.of("delivery_created.json", "delivery_batched.json")) {
      Decoded d = decode(fixture);
      StatusChange st = (StatusChange) d.events().get(0);
      assertEquals(OrderStatus.PLACED, st.status(), fixture);
      assertNull(st.courier(), fixture);
      assertEquals(1, d.events().size(), fixture);
    }
  }

  @Test
  void eventsWeDoNotMapAreAcknowledgedWithoutEvents() throws Exception {
    Buffer other = Fixtures.edit("doordash/dasher_picked_up.json", "DASHER_PICKED_UP", "DELIVERY_REFUNDED");
    assertTrue(adapter.decode(MultiMap.caseInsensitiveMultiMap(), other, NOW).events().isEmpty());
  }

  @Test
  void anExternalIdOutsideOurAlphabetWaitsForADeliveryLink() throws Exception {
    Buffer body = Fixtures.edit("doordash/dasher_picked_up.json", "\"ord-2001\"", "\"store 7/order 2001\"");
    Decoded d = adapter.decode(MultiMap.caseInsensitiveMultiMap(), body, NOW);
    assertNull(d.orderId());
    assertEquals("store 7/order 2001", d.deliveryId());
    assertTrue(d.awaitsOrder());
  }

  @Test
  void latitudeOutOfRangeIsRejectedNamingTheField() {
    MalformedPayload e = assertThrows(MalformedPayload.class, () -> decode("malformed_lat_out_of_range.json"));
    assertEquals("dasher_location.lat must be between -90.0 and 90.0", e.getMessage());
  }

  @Test
  void authorizationMustEqualOneOfTheConfiguredValues() {
    Buffer body = Fixtures.read("doordash/dasher_confirmed.json");
    MultiMap h = MultiMap.caseInsensitiveMultiMap().add("Authorization", "Bearer dd-secret");
    assertTrue(adapter.verifies(h, body, "Bearer dd-secret"));
    assertFalse(adapter.verifies(h, body, "Bearer other"));
    assertTrue(adapter.authentic(h, body, "Bearer old|Bearer dd-secret"));
    assertFalse(adapter.verifies(MultiMap.caseInsensitiveMultiMap(), body, "x"));
  }
}
