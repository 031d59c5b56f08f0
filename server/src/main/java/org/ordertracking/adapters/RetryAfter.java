package org.ordertracking.adapters;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The {@code Retry-After} header (RFC 9110): delta-seconds or an HTTP date. */
public final class RetryAfter {
  private RetryAfter() {}

  /** How long to wait, capped at {@code max}; empty when absent or unreadable. */
  public static Optional<Duration> parse(String header, Instant now, Duration max) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String v = header.trim();
    Duration d;
    if (v.chars().allMatch(Character::isDigit)) {
      try {
        d = Duration.ofSeconds(Long.parseLong(v));
      } catch (NumberFormatException e) {
        d = max; // more digits than a long: "a very long time"
      }
    } else {
      try {
        Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        d = Duration.between(now, at);
        if (d.isNegative()) {
          d = Duration.ZERO;
        }
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    }
    return Optional.of(d.compareTo(max) > 0 ? max : d);
  }
}
