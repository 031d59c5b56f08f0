package org.ordertracking.model;

import java.time.Instant;

/**
 * One courier position. Optional measurements are {@code null} when the publisher did not send
 * them. {@code recordedAt} is when the device took the fix (the server stamps its own clock when
 * the publisher gives none); it drives the stale-location rule.
 */
public record Location(
    double lat, double lng, Double heading, Double speed, Double accuracy, Instant recordedAt) {

  /** The JSON object clients receive, with absent measurements left out. */
  public String toJson() {
    StringBuilder sb = new StringBuilder(128);
    sb.append("{\"lat\":").append(lat).append(",\"lng\":").append(lng);
    if (heading != null) {
      sb.append(",\"heading\":").append(heading.doubleValue());
    }
    if (speed != null) {
      sb.append(",\"speed\":").append(speed.doubleValue());
    }
    if (accuracy != null) {
      sb.append(",\"accuracy\":").append(accuracy.doubleValue());
    }
    sb.append(",\"recordedAt\":\"").append(Times.format(recordedAt)).append("\"}");
    return sb.toString();
  }
}
