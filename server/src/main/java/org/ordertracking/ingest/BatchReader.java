package org.ordertracking.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a batch body ({@code {"events":[...]}}) in one pass over its bytes, without a JSON tree
 * for the common item: a location event with only the fields of the contract, each once, of the
 * expected JSON types, that passes every rule ({@link EventParser#location(String, double, double,
 * Double, Double, Double, String, String, String)}). Every other item (a status, an unknown or
 * repeated field, a rule broken) is read as a tree from its own bytes and goes through the
 * item parser the tree reading uses, so its event or its error is exactly that reading's.
 *
 * <p>{@link #read} gives up (null) on anything but a well-formed body of that shape with at most
 * the maximum of items, so that the caller's tree reading gives its answer (invalid JSON, events
 * not an array, too many events).
 */
final class BatchReader {
  /** The tree reading of one item: its event, or the {@link InvalidInput} that refuses it. */
  @FunctionalInterface
  interface TreeItem {
    Object parse(JsonNode item);
  }

  private final ObjectMapper json;
  /** Reads one value where the parser stands (more of the body follows it). */
  private final ObjectReader inPlace;
  private final EventParser parser;

  BatchReader(ObjectMapper json, EventParser parser) {
    this.json = json;
    this.inPlace = json.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    this.parser = parser;
  }

  /** The items in order, each a {@code TrackingEvent} or an {@code InvalidInput}; null: read it as a tree. */
  List<Object> read(byte[] body, int maxItems, String provider, TreeItem treeItem) {
    try (JsonParser p = json.createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      List<Object> items = null;
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (!"events".equals(field)) {
          p.skipChildren();
          continue;
        }
        if (items != null || value != JsonToken.START_ARRAY) {
          return null; // a repeated "events" (the last one counts), or not an array
        }
        items = new ArrayList<>();
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
          if (items.size() == maxItems) {
            return null;
          }
          items.add(t == JsonToken.START_OBJECT
              ? object(p, body, provider, treeItem)
              : treeItem.parse(inPlace.readTree(p)));
        }
      }
      if (t != JsonToken.END_OBJECT || items == null || p.nextToken() != null) {
        return null;
      }
      return items;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** An item object, the parser on its START_OBJECT; returns with the parser on its END_OBJECT. */
  private Object object(JsonParser p, byte[] body, String provider, TreeItem treeItem) throws IOException {
    long start = p.currentTokenLocation().getByteOffset();
    JsonStreamContext container = p.getParsingContext().getParent();
    Object fast = location(p, provider);
    if (fast != null) {
      return fast;
    }
    // Off the common path: finish the item, then read its bytes as a tree.
    while (!(p.currentToken() == JsonToken.END_OBJECT && p.getParsingContext() == container)) {
      p.nextToken();
    }
    long end = p.currentLocation().getByteOffset();
    return treeItem.parse(json.readTree(body, (int) start, (int) (end - start)));
  }

  /** The common item, or null as soon as it is not one (the parser then anywhere inside it). */
  private Object location(JsonParser p, String provider) throws IOException {
    String type = null;
    String orderId = null;
    String ref = null;
    boolean locationSeen = false;
    boolean refSeen = false;
    double lat = 0;
    double lng = 0;
    Double heading = null;
    Double speed = null;
    Double accuracy = null;
    String recordedAt = null;
    int seen = 0; // bits of the location fields read
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken v = p.nextToken();
      switch (field) {
        case "type" -> {
          if (type != null || v != JsonToken.VALUE_STRING) {
            return null;
          }
          type = p.getText();
        }
        case "orderId" -> {
          if (orderId != null || v != JsonToken.VALUE_STRING) {
            return null;
          }
          orderId = p.getText();
        }
        case "ref" -> {
          if (refSeen || v != JsonToken.VALUE_STRING) {
            return null;
          }
          refSeen = true;
          ref = p.getText();
        }
        case "location" -> {
          if (locationSeen || v != JsonToken.START_OBJECT) {
            return null;
          }
          locationSeen = true;
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken n = p.nextToken();
            int bit = switch (name) {
              case "lat" -> 1;
              case "lng" -> 2;
              case "heading" -> 4;
              case "speed" -> 8;
              case "accuracy" -> 16;
              case "recordedAt" -> 32;
              default -> 0;
            };
            if (bit == 0 || (seen & bit) != 0) {
              return null;
            }
            seen |= bit;
            if (bit == 32) {
              if (n != JsonToken.VALUE_STRING) {
                return null;
              }
              recordedAt = p.getText();
              continue;
            }
            double d;
            if (n == JsonToken.VALUE_NUMBER_FLOAT) {
              d = p.getDoubleValue();
            } else if (n == JsonToken.VALUE_NUMBER_INT
                && (p.getNumberType() == JsonParser.NumberType.INT || p.getNumberType() == JsonParser.NumberType.LONG)) {
              d = p.getLongValue();
            } else {
              return null;
            }
            switch (bit) {
              case 1 -> lat = d;
              case 2 -> lng = d;
              case 4 -> heading = d;
              case 8 -> speed = d;
              default -> accuracy = d;
            }
          }
        }
        default -> {
          return null;
        }
      }
    }
    if (!"location".equals(type) || orderId == null || (seen & 3) != 3) {
      return null;
    }
    return parser.location(orderId, lat, lng, heading, speed, accuracy, recordedAt, ref, provider);
  }
}
