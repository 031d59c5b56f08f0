package org.ordertracking.adapters.deliveroo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.ordertracking.adapters.Decoded;
import org.ordertracking.adapters.Fixtures;
import org.ordertracking.adapters.Hmac;
import org.ordertracking.adapters.MalformedPayload;
import org.ordertracking.model.Courier;
import org.ordertracking.model.OrderId;
import org.ordertracking.model.OrderStatus;
import org.ordertracking.model.TrackingEvent.LocationUpdate;
import org.ordertracking.model.TrackingEvent.StatusChange;

class DeliverooAdapterTest {
  private static final Instant NOW = Instant.parse("2026-03-14T12:07:01Z");
  private static final String GUID = "9f2c7a4e-5b6d-4c1a-8e3f-0a1b2c3d4e5f";
  private final DeliverooAdapter adapter = new DeliverooAdapter();

  private Decoded decode(String fixture) throws MalformedPayload {
    return adapter.decode(guid(), Fixtures.read("deliveroo/" + fixture), NOW);
  }

  private static MultiMap guid() {
    return MultiMap.caseInsensitiveMultiMap().add("X-Deliveroo-Sequence-Guid", GUID);
  }

  @Test
  void riderAssignedIsCourierAssignedKeyedByTheSequenceGuid() throws Exception {
    Decoded d = decode("rider_assigned.json");
    assertEquals(GUID, d.eventId());
    assertEquals(new OrderId("ord-3001"), d.orderId());
    StatusChange st = (StatusChange) d.events().get(0);
    assertEquals(OrderStatus.COURIER_ASSIGNED, st.status());
    assertEquals(new Courier("Priya", null), st.courier());
    assertEquals(Instant.parse("2026-03-14T12:20:00Z"), st.eta());
    assertEquals("deliveroo", st.provider());
  }

  @Test
  void theNewestStatusLogEntryWinsWhateverItsPositionInTheLog() throws Exception {
    StatusChange st = (StatusChange) decode("rider_in_transit_log_unordered.json").events().get(0);
    assertEquals(OrderStatus.PICKED_UP, st.status());
  }

  @Test
  void canceledOrderIsCancelled() throws Exception {
    StatusChange st = (StatusChange) decode("order_canceled.json").events().get(0);
    assertEquals(OrderStatus.CANCELLED, st.status());
  }

  @Test
  void riderEventWithoutRidersArrayIsRejected() {
    MalformedPayload e = assertThrows(MalformedPayload.class, () -> decode("malformed_no_riders.json"));
    assertEquals("body.riders must be an array", e.getMessage());
  }

  @Test
  void signatureCoversTheGuidAndTheRawBody() {
    Buffer body = Fixtures.read("deliveroo/rider_assigned.json");
    String sig = Hmac.sha256Hex("roo-secret", (GUID + " " + body).getBytes());
    MultiMap h = guid().add("X-Deliveroo-Hmac-Sha256", sig);
    assertTrue(adapter.authentic(h, body, "roo-secret"));
    assertEquals(sig, DeliverooAdapter.sign("roo-secret", GUID, body));
    MultiMap otherGuid =
        MultiMap.caseInsensitiveMultiMap()
            .add("X-Deliveroo-Sequence-Guid", "another")
            .add("X-Deliveroo-Hmac-Sha256", sig);
    assertFalse(adapter.authentic(otherGuid, body, "roo-secret"));
    assertFalse(adapter.authentic(guid(), body, "roo-secret"));
  }

  @Test
  void polledLocationCarriesAccuracyHeadingAndTheRidersTime() throws Exception {
    LocationUpdate loc =
        new DeliverooLocationDecoder()
            .decode(new OrderId("ord-3001"), Fixtures.read("deliveroo/location.json"), NOW)
            .orElseThrow();
    assertEquals(51.5072, loc.location().lat());
    assertEquals(-0.1276, loc.location().lng());
    assertEquals(12.5, loc.location().accuracy());
    assertEquals(270.0, loc.location().heading());
    assertNull(loc.location().speed());
    assertEquals(Instant.parse("2026-03-14T12:07:00.250Z"), loc.location().recordedAt());
  }

  @Test
  void polledLocationWithoutRiderIsNothingYet() throws Exception {
    assertTrue(
        new DeliverooLocationDecoder()
            .decode(new OrderId("ord-3001"), Fixtures.read("deliveroo/location_no_rider.json"), NOW)
            .isEmpty());
  }
}
