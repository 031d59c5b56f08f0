package org.ordertracking.adapters.onfleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.time.Instant;
import java.util.HexFormat;
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
import org.ordertracking.model.TrackingEvent.StatusChange;

/** Onfleet task webhooks shaped as Onfleet's webhook reference and examples show them (SOURCES.md). */
class OnfleetAdapterTest {
  private static final Instant NOW = Instant.parse("2026-03-14T12:10:00Z");
  private static final String SECRET = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
  private final OnfleetAdapter adapter = new OnfleetAdapter();

  private Decoded decode(String fixture) throws MalformedPayload {
    return adapter.decode(MultiMap.caseInsensitiveMultiMap(), Fixtures.read("onfleet/" + fixture), NOW);
  }

  @ParameterizedTest(name = "{0} is {1} ({2})")
  @CsvSource({
    "task_created.json, PLACED, ",
    "task_assigned.json, COURIER_ASSIGNED, ",
    "task_unassigned.json, PLACED, ",
    "task_started.json, PICKED_UP, ",
    "task_eta.json, PICKED_UP, ",
    "task_arrival.json, NEARBY, ",
    "task_completed.json, DELIVERED, delivered",
    "task_failed.json, CANCELLED, undeliverable",
    "task_deleted.json, CANCELLED, cancelled",
    "task_completed_pickup.json, PICKED_UP, ",
  })
  void everyDocumentedTaskTriggerMapsToOurs(String fixture, OrderStatus expected, String reason)
      throws Exception {
    Decoded d = decode(fixture);
    assertEquals(1, d.events().size());
    DecodedAssert.assertStatus(d, expected, reason, "ord-4001", "onfleet");
    assertEquals("11z1BFspwhBYDvIH_FrJfWMm", d.deliveryId());
  }

  @Test
  void taskEtaGivesTheEstimateFromTheEventTime() throws Exception {
    Decoded d = decode("task_eta.json");
    assertEquals(Instant.parse("2026-03-14T12:08:00Z"), ((StatusChange) d.events().get(0)).eta());
    assertEquals(Instant.parse("2026-03-14T12:04:00Z"), d.occurredAt());
    assertEquals("taskEta/11z1BFspwhBYDvIH_FrJfWMm/1773489840000", d.eventId());
  }

  @Test
  void assignmentAndUnassignmentAreDecodedAsSuch() throws Exception {
    Decoded assigned = decode("task_assigned.json");
    assertEquals(Assignment.ASSIGNED, assigned.assignment());
    assertEquals("1Ds6ulPYWxNPgaIaoLPqlIQE", assigned.courierKey());
    Decoded unassigned = decode("task_unassigned.json");
    assertEquals(Assignment.UNASSIGNED, unassigned.assignment());
    assertNull(((StatusChange) unassigned.events().get(0)).courier());
  }

  @Test
  void triggersWeDoNotTrackAreAcknowledgedWithoutEvents() throws Exception {
    assertTrue(decode("task_updated.json").events().isEmpty());
    assertTrue(decode("worker_duty.json").events().isEmpty());
  }

  @Test
  void aTaskWithoutOurOrderIdWaitsForADeliveryLinkOnItsTaskId() throws Exception {
    Decoded d = decode("task_started_without_order_metadata.json");
    assertNull(d.orderId());
    assertTrue(d.awaitsOrder());
    assertEquals("11z1BFspwhBYDvIH_FrJfWMm", d.deliveryId());
    assertEquals(OrderStatus.PICKED_UP,
        ((StatusChange) d.forOrder(new OrderId("o-9")).events().get(0)).status());
  }

  @Test
  void aPayloadWithOnlyTheTriggerIdIsMappedByIt() throws Exception {
    Buffer body = Fixtures.edit("onfleet/task_arrival.json", "\"triggerName\": \"taskArrival\"", "\"triggerName\": null");
    StatusChange st = (StatusChange) adapter.decode(MultiMap.caseInsensitiveMultiMap(), body, NOW).events().get(0);
    assertEquals(OrderStatus.NEARBY, st.status());
  }

  @Test
  void epochMillisTimesAreBoundedLikeAnyOther() {
    Buffer body = Fixtures.edit("onfleet/task_started.json", "\"time\": 1773489600000", "\"time\": -62167219200001");
    MalformedPayload e = assertThrows(MalformedPayload.class,
        () -> adapter.decode(MultiMap.caseInsensitiveMultiMap(), body, NOW));
    assertTrue(e.getMessage().startsWith("time must be between"), e.getMessage());
  }

  @Test
  void signatureIsHmacSha512OfTheRawBodyUnderTheHexDecodedSecret() {
    Buffer body = Fixtures.read("onfleet/task_completed.json");
    String sig = Hmac.sha512Hex(HexFormat.of().parseHex(SECRET), body.getBytes());
    assertEquals(128, sig.length());
    MultiMap h = MultiMap.caseInsensitiveMultiMap().add("x-onfleet-signature", sig);
    assertTrue(adapter.verifies(h, body, SECRET));
    assertEquals(sig, OnfleetAdapter.sign(SECRET, body));
    // Keyed by the secret's text instead of its bytes, it must not verify.
    String wrongKey = Hmac.sha256Hex(SECRET, body.getBytes());
    assertFalse(adapter.verifies(MultiMap.caseInsensitiveMultiMap().add("X-Onfleet-Signature", wrongKey), body, SECRET));
    assertFalse(adapter.verifies(h, Buffer.buffer(body + " "), SECRET));
  }

  @Test
  void aSecretThatIsNotHexIsRefusedAtStartUp() {
    assertNull(adapter.secretProblem(SECRET));
    assertEquals("the onfleet webhook secret must be the hexadecimal value the dashboard shows",
        adapter.secretProblem("not-hex"));
    assertEquals("the onfleet webhook secret must be the hexadecimal value the dashboard shows",
        adapter.secretProblem("abc"));
  }

  @Test
  void theUrlCheckIsAnsweredWithTheValueUntouched() {
    assertEquals("b2f1-Xyz", adapter.verificationAnswer(MultiMap.caseInsensitiveMultiMap().add("check", "b2f1-Xyz")));
    assertNull(adapter.verificationAnswer(MultiMap.caseInsensitiveMultiMap()));
    assertNull(adapter.verificationAnswer(MultiMap.caseInsensitiveMultiMap().add("check", "x".repeat(513))));
  }
}
