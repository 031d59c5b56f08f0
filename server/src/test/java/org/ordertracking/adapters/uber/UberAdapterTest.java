package org.ordertracking.adapters.uber;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import org.ordertracking.adapters.DecodedAssert;
import org.ordertracking.adapters.Fixtures;
import org.ordertracking.adapters.Hmac;
import org.ordertracking.adapters.MalformedPayload;
import org.ordertracking.model.Courier;
import org.ordertracking.model.LatLng;
import org.ordertracking.model.OrderId;
import org.ordertracking.model.OrderStatus;
import org.ordertracking.model.TrackingEvent.LocationUpdate;
import org.ordertracking.model.TrackingEvent.StatusChange;

/** Uber Direct payloads shaped as Uber's webhook reference shows them (sources: fixtures' SOURCES.md). */
class UberAdapterTest {
  private static final Instant NOW = Instant.parse("2026-03-14T12:31:00Z");
  private static final String SECRET = "uber-signing-key";
  private final UberAdapter adapter = new UberAdapter();

  private Decoded decode(String fixture) throws MalformedPayload {
    return adapter.decode(MultiMap.caseInsensitiveMultiMap(), Fixtures.read("uber/" + fixture), NOW);
  }

  @ParameterizedTest(name = "{0} is {1} ({2})")
  @CsvSource({
    "delivery_status_pending.json, PLACED, ",
    "delivery_status_pickup.json, COURIER_ASSIGNED, ",
    "delivery_status_pickup_imminent.json, COURIER_ASSIGNED, ",
    "delivery_status_pickup_complete.json, PICKED_UP, ",
    "delivery_status_dropoff.json, PICKED_UP, ",
    "delivery_status_dropoff_imminent.json, NEARBY, ",
    "delivery_status_delivered.json, DELIVERED, delivered",
    "delivery_status_canceled.json, CANCELLED, cancelled",
    "delivery_status_returned.json, CANCELLED, returned",
  })
  void everyDocumentedStatusMapsToOurs(String fixture, OrderStatus expected, String reason)
      throws Exception {
    DecodedAssert.assertStatus(decode(fixture), expected, reason, "ord-1001", "uber");
  }

  @Test
  void courierUpdateBecomesOneLocationStampedWithTheEventTime() throws Exception {
    Decoded d = decode("courier_update.json");
    assertEquals("evt_9d1c2b3a4e5f", d.eventId());
    assertEquals(new OrderId("ord-1001"), d.orderId());
    assertEquals("del_Ab12Cd34Ef56", d.deliveryId());
    assertEquals(1, d.events().size());
    LocationUpdate loc = assertInstanceOf(LocationUpdate.class, d.events().get(0));
    assertEquals(52.52004, loc.location().lat());
    assertEquals(13.40495, loc.location().lng());
    assertEquals(Instant.parse("2026-03-14T12:00:01.500Z"), loc.location().recordedAt());
    assertEquals("uber", loc.provider());
    assertEquals("evt_9d1c2b3a4e5f", loc.ref());
  }

  @Test
  void courierUpdateWithoutCourierUsesTheEventsOwnLocation() throws Exception {
    LocationUpdate loc = (LocationUpdate) decode("courier_update_courier_null.json").events().get(0);
    assertEquals(52.5211, loc.location().lat());
    assertEquals(13.4033, loc.location().lng());
  }

  @Test
  void courierUpdateWithNoLocationAnywhereIsRejectedNamingTheField() {
    Buffer body = Buffer.buffer(
        "{\"kind\":\"event.courier_update\",\"id\":\"e\",\"created\":\"2026-03-14T12:00:00Z\","
            + "\"data\":{\"external_id\":\"o1\",\"courier\":null}}");
    MalformedPayload e = assertThrows(MalformedPayload.class,
        () -> adapter.decode(MultiMap.caseInsensitiveMultiMap(), body, NOW));
    assertEquals("location.lat is required", e.getMessage());
  }

