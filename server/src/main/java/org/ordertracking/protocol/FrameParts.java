package org.ordertracking.protocol;

/**
 * A live frame's JSON in parts around what only the engine knows when it applies the event: the
 * seq and, for a status, the merged courier and drop-off (the ones stored when the event carries
 * none). The memory broker glues them in Java, the Redis broker inside its publish script, the same
 * way: {@code beforeSeq + seq + afterSeq + courier + afterCourier + dropoff + afterDropoff}.
 * Location frames have no courier or drop-off: those parts and values are empty.
 */
public record FrameParts(String beforeSeq, String afterSeq, String afterCourier, String afterDropoff) {

  /** The frame's JSON text. {@code courierJson}/{@code dropoffJson}: JSON text, {@code null}, or empty. */
  public String glue(long seq, String courierJson, String dropoffJson) {
    return beforeSeq + seq + afterSeq + courierJson + afterCourier + dropoffJson + afterDropoff;
  }
}
