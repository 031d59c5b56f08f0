package org.ordertracking.adapters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.ordertracking.model.LatLng;
import org.ordertracking.model.OrderId;

/**
 * Strict reads of provider JSON for decoders. Every failure is a {@link MalformedPayload} naming
 * the field by its dotted path, so a provider (or an operator reading the counters) sees exactly
 * what was wrong. Checks here are the canonical ones (coordinates in range, finite JSON numbers,
 * times parseable and not far in the future): decoders must hand the engine only valid events.
 */
public final class Payloads {
  /** The ingest API's limit on future times; clocks of providers drift, not by this much. */
  public static final Duration MAX_FUTURE = Duration.ofMinutes(5);

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

  /** A required non-blank string. */
  public static String text(JsonNode root, String path) throws MalformedPayload {
    JsonNode n = at(root, path);
    if (n.isMissingNode() || n.isNull()) {
      throw new MalformedPayload(path + " is required");
    }
    if (!n.isTextual() || n.asText().isBlank()) {
      throw new MalformedPayload(path + " must be a non-empty string");
    }
    return n.asText();
  }

  /** An optional string: null when absent, null or blank; a non-string is still an error. */
  public static String optText(JsonNode root, String path) throws MalformedPayload {
    JsonNode n = at(root, path);
    if (n.isMissingNode() || n.isNull()) {
      return null;
    }
    if (!n.isTextual()) {
      throw new MalformedPayload(path + " must be a string");
    }
    return n.asText().isBlank() ? null : n.asText();
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

  /** A required ISO-8601 time (with zone or offset) no more than {@link #MAX_FUTURE} ahead. */
  public static Instant time(JsonNode root, String path, Instant now) throws MalformedPayload {
    String s = text(root, path);
    return checkTime(path, s, now, true);
  }

  /** An optional time; estimates (ETAs) may lie any distance in the future. */
  public static Instant optEstimate(JsonNode root, String path) throws MalformedPayload {
    String s = optText(root, path);
    return s == null ? null : checkTime(path, s, null, false);
  }

  private static Instant checkTime(String path, String s, Instant now, boolean bounded)
      throws MalformedPayload {
    Instant t;
    try {
      t = Instant.parse(s);
    } catch (DateTimeParseException e) {
      throw new MalformedPayload(path + " must be an ISO-8601 time such as 2026-11-21T10:15:30Z");
    }
    if (bounded && t.isAfter(now.plus(MAX_FUTURE))) {
      throw new MalformedPayload(path + " is more than 5 minutes in the future");
    }
    return t;
  }

  /** Our order id from a provider field: the merchant's reference, in our id alphabet. */
  public static OrderId orderId(JsonNode root, String path) throws MalformedPayload {
    String s = text(root, path);
    if (!OrderId.isValid(s)) {
      throw new MalformedPayload(path + " must be 1-64 characters from [A-Za-z0-9_.-]");
    }
    return new OrderId(s);
  }
}