  @Test
  void pickupCarriesTheCourierAsUbersPageShowsThem() throws Exception {
    Decoded d = decode("delivery_status_pickup.json");
    assertEquals(2, d.events().size());
    assertInstanceOf(LocationUpdate.class, d.events().get(0));
    StatusChange st = (StatusChange) d.events().get(1);
    assertEquals(
        new Courier("Rosa M.", "car", "https://d1w2poirtb3as9.cloudfront.net/default.jpeg",
            "Toyota", "Prius", "white"),
        st.courier());
    assertEquals(new LatLng(52.5291, 13.4017), st.dropoff());
    assertEquals(Instant.parse("2026-03-14T12:10:00Z"), st.eta());
    assertEquals(Assignment.ASSIGNED, d.assignment(), "a status naming its courier may be a reassignment");
    assertEquals(Instant.parse("2026-03-14T11:50:00Z"), d.occurredAt());
  }

  @Test
  void theCourierKeyIsNameAndVehicleSoAFreshlySignedPhotoUrlIsNoReassignment() throws Exception {
    String key = decode("delivery_status_pickup.json").courierKey();
    assertEquals("courier|Rosa M.|car|Toyota|Prius|white", key);
    assertEquals(key, UberAdapter.courierKey(
        new Courier("Rosa M.", "car", "https://d1w2poirtb3as9.cloudfront.net/other.jpeg?sig=2", "Toyota", "Prius", "white")));
    assertNotEquals(key, UberAdapter.courierKey(new Courier("Sam K.", "car", null, "Toyota", "Prius", "white")));
  }

  @Test
  void pendingHasNoCourierSoItIsProgressOnly() throws Exception {
    Decoded d = decode("delivery_status_pending.json");
    assertEquals(Assignment.NONE, d.assignment());
    assertNull(((StatusChange) d.events().get(0)).courier());
  }

  @Test
  void deliveredPublishesTheLastPositionBeforeTheTerminalStatus() throws Exception {
    Decoded d = decode("delivery_status_delivered.json");
    assertInstanceOf(LocationUpdate.class, d.events().get(0));
    StatusChange st = (StatusChange) d.events().get(1);
    assertEquals(OrderStatus.DELIVERED, st.status());
    assertNull(st.eta(), "a finished delivery has no estimate");
    assertEquals(Assignment.NONE, d.assignment());
  }

  @Test
  void aFailedDeliveryDoesNotShowWhereTheCourierGoesNext() throws Exception {
    Decoded d = decode("delivery_status_returned.json");
    assertEquals(1, d.events().size(), "no position with a returned delivery: " + d.events());
  }

  @Test
  void withoutExternalIdTheDeliveryIdIsKeptForALinkAndNothingIsPublishedYet() throws Exception {
    Decoded d = decode("delivery_status_without_external_id.json");
    assertNull(d.orderId());
    assertEquals("del_Ab12Cd34Ef56", d.deliveryId());
    assertTrue(d.events().isEmpty());
    assertTrue(d.awaitsOrder());
    Decoded resolved = d.forOrder(new OrderId("linked-7"));
    StatusChange st = (StatusChange) resolved.events().get(1);
    assertEquals(new OrderId("linked-7"), st.orderId());
    assertEquals(OrderStatus.COURIER_ASSIGNED, st.status());
  }

  @Test
  void externalIdOutsideOurAlphabetIsNoOrderIdButNotAnError() throws Exception {
    Buffer body = Fixtures.edit("uber/delivery_status_pickup.json", "\"ord-1001\"", "\"shop:1001\"");
    Decoded d = adapter.decode(MultiMap.caseInsensitiveMultiMap(), body, NOW);
    assertNull(d.orderId());
    assertEquals("del_Ab12Cd34Ef56", d.deliveryId());
  }

  @Test
  void eventKindsWeDoNotTrackAreAcknowledgedWithoutEvents() throws Exception {
    assertTrue(decode("refund_request.json").events().isEmpty());
    assertEquals("evt_refund_01", decode("refund_request.json").eventId());
    assertTrue(decode("shopping_progress.json").events().isEmpty());
  }

  @Test
  void anUnknownStatusIsAcknowledgedWithoutAStatus() throws Exception {
    assertTrue(UberStatuses.map("scheduled_for_mars", false).isEmpty());
  }

