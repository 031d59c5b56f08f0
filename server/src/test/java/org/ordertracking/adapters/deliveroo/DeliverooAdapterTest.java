package org.ordertracking.adapters.deliveroo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ordertracking.adapters.Decoded;
import org.ordertracking.adapters.Decoded.Assignment;
import org.ordertracking.adapters.DecodedAssert;
import org.ordertracking.adapters.Fixtures;
import org.ordertracking.adapters.Hmac;
import org.ordertracking.adapters.MalformedPayload;
import org.ordertracking.model.OrderId;
import org.ordertracking.model.OrderStatus;
import org.ordertracking.model.TrackingEvent;
import org.ordertracking.model.TrackingEvent.LocationUpdate;
import org.ordertracking.model.TrackingEvent.StatusChange;

/**
 * Deliveroo's Order API rider/order events and Signature API callbacks, shaped as Deliveroo's
 * reference and an open-source client show them (sources: SOURCES.md).
 */
class DeliverooAdapterTest {
  private static final Instant NOW = Instant.parse("2026-03-14T12:07:01Z");
  private static final String GUID = "9f2c7a4e-5b6d-4c1a-8e3f-0a1b2c3d4e5f";
  private final DeliverooAdapter adapter = new DeliverooAdapter();

  private Decoded decode(String fixture) throws MalformedPayload {
    return adapter.decode(headers(), Fixtures.read("deliveroo/" + fixture), NOW);
  }

  private static MultiMap headers() {
    return MultiMap.caseInsensitiveMultiMap().add("X-Deliveroo-Sequence-Guid", GUID);
  }

  private static StatusChange status(Decoded d) {
    return DecodedAssert.lastStatus(d);
  }

  @ParameterizedTest(name = "{0} is {1} ({2})")
  @CsvSource({
    "rider_assigned.json, COURIER_ASSIGNED, ",
    "rider_arrived.json, COURIER_ASSIGNED, ",
    "rider_confirmed_at_restaurant.json, COURIER_ASSIGNED, ",
    "rider_in_transit_log_unordered.json, PICKED_UP, ",
    "order_status_update_accepted.json, PLACED, ",
    "order_status_update_canceled.json, CANCELLED, cancelled",
    "signature_rider_status_assigned.json, COURIER_ASSIGNED, ",
    "signature_rider_status_nearby.json, NEARBY, ",
    "signature_order_status_accepted.json, PLACED, ",
    "signature_order_status_delivered.json, DELIVERED, delivered",
    "signature_order_status_undeliverable.json, CANCELLED, undeliverable",
    "signature_order_status_rejected.json, CANCELLED, cancelled",
  })
  void everyDocumentedStatusMapsToOurs(String fixture, OrderStatus expected, String reason)
      throws Exception {
    Decoded d = decode(fixture);
    DecodedAssert.assertStatus(d, expected, reason, "ord-3001", "deliveroo");
    assertEquals(GUID, d.eventId());
  }

  @Test
  void riderEventCarriesTheRiderAndTheirPosition() throws Exception {
    Decoded d = decode("rider_assigned.json");
    LocationUpdate loc = assertInstanceOf(LocationUpdate.class, d.events().get(0));
    assertEquals(51.5136, loc.location().lat());
    assertEquals(-0.1365, loc.location().lng());
    assertEquals(12.0, loc.location().accuracy());
    assertEquals(Instant.parse("2026-03-14T11:58:00Z"), loc.location().recordedAt());
    StatusChange st = status(d);
    assertEquals("Priya", st.courier().name());
    assertNull(st.eta(), "estimated_arrival_time is the rider's arrival at the restaurant, not the customer's ETA");
    assertEquals(Assignment.ASSIGNED, d.assignment());
  }

  @Test
  void theStatusLogIsTheSourceOfTruthWhateverItsOrderInThePayload() throws Exception {
    Decoded d = decode("rider_in_transit_log_unordered.json");
    assertEquals(OrderStatus.PICKED_UP, status(d).status());
    assertEquals(Instant.parse("2026-03-14T12:06:00Z"), d.occurredAt());
    assertEquals(Instant.parse("2026-03-14T12:06:30Z"),
        ((LocationUpdate) d.events().get(0)).location().recordedAt());
  }

  @Test
  void riderUnassignedIsAnUnassignmentWithoutThePinnedZeroPosition() throws Exception {
    Decoded d = decode("rider_unassigned.json");
    assertEquals(Assignment.UNASSIGNED, d.assignment());
    assertEquals(1, d.events().size(), "0,0 is no position: " + d.events());
    StatusChange st = status(d);
    assertEquals(OrderStatus.PLACED, st.status());
    assertNull(st.courier());
    assertEquals(Instant.parse("2026-03-14T12:01:00Z"), d.occurredAt());
  }

  @Test
  void aNewRiderAfterAnUnassignmentIsTheOneShown() throws Exception {
    Decoded d = decode("rider_reassigned.json");
    assertEquals(Assignment.ASSIGNED, d.assignment());
    StatusChange st = status(d);
    assertEquals(OrderStatus.COURIER_ASSIGNED, st.status());
    assertEquals("Kwame", st.courier().name());
    assertEquals(51.5101, ((LocationUpdate) d.events().get(0)).location().lat());
  }

