package org.ordertracking.engine;

import org.ordertracking.json.JsonText;
import org.ordertracking.model.OrderId;
import org.ordertracking.model.OrderStatus;
import org.ordertracking.model.TrackingEvent.LocationUpdate;

/**
 * Builds the live frames' JSON text. A frame is split around its {@code seq} so that whoever
 * assigns the seq (the memory engine in Java, the Redis engine inside its Lua script) only glues
 * the number in: the bytes published are the bytes clients receive, encoded once.
 */
public final class Frames {
  private Frames() {}

  /** {@code {"type":"<type>","orderId":"<id>","seq":} — everything before the seq digits. */
  public static String head(String type, OrderId orderId) {
    return "{\"type\":\"" + type + "\",\"orderId\":\"" + orderId.value() + "\",\"seq\":";
  }

  /** Everything after the seq digits of a location frame. */
  public static String locationTail(LocationUpdate event) {
    StringBuilder sb = new StringBuilder(160);
    sb.append(",\"location\":").append(event.location().toJson());
    sb.append(",\"provider\":").append(JsonText.quote(event.provider()));
    if (event.ref() != null) {
      sb.append(",\"ref\":").append(JsonText.quote(event.ref()));
    }
    return sb.append('}').toString();
  }

  /**
   * Everything after the seq digits of a status frame. The object parts are the merged state
   * (JSON text or null), as the Redis script builds them too.
   */
  public static String statusTail(
      OrderStatus status, String etaJson, String courierJson, String dropoffJson, String at) {
    return ",\"status\":\""
        + status.name()
        + "\",\"eta\":"
        + orNull(etaJson)
        + ",\"courier\":"
        + orNull(courierJson)
        + ",\"dropoff\":"
        + orNull(dropoffJson)
        + ",\"at\":\""
        + at
        + "\"}";
  }

  private static String orNull(String json) {
    return json == null ? "null" : json;
  }
}