  @Test
  void aPhotoThatIsNotHttpsIsDroppedAndTheStatusKept() throws Exception {
    Buffer body = Fixtures.edit("uber/delivery_status_pickup.json", "https://d1w2poirtb3as9.cloudfront.net/default.jpeg", "javascript:alert(1)");
    StatusChange st = (StatusChange) adapter.decode(MultiMap.caseInsensitiveMultiMap(), body, NOW).events().get(1);
    assertNull(st.courier().photoUrl());
    assertEquals("Rosa M.", st.courier().name());
  }

  @Test
  void aCourierNameOverTheIngestLimitIsRejectedNamingTheField() {
    Buffer body = Fixtures.edit("uber/delivery_status_pickup.json", "\"Rosa M.\"", "\"" + "R".repeat(60_000) + "\"");
    MalformedPayload e = assertThrows(MalformedPayload.class,
        () -> adapter.decode(MultiMap.caseInsensitiveMultiMap(), body, NOW));
    assertEquals("data.courier.name must be at most 256 characters", e.getMessage());
  }

  @Test
  void quotedLatitudeIsRejected() {
    MalformedPayload e = assertThrows(MalformedPayload.class, () -> decode("malformed_quoted_lat.json"));
    assertEquals("data.courier.location.lat must be a JSON number", e.getMessage());
  }

  @ParameterizedTest(name = "created {0}")
  @CsvSource({
    "+1000000000-01-01T00:00:00Z, created must be between 1970-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z",
    "-1000000000-01-01T00:00:00Z, created must be between 1970-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z",
    "0000-06-01T00:00:00Z, created must be between 1970-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z",
    "2026-03-14T13:00:00Z, created is more than 5 minutes in the future",
  })
  void eventTimesOutOfRangeAreRejectedNamingTheField(String created, String message) {
    Buffer body = Buffer.buffer(
        "{\"kind\":\"event.courier_update\",\"id\":\"e\",\"created\":\"" + created + "\","
            + "\"data\":{\"external_id\":\"o1\",\"courier\":{\"location\":{\"lat\":1,\"lng\":2}}}}");
    MalformedPayload e = assertThrows(MalformedPayload.class,
        () -> adapter.decode(MultiMap.caseInsensitiveMultiMap(), body, NOW));
    assertEquals(message, e.getMessage());
  }

  @Test
  void notJsonIsRejected() {
    assertThrows(MalformedPayload.class,
        () -> adapter.decode(MultiMap.caseInsensitiveMultiMap(), Buffer.buffer("{\"kind\":"), NOW));
  }

  @Test
  void signatureIsCheckedOnTheRawBytesUnderEitherHeaderName() {
    Buffer body = Fixtures.read("uber/courier_update.json");
    String sig = Hmac.sha256Hex(SECRET, body.getBytes());
    assertTrue(adapter.verifies(headers("x-uber-signature", sig), body, SECRET));
    assertTrue(adapter.verifies(headers("X-Postmates-Signature", sig.toUpperCase()), body, SECRET));
    assertFalse(adapter.verifies(headers("x-uber-signature", sig), body, "another-key"));
    assertFalse(adapter.verifies(headers("x-uber-signature", sig), Buffer.buffer(body.toString() + " "), SECRET));
    assertFalse(adapter.verifies(MultiMap.caseInsensitiveMultiMap(), body, SECRET));
  }

  @Test
  void anyOfSeveralSecretsVerifiesSoKeysCanRotate() {
    Buffer body = Fixtures.read("uber/courier_update.json");
    MultiMap signedWithNew = headers("x-uber-signature", Hmac.sha256Hex("new-key", body.getBytes()));
    assertTrue(adapter.authentic(signedWithNew, body, "old-key|new-key"));
    assertTrue(adapter.authentic(signedWithNew, body, List.of("new-key", "old-key")));
    assertFalse(adapter.authentic(signedWithNew, body, "old-key|other-key"));
    assertFalse(adapter.authentic(signedWithNew, body, List.of()));
  }

  private static MultiMap headers(String name, String value) {
    return MultiMap.caseInsensitiveMultiMap().add(name, value);
  }
}