  @Test
  void signatureRiderCallbackCarriesTheDeliveryEtaAndTheRiderId() throws Exception {
    Decoded d = decode("signature_rider_status_nearby.json");
    StatusChange st = status(d);
    assertEquals(Instant.parse("2026-03-14T12:09:00Z"), st.eta());
    assertEquals("rider-789", d.courierKey());
    assertEquals(1, d.events().size(), "the Signature callback has no position");
  }

  @Test
  void anEstimatedDeliveryWindowPromisesItsEnd() throws Exception {
    Buffer body = Fixtures.edit("deliveroo/signature_rider_status_nearby.json", "\"2026-03-14T12:09:00Z\"",
            "{\"from\": \"2026-03-14T12:08:00Z\", \"to\": \"2026-03-14T12:14:00Z\"}");
    assertEquals(Instant.parse("2026-03-14T12:14:00Z"), status(adapter.decode(headers(), body, NOW)).eta());
  }

  @Test
  void thePayloadTypeHeaderNamesTheEventCaseInsensitively() throws Exception {
    Buffer body = Fixtures.edit("deliveroo/rider_assigned.json", "\"event\": \"rider.status_update\",", "");
    MultiMap h = headers().add("X-Deliveroo-Payload-Type", "Event/Rider.Status_Update");
    assertEquals(OrderStatus.COURIER_ASSIGNED, status(adapter.decode(h, body, NOW)).status());
  }

  @Test
  void newOrdersAreAcknowledgedWithoutEvents() throws Exception {
    assertTrue(decode("order_new.json").events().isEmpty());
  }

  @Test
  void riderEventWithoutRidersArrayIsRejected() {
    MalformedPayload e = assertThrows(MalformedPayload.class, () -> decode("malformed_no_riders.json"));
    assertEquals("body.riders must be an array", e.getMessage());
  }

  @Test
  void signatureCoversTheGuidAndTheRawBodyAndTheHeadersAnyCase() {
    Buffer body = Fixtures.read("deliveroo/rider_assigned.json");
    String sig = Hmac.sha256Hex("roo-secret", (GUID + " " + body).getBytes(StandardCharsets.UTF_8));
    MultiMap h = MultiMap.caseInsensitiveMultiMap()
        .add("x-deliveroo-sequence-guid", GUID)
        .add("X-DELIVEROO-HMAC-SHA256", sig.toUpperCase());
    assertTrue(adapter.verifies(h, body, "roo-secret"));
    assertEquals(sig, DeliverooAdapter.sign("roo-secret", GUID, body));
    MultiMap otherGuid = MultiMap.caseInsensitiveMultiMap()
        .add("X-Deliveroo-Sequence-Guid", "another")
        .add("X-Deliveroo-Hmac-Sha256", sig);
    assertFalse(adapter.verifies(otherGuid, body, "roo-secret"));
    assertFalse(adapter.verifies(headers(), body, "roo-secret"));
  }

  @Test
  void legacyOrderEventsSignedWithSpaceNewlineSpaceVerifyToo() {
    Buffer body = Buffer.buffer("{\"event\":\"new_order\"}");
    String legacy = Hmac.sha256Hex("roo-secret", (GUID + " \n " + body).getBytes(StandardCharsets.UTF_8));
    assertTrue(adapter.verifies(headers().add("X-Deliveroo-Hmac-Sha256", legacy), body, "roo-secret"));
  }

  @Test
  void polledLocationCarriesAccuracyAndTheRidersTime() throws Exception {
    LocationUpdate loc = new DeliverooLocationDecoder()
        .decode(new OrderId("ord-3001"), Fixtures.read("deliveroo/location.json"), NOW)
        .orElseThrow();
    assertEquals(51.5072, loc.location().lat());
    assertEquals(-0.1276, loc.location().lng());
    assertEquals(12.5, loc.location().accuracy());
    assertNull(loc.location().heading());
    assertEquals(Instant.parse("2026-03-14T12:07:00.250Z"), loc.location().recordedAt());
    assertEquals("/signature/v1/orders/ord-3001/location",
        new DeliverooLocationDecoder().path("ord-3001"));
    assertEquals("/signature/v1/orders/gb%3A12%2F34%20x/location",
        new DeliverooLocationDecoder().path("gb:12/34 x"), "a linked Deliveroo id is one encoded segment");
  }

  @Test
  void anEmptyObjectOrAZeroPositionIsNoLocationYet() throws Exception {
    DeliverooLocationDecoder decoder = new DeliverooLocationDecoder();
    assertTrue(decoder.decode(new OrderId("o"), Fixtures.read("deliveroo/location_empty.json"), NOW).isEmpty());
    assertTrue(decoder.decode(new OrderId("o"), Fixtures.read("deliveroo/location_zero.json"), NOW).isEmpty());
  }
}
