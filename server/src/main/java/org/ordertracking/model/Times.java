package org.ordertracking.model;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The one time format of the contract, ISO-8601 UTC with milliseconds, and the range of times the
 * server accepts from anyone (ingest API and provider webhooks alike).
 */
public final class Times {
  /** The earliest time accepted: nothing the server tracks happened before 1970. */
  public static final Instant EARLIEST = Instant.EPOCH;
  /** The latest time accepted: four-digit years only, as the wire format promises. */
  public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

  // uuuu is the proleptic year; yyyy would be the year of era and print year 0 as 0001.
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Times() {}

  public static String format(Instant instant) {
    return FORMAT.format(instant.truncatedTo(ChronoUnit.MILLIS));
  }

  /** True when {@code t} lies within [{@link #EARLIEST}, {@link #LATEST}]. */
  public static boolean inRange(Instant t) {
    return !t.isBefore(EARLIEST) && !t.isAfter(LATEST);
  }
}
