package org.ordertracking.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import org.ordertracking.model.Courier;
import org.ordertracking.model.LatLng;
import org.ordertracking.model.Limits;
import org.ordertracking.model.Location;
import org.ordertracking.model.OrderId;
import org.ordertracking.model.OrderStatus;
import org.ordertracking.model.TrackingEvent;
import org.ordertracking.model.TrackingEvent.LocationUpdate;
import org.ordertracking.model.TrackingEvent.StatusChange;

/**
 * Turns publishers' JSON into canonical events, enforcing every rule of the contract and naming
 * the offending field when one is broken. Unknown fields are ignored; an explicit {@code null} is
 * treated as absent.
 */
public final class EventParser {
  static final Duration MAX_FUTURE_SKEW = Duration.ofMinutes(5);
  static final int MAX_TEXT = Limits.TEXT;
  static final int MAX_REF = Limits.ID;
  private static final Instant EARLIEST = Instant.EPOCH;
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

  private final Clock clock;

  public EventParser(Clock clock) {
    this.clock = clock;
  }

  public static OrderId orderId(String raw, String field) throws InvalidInput {
    OrderId id = orderIdOrNull(raw);
    if (id == null) {
      throw new InvalidInput(field + " must be 1-64 characters from [A-Za-z0-9_.-]");
    }
    return id;
  }

