package org.ordertracking.adapters.uber;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
import org.ordertracking.model.LatLng;
import org.ordertracking.model.OrderId;
import org.ordertracking.model.OrderStatus;
import org.ordertracking.model.TrackingEvent.LocationUpdate;
import org.ordertracking.model.TrackingEvent.StatusChange;

class UberAdapterTest {
  private static final Instant NOW = Instant.parse("2026-03-14T12:31:00Z");
  private static final String SECRET = "uber-signing-key";
  private final UberAdapter adapter = new UberAdapter();

  private Decoded decode(String fixture) throws MalformedPayload {
    return adapter.decode(MultiMap.caseInsensitiveMultiMap(), Fixtures.read("uber/" + fixture), NOW);
  }

  @Test
  void courierUpdateBecomesOneLocationStampedWithTheEventTime() throws Exception {
    Decoded d = decode("courier_update.json");
    assertEquals("evt_9d1c2b3a4e5f", d.eventId());
    assertEquals(new OrderId("ord-1001"), d.orderId());
    assertEquals(1, d.events().size());
    LocationUpdate loc = assertInstanceOf(LocationUpdate.class, d.events().get(0));
    assertEquals(52.52004, loc.location().lat());
    assertEquals(13.40495, loc.location().lng());
    assertEquals(Instant.parse("2026-03-14T12:00:01.500Z"), loc.location().recordedAt());
    assertEquals("uber", loc.provider());
    assertEquals("evt_9d1c2b3a4e5f", loc.ref());
  }

  @Test
  void pickupStatusIsCourierAssignedWithCourierDropoffAndEta() throws Exception {
    Decoded d = decode("delivery_status_pickup.json");
    assertEquals(2, d.events().size());
    assertInstanceOf(LocationUpdate.class, d.events().get(0));
    StatusChange st = assertInstanceOf(StatusChange.class, d.events().get(1));
    assertEquals(OrderStatus.COURIER_ASSIGNED, st.status());
    assertEquals(new Courier("Rosa M.", "bicycle"), st.courier());
    assertEquals(new LatLng(52.5291, 13.4017), st.dropoff());
    assertEquals(Instant.parse("2026-03-14T12:10:00Z"), st.eta());
  }

  @Test
  void dropoffWithCourierImminentIsNearby() throws Exception {
    StatusChange st = (StatusChange) decode("delivery_status_dropoff_imminent.json").events().get(0);
    assertEquals(OrderStatus.NEARBY, st.status());
    assertNull(st.dropoff());
  }

  @Test
  void deliveredPublishesTheLastPositionBeforeTheTerminalStatus() throws Exception {
    Decoded d = decode("delivery_status_delivered.json");
    assertInstanceOf(LocationUpdate.class, d.events().get(0));
    assertEquals(OrderStatus.DELIVERED, ((StatusChange) d.events().get(1)).status());
  }

  @Test
  void returnedIsCancelled() throws Exception {
    Decoded d = decode("delivery_status_returned.json");
    assertEquals(OrderStatus.CANCELLED, ((StatusChange) d.events().get(0)).status());
  }

  @Test
  void eventKindsWeDoNotTrackAreAcknowledgedWithoutEvents() throws Exception {
    Decoded d = decode("refund_request.json");
    assertEquals("evt_refund_01", d.eventId());
    assertTrue(d.events().isEmpty());
  }

  @Test
  void statusMappingCoversEveryDocumentedStatus() {
    assertEquals(OrderStatus.PLACED, UberStatuses.map("pending", false).orElseThrow());
    assertEquals(OrderStatus.COURIER_ASSIGNED, UberStatuses.map("pickup", true).orElseThrow());
    assertEquals(OrderStatus.PICKED_UP, UberStatuses.map("pickup_complete", false).orElseThrow());
    assertEquals(OrderStatus.PICKED_UP, UberStatuses.map("dropoff", false).orElseThrow());
    assertEquals(OrderStatus.NEARBY, UberStatuses.map("dropoff", true).orElseThrow());
    assertEquals(OrderStatus.DELIVERED, UberStatuses.map("delivered", false).orElseThrow());
    assertEquals(OrderStatus.CANCELLED, UberStatuses.map("canceled", false).orElseThrow());
    assertTrue(UberStatuses.map("scheduled_for_mars", false).isEmpty());
  }

  @Test
  void missingExternalIdIsRejectedNamingTheField() {
    MalformedPayload e =
        assertThrows(MalformedPayload.class, () -> decode("malformed_missing_external_id.json"));
    assertEquals("data.external_id is required", e.getMessage());
  }

  @Test
  void quotedLatitudeIsRejected() {
    MalformedPayload e =
        assertThrows(MalformedPayload.class, () -> decode("malformed_quoted_lat.json"));
    assertEquals("data.courier.location.lat must be a JSON number", e.getMessage());
  }

  @Test
  void eventTimeFarInTheFutureIsRejected() {
    Buffer body =
        Buffer.buffer(
            "{\"kind\":\"event.courier_update\",\"id\":\"e\",\"created\":\"2026-03-14T13:00:00Z\","
                + "\"data\":{\"external_id\":\"o1\",\"courier\":{\"location\":{\"lat\":1,\"lng\":2}}}}");
    MalformedPayload e =
        assertThrows(
            MalformedPayload.class,
            () -> adapter.decode(MultiMap.caseInsensitiveMultiMap(), body, NOW));
    assertEquals("created is more than 5 minutes in the future", e.getMessage());
  }

  @Test
  void notJsonIsRejected() {
    assertThrows(
        MalformedPayload.class,
        () -> adapter.decode(MultiMap.caseInsensitiveMultiMap(), Buffer.buffer("{\"kind\":"), NOW));
  }

  @Test
  void signatureIsCheckedOnTheRawBytesUnderEitherHeaderName() {
    Buffer body = Fixtures.read("uber/courier_update.json");
    String sig = Hmac.sha256Hex(SECRET, body.getBytes());
    assertTrue(adapter.authentic(headers("x-uber-signature", sig), body, SECRET));
    assertTrue(adapter.authentic(headers("X-Postmates-Signature", sig.toUpperCase()), body, SECRET));
    assertFalse(adapter.authentic(headers("x-uber-signature", sig), body, "another-key"));
    assertFalse(
        adapter.authentic(
            headers("x-uber-signature", sig), Buffer.buffer(body.toString() + " "), SECRET));
    assertFalse(adapter.authentic(MultiMap.caseInsensitiveMultiMap(), body, SECRET));
  }

  private static MultiMap headers(String name, String value) {
    return MultiMap.caseInsensitiveMultiMap().add(name, value);
  }
}
