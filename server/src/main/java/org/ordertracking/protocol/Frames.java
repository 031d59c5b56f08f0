package org.ordertracking.protocol;

import java.time.Instant;
import org.ordertracking.json.JsonText;
import org.ordertracking.model.LatLng;
import org.ordertracking.model.Location;
import org.ordertracking.model.OrderId;
import org.ordertracking.model.Snapshot;
import org.ordertracking.model.Times;
import org.ordertracking.model.TrackingEvent.LocationUpdate;
import org.ordertracking.model.TrackingEvent.StatusChange;

/**
 * Every frame the server sends, as JSON text, field by field in the contract's order: the snapshot,
 * and the live {@code location} and {@code status} frames with their object parts. Nothing else in
 * the server writes frame JSON; the courier object is the one part encoded elsewhere
 * ({@code Courier.toJson()}, kept opaque here).
 *
 * <p>A live frame comes in {@link FrameParts} around its {@code seq} (and a status frame's merged
 * courier and drop-off), so that whoever applies the event (the memory broker in Java, the Redis
 * broker inside its Lua script) only glues those in: the bytes published are the bytes clients
 * receive, encoded once.
 */
public final class Frames {
  private Frames() {}

  /**
   * A location frame.
   *
   * @param ts when the engine accepted the event, epoch millis
   */
  public static FrameParts location(LocationUpdate event, long ts) {
    StringBuilder sb = new StringBuilder(180);
    sb.append(",\"ts\":").append(ts);
    sb.append(",\"location\":").append(location(event.location()));
    sb.append(",\"provider\":").append(JsonText.quote(event.provider()));
    if (event.ref() != null) {
      sb.append(",\"ref\":").append(JsonText.quote(event.ref()));
    }
    return new FrameParts(head("location", event.orderId()), sb.append('}').toString(), "", "");
  }

  /**
   * A status frame. Its courier and drop-off are the order's merged state, glued in by whoever
   * applies the event.
   *
   * @param ts when the engine accepted the event, epoch millis
   * @param at the same instant, ISO-8601
   */
  public static FrameParts status(StatusChange event, long ts, String at) {
    return new FrameParts(
        head("status", event.orderId()),
        ",\"ts\":" + ts + ",\"status\":\"" + event.status().name() + "\",\"eta\":" + eta(event.eta())
            + ",\"courier\":",
        ",\"dropoff\":",
        ",\"reason\":" + reason(event.reason()) + ",\"at\":\"" + at + "\"}");
  }

  /** {@code {"type":"<type>","orderId":"<id>","seq":} — everything before the seq digits. */
  private static String head(String type, OrderId orderId) {
    return "{\"type\":\"" + type + "\",\"orderId\":\"" + orderId.value() + "\",\"seq\":";
  }

  /** The snapshot frame: the first frame of every socket, and the body of the order GET. */
  public static String snapshot(Snapshot s) {
    StringBuilder sb = new StringBuilder(256);
    sb.append("{\"type\":\"snapshot\",\"orderId\":\"").append(s.orderId().value());
    sb.append("\",\"seq\":").append(s.seq());
    sb.append(",\"status\":").append(s.status() == null ? "null" : "\"" + s.status().name() + "\"");
    sb.append(",\"location\":").append(orNull(s.locationJson()));
    sb.append(",\"eta\":").append(orNull(s.etaJson()));
    sb.append(",\"courier\":").append(orNull(s.courierJson()));
    sb.append(",\"dropoff\":").append(orNull(s.dropoffJson()));
    sb.append(",\"reason\":").append(reason(s.reason()));
    sb.append(",\"updatedAt\":").append(s.updatedAt() == null ? "null" : "\"" + s.updatedAt() + "\"");
    return sb.append('}').toString();
  }

  /** A courier position as clients receive it, with absent measurements left out. */
  public static String location(Location l) {
    StringBuilder sb = new StringBuilder(128);
    sb.append("{\"lat\":").append(l.lat()).append(",\"lng\":").append(l.lng());
    if (l.heading() != null) {
      sb.append(",\"heading\":").append(l.heading().doubleValue());
    }
    if (l.speed() != null) {
      sb.append(",\"speed\":").append(l.speed().doubleValue());
    }
    if (l.accuracy() != null) {
      sb.append(",\"accuracy\":").append(l.accuracy().doubleValue());
    }
    sb.append(",\"recordedAt\":\"").append(Times.format(l.recordedAt())).append("\"}");
    return sb.toString();
  }

  /** A point such as the drop-off address. */
  public static String latLng(LatLng p) {
    return "{\"lat\":" + p.lat() + ",\"lng\":" + p.lng() + "}";
  }

  /** An estimate as a JSON string literal, or {@code null} for none. */
  public static String eta(Instant eta) {
    return eta == null ? "null" : "\"" + Times.format(eta) + "\"";
  }

  /** A reason token as a JSON string, or {@code null}; tokens need no escaping ({@code [a-z_]}). */
  private static String reason(String reason) {
    return reason == null ? "null" : "\"" + reason + "\"";
  }

  private static String orNull(String json) {
    return json == null || json.isEmpty() ? "null" : json;
  }
}