  /** The id, or null when {@code raw} is not a valid one: checked once (by the constructor). */
  private static OrderId orderIdOrNull(String raw) {
    try {
      return new OrderId(raw);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** A batch item: a location or a status event, by its {@code type}, with its {@code orderId}. */
  public TrackingEvent item(JsonNode item, String provider) throws InvalidInput {
    if (!item.isObject()) {
      throw new InvalidInput("event must be a JSON object");
    }
    JsonNode type = item.get("type");
    JsonNode rawId = item.get("orderId");
    OrderId id = orderId(rawId != null && rawId.isTextual() ? rawId.asText() : null, "orderId");
    String t = type != null && type.isTextual() ? type.asText() : "";
    return switch (t) {
      case "location" -> location(id, item.get("location"), item, "location.", provider);
      case "status" -> status(id, item, provider);
      default -> throw new InvalidInput("type must be \"location\" or \"status\"");
    };
  }

  /** A location body: {@code lat, lng, heading?, speed?, accuracy?, recordedAt?}; {@code ref} from {@code refHolder}. */
  public LocationUpdate location(
      OrderId orderId, JsonNode loc, JsonNode refHolder, String prefix, String provider)
      throws InvalidInput {
    requireObject(loc, prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1));
    double lat = requiredNumber(loc, "lat", prefix);
    double lng = requiredNumber(loc, "lng", prefix);
    checkRange(lat, -90, 90, prefix + "lat");
    checkRange(lng, -180, 180, prefix + "lng");
    Double heading = optionalNumber(loc, "heading", prefix);
    if (heading != null && (heading < 0 || heading >= 360)) {
      throw new InvalidInput(prefix + "heading must be in [0, 360)");
    }
    Double speed = nonNegative(loc, "speed", prefix);
    Double accuracy = nonNegative(loc, "accuracy", prefix);
    Instant recordedAt = optionalTime(loc, "recordedAt", prefix);
    Instant now = clock.instant();
    if (recordedAt == null) {
      recordedAt = now;
    } else if (recordedAt.isAfter(now.plus(MAX_FUTURE_SKEW))) {
      throw new InvalidInput(prefix + "recordedAt is more than 5 minutes in the future");
    }
    String ref = optionalText(refHolder, "ref", "", MAX_REF);
    return new LocationUpdate(
        orderId, new Location(lat, lng, heading, speed, accuracy, recordedAt), provider, ref);
  }

  /**
   * A batch item's location from values read straight off the JSON (see {@link BatchReader}), with
   * the rules of {@link #location}: the same event where {@code location} gives one, and null
   * wherever {@code location} would refuse (the caller then takes that path, for its message).
   * Absent optional values are null; {@code lat} and {@code lng} must have been present.
   */
  LocationUpdate location(String rawId, double lat, double lng, Double heading, Double speed, Double accuracy,
      String recordedAtText, String ref, String provider) {
    if (!(lat >= -90 && lat <= 90) || !(lng >= -180 && lng <= 180)
        || (heading != null && !(heading >= 0 && heading < 360))
        || (speed != null && !(speed >= 0 && Double.isFinite(speed)))
        || (accuracy != null && !(accuracy >= 0 && Double.isFinite(accuracy)))
        || (ref != null && ref.length() > MAX_REF)) {
      return null;
    }
    Instant now = clock.instant();
    Instant recordedAt = now;
    if (recordedAtText != null) {
      try {
        recordedAt = time(recordedAtText, "recordedAt", "location.");
      } catch (InvalidInput e) {
        return null;
      }
      if (recordedAt.isAfter(now.plus(MAX_FUTURE_SKEW))) {
        return null;
      }
    }
    OrderId id = orderIdOrNull(rawId);
    return id == null ? null
        : new LocationUpdate(id, new Location(lat, lng, heading, speed, accuracy, recordedAt), provider, ref);
  }

  /** A status body: {@code status, eta?, courier?{name?, vehicle?}, dropoff?{lat, lng}, reason?}. */
  public StatusChange status(OrderId orderId, JsonNode body, String provider) throws InvalidInput {
    requireObject(body, "body");
    JsonNode s = body.get("status");
    if (s == null || s.isNull()) {
      throw new InvalidInput("status is required");
    }
    OrderStatus status =
        (s.isTextual() ? OrderStatus.parse(s.asText()) : java.util.Optional.<OrderStatus>empty())
            .orElseThrow(
                () ->
                    new InvalidInput(
                        "status must be one of " + Arrays.toString(OrderStatus.values())));
    Instant eta = optionalTime(body, "eta", "");
    Courier courier = null;
    JsonNode c = present(body, "courier");
    if (c != null) {
      requireObject(c, "courier");
      try {
        // The model's invariants (lengths, an https photo URL) are the adapters' too.
        courier = new Courier(
            optionalText(c, "name", "courier.", MAX_TEXT),
            optionalText(c, "vehicle", "courier.", MAX_TEXT),
            optionalText(c, "photoUrl", "courier.", Courier.MAX_URL),
            optionalText(c, "vehicleMake", "courier.", MAX_TEXT),
            optionalText(c, "vehicleModel", "courier.", MAX_TEXT),
            optionalText(c, "vehicleColor", "courier.", MAX_TEXT));
      } catch (IllegalArgumentException e) {
        throw new InvalidInput("courier." + e.getMessage());
      }
    }
    LatLng dropoff = null;
    JsonNode d = present(body, "dropoff");
    if (d != null) {
      requireObject(d, "dropoff");
      double lat = requiredNumber(d, "lat", "dropoff.");
      double lng = requiredNumber(d, "lng", "dropoff.");
      checkRange(lat, -90, 90, "dropoff.lat");
      checkRange(lng, -180, 180, "dropoff.lng");
      dropoff = new LatLng(lat, lng);
    }
    String reason = optionalText(body, "reason", "", MAX_TEXT);
    if (reason != null && !StatusChange.isReason(reason)) {
      throw new InvalidInput("reason must be a lowercase token of 1-32 characters from [a-z_], such as cancelled");
    }
    return new StatusChange(orderId, status, eta, courier, dropoff, reason, provider);
  }

  private static void requireObject(JsonNode node, String name) throws InvalidInput {
    if (node == null || !node.isObject()) {
      throw new InvalidInput(name + " must be a JSON object");
    }
  }

  private static JsonNode present(JsonNode obj, String field) {
    JsonNode v = obj.get(field);
    return v == null || v.isNull() ? null : v;
  }

  private static double requiredNumber(JsonNode obj, String field, String prefix) throws InvalidInput {
    Double v = optionalNumber(obj, field, prefix);
    if (v == null) {
      throw new InvalidInput(prefix + field + " is required");
    }
    return v;
  }

  private static Double optionalNumber(JsonNode obj, String field, String prefix) throws InvalidInput {
    JsonNode v = present(obj, field);
    if (v == null) {
      return null;
    }
    if (!v.isNumber()) {
      throw new InvalidInput(prefix + field + " must be a JSON number");
    }
    double d = v.doubleValue();
    if (!Double.isFinite(d)) {
      throw new InvalidInput(prefix + field + " must be a finite number");
    }
    return d;
  }

  private static Double nonNegative(JsonNode obj, String field, String prefix) throws InvalidInput {
    Double v = optionalNumber(obj, field, prefix);
    if (v != null && v < 0) {
      throw new InvalidInput(prefix + field + " must be >= 0");
    }
    return v;
  }

  private static void checkRange(double v, double min, double max, String name)
      throws InvalidInput {
    if (v < min || v > max) {
      throw new InvalidInput(name + " must be in [" + (int) min + ", " + (int) max + "]");
    }
  }

  private static String optionalText(JsonNode obj, String field, String prefix, int maxLength)
      throws InvalidInput {
    if (obj == null || !obj.isObject()) {
      return null;
    }
    JsonNode v = present(obj, field);
    if (v == null) {
      return null;
    }
    if (!v.isTextual()) {
      throw new InvalidInput(prefix + field + " must be a string");
    }
    if (v.asText().length() > maxLength) {
      throw new InvalidInput(prefix + field + " must be at most " + maxLength + " characters");
    }
    return v.asText();
  }

  private static Instant optionalTime(JsonNode obj, String field, String prefix) throws InvalidInput {
    JsonNode v = present(obj, field);
    if (v == null) {
      return null;
    }
    if (!v.isTextual()) {
      throw new InvalidInput(prefix + field + " must be an ISO-8601 time string");
    }
    return time(v.asText(), field, prefix);
  }

  private static Instant time(String text, String field, String prefix) throws InvalidInput {
    Instant t = utc(text);
    try {
      if (t == null) {
        t = OffsetDateTime.parse(text).toInstant();
      }
    } catch (DateTimeParseException e) {
      throw new InvalidInput(
          prefix + field + " must be an ISO-8601 time such as 2026-11-21T10:15:30.123Z");
    }
    if (t.isBefore(EARLIEST) || t.isAfter(LATEST)) {
      throw new InvalidInput(prefix + field + " must be between 1970 and 9999");
    }
    return t;
  }

  /**
   * The common form of a time, {@code yyyy-MM-ddTHH:mm:ss[.f…]Z} (1 to 9 fraction digits), read
   * without {@link OffsetDateTime#parse}'s formatter machinery (a publisher sends one per event);
   * null for anything else, including an invalid date, which {@code OffsetDateTime.parse} then
   * reads or refuses. Where this gives an instant, it is the one {@code OffsetDateTime.parse} gives.
   */
  static Instant utc(String s) {
    int n = s.length();
    if (n < 20 || n > 30 || s.charAt(n - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-'
        || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 7);
    int day = digits(s, 8, 10);
    int hour = digits(s, 11, 13);
    int minute = digits(s, 14, 16);
    int second = digits(s, 17, 19);
    int nanos = 0;
    if (n > 20) {
      int fraction = n - 21;
      if (s.charAt(19) != '.' || fraction < 1 || fraction > 9) {
        return null;
      }
      nanos = digits(s, 20, n - 1);
      if (nanos < 0) {
        return null;
      }
      for (int i = fraction; i < 9; i++) {
        nanos *= 10;
      }
    }
    if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0
        || minute > 59 || second < 0 || second > 59
        || day > java.time.Month.of(month).length(java.time.Year.isLeap(year))) {
      return null;
    }
    long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
    return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600 + minute * 60 + second, nanos);
  }

  /** The decimal number in {@code s[from, to)}, or -1 when a character there is not a digit. */
  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
