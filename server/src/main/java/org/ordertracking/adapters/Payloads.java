package org.ordertracking.adapters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.ordertracking.model.Courier;
import org.ordertracking.model.LatLng;
import org.ordertracking.model.Limits;
import org.ordertracking.model.OrderId;
import org.ordertracking.model.Times;

/**
 * Strict reads of provider JSON for decoders. Every failure is a {@link MalformedPayload} naming
 * the field by its dotted path, so a provider (or an operator reading the counters) sees exactly
 * what was wrong. The bounds are the ingest API's, taken from the model where they live
 * (coordinates in range, finite JSON numbers, times within {@link Times#EARLIEST}..{@link
 * Times#LATEST} and event times not far in the future, texts no longer than {@link
 * Courier#MAX_TEXT} or {@link #MAX_ID}): decoders hand the engine only valid events, and a hostile
 * value is a 400 naming the field, never a failure further in.
 */
public final class Payloads {
  /** The ingest API's limit on future times; clocks of providers drift, not by this much. */
  public static final Duration MAX_FUTURE = Duration.ofMinutes(5);
  /** Longest identifier (event, delivery, courier ids; also the ingest API's {@code ref}). */
  public static final int MAX_ID = Limits.ID;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Payloads() {}

  /** The body as a JSON object. */
  public static JsonNode object(Buffer body) throws MalformedPayload {
    JsonNode root;
    try {
      root = MAPPER.readTree(body.getBytes());
    } catch (JsonProcessingException e) {
      throw new MalformedPayload("body is not valid JSON");
    } catch (IOException e) {
      throw new MalformedPayload("body could not be read");
    }
    if (root == null || !root.isObject()) {
      throw new MalformedPayload("body must be a JSON object");
    }
    return root;
  }

  /** The node at a dotted path ({@code body.riders.0.status_log}), or a missing node. */
  public static JsonNode at(JsonNode root, String path) {
    JsonNode node = root;
    for (String part : path.split("\\.")) {
      node = node.isArray() && !part.isEmpty() && part.chars().allMatch(Character::isDigit)
          ? node.path(Integer.parseInt(part))
          : node.path(part);
    }
    return node;
  }

  public static boolean present(JsonNode root, String path) {
    JsonNode n = at(root, path);
    return !n.isMissingNode() && !n.isNull();
  }

  /** A required array (possibly empty). */
  public static JsonNode array(JsonNode root, String path) throws MalformedPayload {
    JsonNode n = at(root, path);
    if (!n.isArray()) {
      throw new MalformedPayload(path + " must be an array");
    }
    return n;
  }

  /** A required non-blank identifier of at most {@link #MAX_ID} characters. */
  public static String text(JsonNode root, String path) throws MalformedPayload {
    JsonNode n = at(root, path);
    if (n.isMissingNode() || n.isNull()) {
      throw new MalformedPayload(path + " is required");
    }
    if (!n.isTextual() || n.asText().isBlank()) {
      throw new MalformedPayload(path + " must be a non-empty string");
    }
    return bounded(path, n.asText(), MAX_ID);
  }

  /** An optional identifier: a string or a JSON integer (some providers number their ids). */
  public static String optId(JsonNode root, String path) throws MalformedPayload {
    JsonNode n = at(root, path);
    if (n.isMissingNode() || n.isNull()) {
      return null;
    }
    if (n.isIntegralNumber()) {
      return n.asText();
    }
    return optText(root, path, MAX_ID);
  }

  /** An optional string of at most {@link Courier#MAX_TEXT} characters: null when absent, null or blank. */
  public static String optText(JsonNode root, String path) throws MalformedPayload {
    return optText(root, path, Courier.MAX_TEXT);
  }

  /** An optional string of at most {@code max} characters; a non-string is still an error. */
  public static String optText(JsonNode root, String path, int max) throws MalformedPayload {
    JsonNode n = at(root, path);
    if (n.isMissingNode() || n.isNull()) {
      return null;
    }
    if (!n.isTextual()) {
      throw new MalformedPayload(path + " must be a string");
    }
    return n.asText().isBlank() ? null : bounded(path, n.asText(), max);
  }

  private static String bounded(String path, String s, int max) throws MalformedPayload {
    if (s.length() > max) {
      throw new MalformedPayload(path + " must be at most " + max + " characters");
    }
    return s;
  }

