package org.ordertracking.adapters.doordash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.ordertracking.adapters.Decoded;
import org.ordertracking.adapters.Fixtures;
import org.ordertracking.adapters.MalformedPayload;
import org.ordertracking.model.Courier;
import org.ordertracking.model.LatLng;
import org.ordertracking.model.OrderId;
import org.ordertracking.model.OrderStatus;
import org.ordertracking.model.TrackingEvent.LocationUpdate;
import org.ordertracking.model.TrackingEvent.StatusChange;

class DoorDashAdapterTest {
  private static final Instant NOW = Instant.parse("2026-03-14T12:14:00Z");
  private final DoorDashAdapter adapter = new DoorDashAdapter();

  private Decoded decode(String fixture) throws MalformedPayload {
    return adapter.decode(
        MultiMap.caseInsensitiveMultiMap(), Fixtures.read("doordash/" + fixture), NOW);
  }

  @Test
  void dasherConfirmedIsCourierAssignedWithDasherAndPosition() throws Exception {
    Decoded d = decode("dasher_confirmed.json");
    assertEquals(new OrderId("ord-2001"), d.orderId());
    assertEquals("DASHER_CONFIRMED/ord-2001/2026-03-14T11:50:02.409385Z", d.eventId());
    LocationUpdate loc = assertInstanceOf(LocationUpdate.class, d.events().get(0));
    assertEquals(37.7749, loc.location().lat());
    assertEquals(Instant.parse("2026-03-14T11:50:02.409385Z"), loc.location().recordedAt());
    StatusChange st = assertInstanceOf(StatusChange.class, d.events().get(1));
    assertEquals(OrderStatus.COURIER_ASSIGNED, st.status());
    assertEquals(new Courier("Sam", "Toyota Prius"), st.courier());
    assertEquals(Instant.parse("2026-03-14T12:15:00Z"), st.eta());
  }

  @Test
  void enrouteEventIsALocationOnly() throws Exception {
    Decoded d = decode("dasher_enroute_to_dropoff.json");
    assertEquals(1, d.events().size());
    assertEquals(-122.4170, ((LocationUpdate) d.events().get(0)).location().lng());
  }

  @Test
  void droppedOffIsDeliveredWithTheDropoffPoint() throws Exception {
    Decoded d = decode("dasher_dropped_off.json");
    StatusChange st = (StatusChange) d.events().get(1);
    assertEquals(OrderStatus.DELIVERED, st.status());
    assertEquals(new LatLng(37.7793, -122.4192), st.dropoff());
  }

  @Test
  void eventsWeDoNotMapAreAcknowledgedWithoutEvents() throws Exception {
    assertTrue(decode("delivery_created.json").events().isEmpty());
  }

  @Test
  void mappingCoversTheDocumentedEvents() {
    assertEquals(OrderStatus.PICKED_UP, DoorDashEvents.of("DASHER_PICKED_UP").orElseThrow().status());
    assertEquals(
        OrderStatus.NEARBY,
        DoorDashEvents.of("DASHER_CONFIRMED_DROPOFF_ARRIVAL").orElseThrow().status());
    assertEquals(
        OrderStatus.CANCELLED, DoorDashEvents.of("DELIVERY_CANCELLED").orElseThrow().status());
    assertEquals(
        OrderStatus.CANCELLED, DoorDashEvents.of("DELIVERY_RETURNED").orElseThrow().status());
    assertTrue(DoorDashEvents.of("dasher_enroute_to_pickup").orElseThrow().locationEvent());
  }

  @Test
  void latitudeOutOfRangeIsRejectedNamingTheField() {
    MalformedPayload e =
        assertThrows(MalformedPayload.class, () -> decode("malformed_lat_out_of_range.json"));
    assertEquals("dasher_location.lat must be between -90.0 and 90.0", e.getMessage());
  }

  @Test
  void authorizationMustEqualTheConfiguredValue() {
    MultiMap h = MultiMap.caseInsensitiveMultiMap().add("Authorization", "Bearer dd-secret");
    assertTrue(adapter.authentic(h, Fixtures.read("doordash/dasher_confirmed.json"), "Bearer dd-secret"));
    assertFalse(adapter.authentic(h, Fixtures.read("doordash/dasher_confirmed.json"), "Bearer other"));
    assertFalse(
        adapter.authentic(
            MultiMap.caseInsensitiveMultiMap(), Fixtures.read("doordash/dasher_confirmed.json"), "x"));
  }
}
