package org.ordertracking.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ordertracking.model.Courier;
import org.ordertracking.model.LatLng;
import org.ordertracking.model.Location;
import org.ordertracking.model.OrderId;
import org.ordertracking.model.OrderStatus;
import org.ordertracking.model.TrackingEvent.LocationUpdate;
import org.ordertracking.model.TrackingEvent.StatusChange;

/** PROTOCOL §1 (orderId) and §4 (validation) as the parser enforces them. */
class EventParserTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-11-21T10:15:30.123Z");
  private static final OrderId O1 = new OrderId("o1");

  private final EventParser parser = new EventParser(Clock.fixed(NOW, ZoneOffset.UTC));

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new AssertionError("test JSON does not parse: " + text, e);
    }
  }

  private LocationUpdate location(String body) throws InvalidInput {
    JsonNode node = json(body);
    return parser.location(O1, node, node, "", "acme");
  }

  private String locationError(String body) {
    return assertThrows(InvalidInput.class, () -> location(body)).getMessage();
  }

  private StatusChange status(String body) throws InvalidInput {
    return parser.status(O1, json(body), "acme");
  }

  private String statusError(String body) {
    return assertThrows(InvalidInput.class, () -> status(body)).getMessage();
  }

  private static void assertNames(String field, String message) {
    assertTrue(message.startsWith(field + " "), () -> "message should name " + field + ": " + message);
  }

  @Nested
  class Locations {
    @Test
    void fullLocationIsParsedWithEveryMeasurement() throws Exception {
      LocationUpdate u =
          location(
              "{\"lat\":52.52,\"lng\":13.405,\"heading\":90.0,\"speed\":4.2,\"accuracy\":8,"
                  + "\"recordedAt\":\"2026-11-21T10:15:00.000Z\",\"ref\":\"r-1\"}");
      assertEquals(O1, u.orderId());
      assertEquals("acme", u.provider());
      assertEquals("r-1", u.ref());
      assertEquals(
          new Location(52.52, 13.405, 90.0, 4.2, 8.0, Instant.parse("2026-11-21T10:15:00Z")),
          u.location());
    }

    @Test
    void minimalLocationHasNoMeasurementsAndNoRef() throws Exception {
      LocationUpdate u = location("{\"lat\":1,\"lng\":2}");
      assertEquals(1.0, u.location().lat());
      assertEquals(2.0, u.location().lng());
      assertNull(u.location().heading());
      assertNull(u.location().speed());
      assertNull(u.location().accuracy());
      assertNull(u.ref());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-90", "90", "0", "-90.0", "90.0"})
    void latitudeBoundariesAreAccepted(String lat) throws Exception {
      assertEquals(Double.parseDouble(lat), location("{\"lat\":" + lat + ",\"lng\":0}").location().lat());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-90.000001", "90.000001", "91", "-1e3"})
    void latitudeJustOutsideTheRangeIsRejectedNamingLat(String lat) {
      String msg = locationError("{\"lat\":" + lat + ",\"lng\":0}");
      assertEquals("lat must be in [-90, 90]", msg);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-180", "180", "-180.0", "180.0"})
    void longitudeBoundariesAreAccepted(String lng) throws Exception {
      assertEquals(Double.parseDouble(lng), location("{\"lat\":0,\"lng\":" + lng + "}").location().lng());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-180.000001", "180.000001", "360"})
    void longitudeJustOutsideTheRangeIsRejectedNamingLng(String lng) {
      assertEquals("lng must be in [-180, 180]", locationError("{\"lat\":0,\"lng\":" + lng + "}"));
    }

    @Test
    void missingLatIsRejectedAsRequired() {
      assertEquals("lat is required", locationError("{\"lng\":13.4}"));
    }

    @Test
    void missingLngIsRejectedAsRequired() {
      assertEquals("lng is required", locationError("{\"lat\":52.5}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lat", "lng", "heading", "speed", "accuracy"})
    void quotedNumberIsRejectedNamingTheField(String field) {
      ObjectNode body = JSON.createObjectNode().put("lat", 1).put("lng", 2);
      body.put(field, "5");
      String msg = assertThrows(InvalidInput.class,
          () -> parser.location(O1, body, body, "", "acme")).getMessage();
      assertEquals(field + " must be a JSON number", msg);
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "[1]", "{\"v\":1}"})
    void nonNumberValuesAreRejectedAsNotAJsonNumber(String value) {
      assertEquals("speed must be a JSON number",
          locationError("{\"lat\":1,\"lng\":2,\"speed\":" + value + "}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lat", "lng", "heading", "speed", "accuracy"})
    void hugeLiteralThatOverflowsToInfinityIsRejectedAsNotFinite(String field) {
      JsonNode node = json("{\"lat\":1,\"lng\":2,\"" + field + "\":1e999}");
      assertTrue(node.get(field).isNumber(), "precondition: Jackson reads 1e999 as a number");
      assertTrue(Double.isInfinite(node.get(field).doubleValue()), "precondition: it overflows");
      String msg = assertThrows(InvalidInput.class,
          () -> parser.location(O1, node, node, "", "acme")).getMessage();
      assertEquals(field + " must be a finite number", msg);
    }

    @Test
    void negativeHugeLiteralIsRejectedAsNotFinite() {
      assertEquals("lat must be a finite number", locationError("{\"lat\":-1e999,\"lng\":2}"));
    }

    @Test
    void integerLiteralTooBigForADoubleIsRejectedAsNotFinite() {
      String digits = "9".repeat(400);
      assertEquals("accuracy must be a finite number",
          locationError("{\"lat\":1,\"lng\":2,\"accuracy\":" + digits + "}"));
    }

    @Test
    void headingZeroIsAccepted() throws Exception {
      assertEquals(0.0, location("{\"lat\":1,\"lng\":2,\"heading\":0}").location().heading());
    }

    @Test
    void headingJustBelow360IsAccepted() throws Exception {
      assertEquals(359.999,
          location("{\"lat\":1,\"lng\":2,\"heading\":359.999}").location().heading());
    }

    @ParameterizedTest
    @ValueSource(strings = {"360", "360.0", "-0.001", "720"})
    void headingOutsideZeroTo360IsRejectedNamingHeading(String heading) {
      assertEquals("heading must be in [0, 360)",
          locationError("{\"lat\":1,\"lng\":2,\"heading\":" + heading + "}"));
    }

    @Test
    void zeroSpeedAndAccuracyAreAccepted() throws Exception {
      Location l = location("{\"lat\":1,\"lng\":2,\"speed\":0,\"accuracy\":0.0}").location();
      assertEquals(0.0, l.speed());
      assertEquals(0.0, l.accuracy());
    }

    @Test
    void negativeSpeedIsRejectedNamingSpeed() {
      assertEquals("speed must be >= 0", locationError("{\"lat\":1,\"lng\":2,\"speed\":-0.1}"));
    }

    @Test
    void negativeAccuracyIsRejectedNamingAccuracy() {
      assertEquals("accuracy must be >= 0",
          locationError("{\"lat\":1,\"lng\":2,\"accuracy\":-1}"));
    }

    @Test
    void missingRecordedAtIsStampedWithTheClock() throws Exception {
      assertEquals(NOW, location("{\"lat\":1,\"lng\":2}").location().recordedAt());
    }

    @Test
    void nullRecordedAtIsStampedWithTheClock() throws Exception {
      assertEquals(NOW, location("{\"lat\":1,\"lng\":2,\"recordedAt\":null}").location().recordedAt());
    }

    @Test
    void recordedAtWithAnOffsetIsConvertedToUtc() throws Exception {
      Instant at =
          location("{\"lat\":1,\"lng\":2,\"recordedAt\":\"2026-11-21T11:15:00.500+01:00\"}")
              .location()
              .recordedAt();
      assertEquals(Instant.parse("2026-11-21T10:15:00.500Z"), at);
    }

    @Test
    void recordedAtInThePastIsAccepted() throws Exception {
      assertEquals(Instant.parse("2020-01-01T00:00:00Z"),
          location("{\"lat\":1,\"lng\":2,\"recordedAt\":\"2020-01-01T00:00:00Z\"}").location().recordedAt());
    }

    @Test
    void recordedAtExactlyFiveMinutesAheadIsAccepted() throws Exception {
      Instant limit = NOW.plusSeconds(300);
      assertEquals(limit,
          location("{\"lat\":1,\"lng\":2,\"recordedAt\":\"" + limit + "\"}").location().recordedAt());
    }

    @Test
    void recordedAtMoreThanFiveMinutesAheadIsRejectedNamingRecordedAt() {
      Instant tooLate = NOW.plusSeconds(300).plusMillis(1);
      assertEquals("recordedAt is more than 5 minutes in the future",
          locationError("{\"lat\":1,\"lng\":2,\"recordedAt\":\"" + tooLate + "\"}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2026-11-21", "2026-11-21T10:15:30", "2026-13-01T00:00:00Z", ""})
    void unparseableRecordedAtIsRejectedNamingRecordedAt(String value) {
      String msg = locationError("{\"lat\":1,\"lng\":2,\"recordedAt\":\"" + value + "\"}");
      assertNames("recordedAt", msg);
      assertTrue(msg.contains("ISO-8601"), msg);
    }

    /**
     * Parseable but absurd: such an instant overflows {@code toEpochMilli()} in both engines, so
     * the publish fails with an ArithmeticException (a 503 "engine unavailable") instead of a 400.
     */
    @Test
    void recordedAtBeyondTheEpochMillisRangeIsRejectedNamingRecordedAt() {
      String msg = locationError("{\"lat\":1,\"lng\":2,\"recordedAt\":\"-999999999-01-01T00:00:00Z\"}");
      assertNames("recordedAt", msg);
    }

    @Test
    void numericRecordedAtIsRejectedNamingRecordedAt() {
      assertEquals("recordedAt must be an ISO-8601 time string",
          locationError("{\"lat\":1,\"lng\":2,\"recordedAt\":1763720130}"));
    }

    @Test
    void unknownFieldsAreIgnored() throws Exception {
      LocationUpdate u =
          location("{\"lat\":1,\"lng\":2,\"altitude\":\"high\",\"seq\":99,\"provider\":\"evil\",\"x\":{\"y\":[1]}}");
      assertEquals("acme", u.provider(), "the provider is never taken from the body");
      assertEquals(1.0, u.location().lat());
    }

    @Test
    void explicitNullsAreTreatedAsAbsent() throws Exception {
      LocationUpdate u =
          location("{\"lat\":1,\"lng\":2,\"heading\":null,\"speed\":null,\"accuracy\":null,\"ref\":null}");
      assertNull(u.location().heading());
      assertNull(u.location().speed());
      assertNull(u.location().accuracy());
      assertNull(u.ref());
    }

    @Test
    void nullLatIsTreatedAsMissing() {
      assertEquals("lat is required", locationError("{\"lat\":null,\"lng\":2}"));
    }

    @Test
    void refIsPassedThroughVerbatim() throws Exception {
      String ref = "  \"quoted\" \\ back/slash \u00e9\u4e2d \uD83D\uDE80 {\"seq\":1} \t";
      String body = "{\"lat\":1,\"lng\":2,\"ref\":" + JSON.writeValueAsString(ref) + "}";
      assertEquals(ref, location(body).ref());
    }

    @Test
    void refIsTakenFromTheRefHolderNotTheLocationObject() throws Exception {
      JsonNode item = json("{\"location\":{\"lat\":1,\"lng\":2,\"ref\":\"inner\"},\"ref\":\"outer\"}");
      LocationUpdate u = parser.location(O1, item.get("location"), item, "location.", "acme");
      assertEquals("outer", u.ref());
    }

    @Test
    void nonStringRefIsRejectedNamingRef() {
      assertEquals("ref must be a string", locationError("{\"lat\":1,\"lng\":2,\"ref\":42}"));
    }

    @Test
    void refOver512CharactersIsRejectedNamingRef() throws Exception {
      assertEquals("x".repeat(512),
          location("{\"lat\":1,\"lng\":2,\"ref\":\"" + "x".repeat(512) + "\"}").ref());
      assertEquals("ref must be at most 512 characters",
          locationError("{\"lat\":1,\"lng\":2,\"ref\":\"" + "x".repeat(513) + "\"}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1,2]", "\"here\"", "42", "null"})
    void bodyThatIsNotAnObjectIsRejected(String body) {
      assertEquals("body must be a JSON object", locationError(body));
    }

    @Test
    void prefixedBatchLocationNamesTheNestedField() {
      JsonNode item = json("{\"location\":{\"lat\":100,\"lng\":2}}");
      String msg = assertThrows(InvalidInput.class,
          () -> parser.location(O1, item.get("location"), item, "location.", "acme")).getMessage();
      assertEquals("location.lat must be in [-90, 90]", msg);
    }

    @Test
    void prefixedBatchLocationThatIsMissingIsNamed() {
      JsonNode item = json("{\"type\":\"location\"}");
      String msg = assertThrows(InvalidInput.class,
          () -> parser.location(O1, item.get("location"), item, "location.", "acme")).getMessage();
      assertEquals("location must be a JSON object", msg);
    }

    @Test
    void prefixedBatchLocationNamesQuotedNestedNumber() {
      JsonNode item = json("{\"location\":{\"lat\":1,\"lng\":\"2\"}}");
      String msg = assertThrows(InvalidInput.class,
          () -> parser.location(O1, item.get("location"), item, "location.", "acme")).getMessage();
      assertEquals("location.lng must be a JSON number", msg);
    }
  }

  @Nested
  class Statuses {
    @ParameterizedTest
    @ValueSource(strings = {"PLACED", "COURIER_ASSIGNED", "PICKED_UP", "NEARBY", "DELIVERED", "CANCELLED"})
    void everyStatusOfTheContractIsAccepted(String s) throws Exception {
      assertEquals(OrderStatus.valueOf(s), status("{\"status\":\"" + s + "\"}").status());
    }

    @Test
    void fullStatusIsParsed() throws Exception {
      StatusChange c =
          status(
              "{\"status\":\"PICKED_UP\",\"eta\":\"2026-11-21T10:30:00.000Z\","
                  + "\"courier\":{\"name\":\"Alex\",\"vehicle\":\"bicycle\"},"
                  + "\"dropoff\":{\"lat\":52.5,\"lng\":13.4}}");
      assertEquals(O1, c.orderId());
      assertEquals(OrderStatus.PICKED_UP, c.status());
      assertEquals(Instant.parse("2026-11-21T10:30:00Z"), c.eta());
      assertEquals(new Courier("Alex", "bicycle"), c.courier());
      assertEquals(new LatLng(52.5, 13.4), c.dropoff());
      assertEquals("acme", c.provider());
    }

    @Test
    void minimalStatusLeavesEverythingElseAbsent() throws Exception {
      StatusChange c = status("{\"status\":\"PLACED\"}");
      assertNull(c.eta());
      assertNull(c.courier());
      assertNull(c.dropoff());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"LOST\"", "\"delivered\"", "\"\"", "3", "true", "{\"s\":1}"})
    void unknownStatusIsRejectedListingTheValidOnes(String value) {
      String msg = statusError("{\"status\":" + value + "}");
      assertNames("status", msg);
      for (OrderStatus s : OrderStatus.values()) {
        assertTrue(msg.contains(s.name()), () -> "should list " + s + ": " + msg);
      }
    }

    @Test
    void anOptionalReasonTokenIsRead() throws Exception {
      assertEquals("cancelled", status("{\"status\":\"CANCELLED\",\"reason\":\"cancelled\"}").reason());
      assertEquals("undeliverable", status("{\"status\":\"CANCELLED\",\"reason\":\"undeliverable\"}").reason());
      assertNull(status("{\"status\":\"CANCELLED\"}").reason());
      assertNull(status("{\"status\":\"CANCELLED\",\"reason\":null}").reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"Cancelled\"", "\"no show\"", "\"\"", "\"r2d2\"", "7",
        "\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\""})
    void aReasonThatIsNotALowercaseTokenIsRejectedNamingReason(String value) {
      assertNames("reason", statusError("{\"status\":\"CANCELLED\",\"reason\":" + value + "}"));
    }

    @Test
    void missingStatusIsRejectedAsRequired() {
      assertEquals("status is required", statusError("{\"eta\":\"2026-11-21T10:30:00Z\"}"));
    }

    @Test
    void nullStatusIsTreatedAsMissing() {
      assertEquals("status is required", statusError("{\"status\":null}"));
    }

    @Test
    void unparseableEtaIsRejectedNamingEta() {
      String msg = statusError("{\"status\":\"PLACED\",\"eta\":\"soon\"}");
      assertNames("eta", msg);
    }

    @Test
    void nullEtaCourierAndDropoffAreTreatedAsAbsent() throws Exception {
      StatusChange c = status("{\"status\":\"NEARBY\",\"eta\":null,\"courier\":null,\"dropoff\":null}");
      assertNull(c.eta());
      assertNull(c.courier());
      assertNull(c.dropoff());
    }

    @Test
    void courierPartsAreOptional() throws Exception {
      assertEquals(new Courier("Sam", null),
          status("{\"status\":\"PLACED\",\"courier\":{\"name\":\"Sam\"}}").courier());
      assertEquals(new Courier(null, "car"),
          status("{\"status\":\"PLACED\",\"courier\":{\"vehicle\":\"car\",\"name\":null}}").courier());
    }

    @Test
    void theIngestApiCarriesTheSameCourierDetailsAsTheAdaptersUnderTheSameRules() throws Exception {
      assertEquals(new Courier("Rosa", "car", "https://img.example/rosa.jpg", "Toyota", "Prius", "white"),
          status("{\"status\":\"COURIER_ASSIGNED\",\"courier\":{\"name\":\"Rosa\",\"vehicle\":\"car\","
              + "\"photoUrl\":\"https://img.example/rosa.jpg\",\"vehicleMake\":\"Toyota\","
              + "\"vehicleModel\":\"Prius\",\"vehicleColor\":\"white\"}}").courier());
      assertEquals("courier.photoUrl must be an https URL with a host and no credentials",
          statusError("{\"status\":\"PLACED\",\"courier\":{\"photoUrl\":\"http://img.example/a.jpg\"}}"));
      assertEquals("courier.vehicleColor must be at most 256 characters",
          statusError("{\"status\":\"PLACED\",\"courier\":{\"vehicleColor\":\"" + "x".repeat(257) + "\"}}"));
      assertEquals("courier.name must be at most 256 characters",
          statusError("{\"status\":\"PLACED\",\"courier\":{\"name\":\"" + "n".repeat(60_000) + "\"}}"));
    }

    @Test
    void courierThatIsNotAnObjectIsRejectedNamingCourier() {
      assertEquals("courier must be a JSON object",
          statusError("{\"status\":\"PLACED\",\"courier\":\"Alex\"}"));
    }

    @Test
    void courierNameThatIsNotAStringIsRejectedNamingCourierName() {
      assertEquals("courier.name must be a string",
          statusError("{\"status\":\"PLACED\",\"courier\":{\"name\":7}}"));
    }

    @Test
    void courierVehicleOver256CharactersIsRejectedNamingCourierVehicle() {
      assertEquals("courier.vehicle must be at most 256 characters",
          statusError("{\"status\":\"PLACED\",\"courier\":{\"vehicle\":\"" + "v".repeat(257) + "\"}}"));
    }

    @Test
    void dropoffThatIsNotAnObjectIsRejectedNamingDropoff() {
      assertEquals("dropoff must be a JSON object",
          statusError("{\"status\":\"PLACED\",\"dropoff\":[52.5,13.4]}"));
    }

    @Test
    void dropoffLatOutOfRangeIsRejectedNamingDropoffLat() {
      assertEquals("dropoff.lat must be in [-90, 90]",
          statusError("{\"status\":\"PLACED\",\"dropoff\":{\"lat\":90.5,\"lng\":13.4}}"));
    }

    @Test
    void dropoffLngOutOfRangeIsRejectedNamingDropoffLng() {
      assertEquals("dropoff.lng must be in [-180, 180]",
          statusError("{\"status\":\"PLACED\",\"dropoff\":{\"lat\":52.5,\"lng\":-180.5}}"));
    }

    @Test
    void dropoffQuotedLatIsRejectedNamingDropoffLat() {
      assertEquals("dropoff.lat must be a JSON number",
          statusError("{\"status\":\"PLACED\",\"dropoff\":{\"lat\":\"52.5\",\"lng\":13.4}}"));
    }

    @Test
    void dropoffMissingLatIsRejectedNamingDropoffLat() {
      assertEquals("dropoff.lat is required",
          statusError("{\"status\":\"PLACED\",\"dropoff\":{\"lng\":13.4}}"));
    }

    @Test
    void dropoffInfiniteLngIsRejectedNamingDropoffLng() {
      assertEquals("dropoff.lng must be a finite number",
          statusError("{\"status\":\"PLACED\",\"dropoff\":{\"lat\":1,\"lng\":1e999}}"));
    }

    @Test
    void dropoffBoundariesAreAccepted() throws Exception {
      assertEquals(new LatLng(-90, 180),
          status("{\"status\":\"PLACED\",\"dropoff\":{\"lat\":-90,\"lng\":180}}").dropoff());
    }

    @Test
    void unknownStatusFieldsAreIgnored() throws Exception {
      StatusChange c = status("{\"status\":\"PLACED\",\"seq\":5,\"provider\":\"evil\",\"note\":{}}");
      assertEquals(OrderStatus.PLACED, c.status());
      assertEquals("acme", c.provider());
    }

    @Test
    void statusBodyThatIsNotAnObjectIsRejected() {
      assertEquals("body must be a JSON object", statusError("\"PLACED\""));
    }
  }

  @Nested
  class OrderIds {
    @ParameterizedTest
    @ValueSource(strings = {"o1", "A", "order_42.v-3", "0", "..", "-_-"})
    void validOrderIdsAreAccepted(String raw) throws Exception {
      assertEquals(raw, EventParser.orderId(raw, "orderId").value());
    }

    @Test
    void sixtyFourCharactersAreAccepted() throws Exception {
      String raw = "a".repeat(64);
      assertEquals(raw, EventParser.orderId(raw, "orderId").value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{o1}", "a{b", "a}b", "a:b", "order 1", " o1", "o1\n", "caf\u00e9", "a/b", "a*b", ""})
    void orderIdsOutsideTheAlphabetAreRejectedNamingTheField(String raw) {
      InvalidInput e = assertThrows(InvalidInput.class, () -> EventParser.orderId(raw, "events[3].orderId"));
      assertEquals("events[3].orderId must be 1-64 characters from [A-Za-z0-9_.-]", e.getMessage());
    }

    @Test
    void sixtyFiveCharactersAreRejected() {
      assertThrows(InvalidInput.class, () -> EventParser.orderId("a".repeat(65), "orderId"));
    }

    @Test
    void nullOrderIdIsRejected() {
      assertThrows(InvalidInput.class, () -> EventParser.orderId(null, "orderId"));
    }
  }

  /** The fast reading of the common time form gives what {@code OffsetDateTime.parse} gives, or leaves it to it. */
  @Nested
  class UtcTimes {
    @ParameterizedTest
    @ValueSource(strings = {
      "2026-11-21T10:15:30Z", "2026-11-21T10:15:30.1Z", "2026-11-21T10:15:30.123Z",
      "2026-11-21T10:15:30.123456789Z", "1970-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z",
      "0000-01-01T00:00:00Z", "1969-12-31T23:59:59.5Z", "2024-02-29T12:00:00Z", "2000-02-29T00:00:00Z"})
    void readsTheCommonFormAsOffsetDateTimeDoes(String text) {
      assertEquals(java.time.OffsetDateTime.parse(text).toInstant(), EventParser.utc(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
      "2026-11-21T10:15:30+00:00", "2026-11-21t10:15:30z", "2026-11-21T10:15Z", "2026-11-21T10:15:30.Z",
      "2026-11-21T10:15:30.1234567890Z", "2023-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2026-04-31T00:00:00Z",
      "2026-13-01T00:00:00Z", "2026-00-01T00:00:00Z", "2026-01-00T00:00:00Z", "2026-01-01T24:00:00Z",
      "2026-01-01T23:60:00Z", "2026-01-01T23:59:60Z", "+2026-01-01T00:00:00Z", "2026-01-01T00:00:00", "20x6-01-01T00:00:00Z",
      "2026-01-01 00:00:00Z", "2026-01-01T00:00:0aZ", "2026-01-01T00:00:00.12a4Z", "2026-1-01T00:00:00Z", ""})
    void leavesEverythingElseToOffsetDateTime(String text) {
      assertNull(EventParser.utc(text));
    }

    @Test
    void agreesWithOffsetDateTimeOverManyInstants() {
      java.util.Random random = new java.util.Random(7);
      for (int i = 0; i < 20_000; i++) {
        Instant t = Instant.ofEpochSecond(random.nextLong(253_402_300_800L), random.nextInt(1_000_000_000));
        String text = java.time.format.DateTimeFormatter.ISO_INSTANT.format(t);
        if (text.length() <= 30) {
          assertEquals(java.time.OffsetDateTime.parse(text).toInstant(), EventParser.utc(text), text);
        }
      }
    }
  }
}