  /**
   * An optional photo URL: kept when it is a valid {@code https} URL ({@link Courier}'s rule),
   * dropped otherwise. A photo is decoration; a provider's odd URL must not cost the status it
   * came with (and a page must never load an {@code http:} or {@code javascript:} one).
   */
  public static String optPhotoUrl(JsonNode root, String path) {
    JsonNode n = at(root, path);
    if (!n.isTextual() || n.asText().isBlank()) {
      return null;
    }
    try {
      return new Courier(null, null, n.asText(), null, null, null).photoUrl();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  public static boolean flag(JsonNode root, String path) throws MalformedPayload {
    JsonNode n = at(root, path);
    if (n.isMissingNode() || n.isNull()) {
      return false;
    }
    if (!n.isBoolean()) {
      throw new MalformedPayload(path + " must be true or false");
    }
    return n.booleanValue();
  }

  /** A required finite JSON number (a quoted number is refused) within [min, max]. */
  public static double number(JsonNode root, String path, double min, double max)
      throws MalformedPayload {
    JsonNode n = at(root, path);
    if (n.isMissingNode() || n.isNull()) {
      throw new MalformedPayload(path + " is required");
    }
    if (!n.isNumber()) {
      throw new MalformedPayload(path + " must be a JSON number");
    }
    double v = n.doubleValue();
    if (!Double.isFinite(v) || v < min || v > max) {
      throw new MalformedPayload(path + " must be between " + min + " and " + max);
    }
    return v;
  }

  /** An optional number, null when absent; present but invalid is an error. */
  public static Double optNumber(JsonNode root, String path, double min, double max)
      throws MalformedPayload {
    return present(root, path) ? number(root, path, min, max) : null;
  }

  /** A point from {@code <path>.<latField>} and {@code <path>.<lngField>}. */
  public static LatLng point(JsonNode root, String path, String latField, String lngField)
      throws MalformedPayload {
    return new LatLng(
        number(root, path + "." + latField, -90, 90),
        number(root, path + "." + lngField, -180, 180));
  }

  /** A GeoJSON-style {@code [longitude, latitude]} pair (Onfleet's locations). */
  public static LatLng lngLat(JsonNode root, String path) throws MalformedPayload {
    JsonNode n = at(root, path);
    if (!n.isArray() || n.size() != 2) {
      throw new MalformedPayload(path + " must be a [longitude, latitude] array");
    }
    return new LatLng(number(root, path + ".1", -90, 90), number(root, path + ".0", -180, 180));
  }

  /** A required ISO-8601 event time (with zone or offset) no more than {@link #MAX_FUTURE} ahead. */
  public static Instant time(JsonNode root, String path, Instant now) throws MalformedPayload {
    return checkTime(path, parse(path, text(root, path)), now);
  }

  /** An optional event time, null when absent. */
  public static Instant optTime(JsonNode root, String path, Instant now) throws MalformedPayload {
    return present(root, path) ? time(root, path, now) : null;
  }

  /** A required event time in epoch milliseconds (a JSON integer). */
  public static Instant epochMillis(JsonNode root, String path, Instant now)
      throws MalformedPayload {
    JsonNode n = at(root, path);
    if (n.isMissingNode() || n.isNull()) {
      throw new MalformedPayload(path + " is required");
    }
    if (!n.canConvertToLong() || !n.isIntegralNumber()) {
      throw new MalformedPayload(path + " must be epoch milliseconds (a JSON integer)");
    }
    return checkTime(path, Instant.ofEpochMilli(n.longValue()), now);
  }

  /** An optional time; estimates (ETAs) may lie any distance ahead, within the accepted years. */
  public static Instant optEstimate(JsonNode root, String path) throws MalformedPayload {
    String s = optText(root, path);
    return s == null ? null : inRange(path, parse(path, s));
  }

  private static Instant parse(String path, String s) throws MalformedPayload {
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      throw new MalformedPayload(path + " must be an ISO-8601 time such as 2026-11-21T10:15:30Z");
    }
  }

  private static Instant checkTime(String path, Instant t, Instant now) throws MalformedPayload {
    inRange(path, t);
    if (t.isAfter(now.plus(MAX_FUTURE))) {
      throw new MalformedPayload(path + " is more than 5 minutes in the future");
    }
    return t;
  }

  private static Instant inRange(String path, Instant t) throws MalformedPayload {
    if (!Times.inRange(t)) {
      throw new MalformedPayload(path + " must be between " + Times.format(Times.EARLIEST)
          + " and " + Times.format(Times.LATEST));
    }
    return t;
  }

  /** Our order id from a provider field: the merchant's reference, required, in our id alphabet. */
  public static OrderId orderId(JsonNode root, String path) throws MalformedPayload {
    String s = text(root, path);
    if (!OrderId.isValid(s)) {
      throw new MalformedPayload(path + " must be 1-64 characters from [A-Za-z0-9_.-]");
    }
    return new OrderId(s);
  }

  /**
   * An optional merchant reference: our order id when present and in our alphabet, null otherwise
   * (the delivery may still resolve through a delivery link). A non-string is an error.
   */
  public static OrderId optOrderId(JsonNode root, String path) throws MalformedPayload {
    String s = optText(root, path, MAX_ID);
    return OrderId.isValid(s) ? new OrderId(s) : null;
  }
}
