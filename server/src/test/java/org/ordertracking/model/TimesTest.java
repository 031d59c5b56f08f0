package org.ordertracking.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimesTest {

  @Test
  void formatsUtcWithMilliseconds() {
    assertEquals("2026-11-21T10:15:30.123Z", Times.format(Instant.parse("2026-11-21T10:15:30.123456Z")));
  }

  @Test
  void yearsAtOrBelowZeroAreTheProlepticYearNotTheYearOfEra() {
    // yyyy (year of era) printed year 0 as 0001 and year -1 as 0002: the wrong year.
    assertEquals("0000-01-01T00:00:00.000Z", Times.format(Instant.parse("0000-01-01T00:00:00Z")));
    assertEquals("-0001-06-01T00:00:00.000Z", Times.format(Instant.parse("-0001-06-01T00:00:00Z")));
  }

  @Test
  void theAcceptedRangeIs1970ToYear9999() {
    assertTrue(Times.inRange(Times.EARLIEST));
    assertTrue(Times.inRange(Times.LATEST));
    assertFalse(Times.inRange(Instant.parse("1969-12-31T23:59:59.999Z")));
    assertFalse(Times.inRange(Instant.parse("+10000-01-01T00:00:00Z")));
    assertFalse(Times.inRange(Instant.parse("-1000000000-01-01T00:00:00Z")));
  }
}
