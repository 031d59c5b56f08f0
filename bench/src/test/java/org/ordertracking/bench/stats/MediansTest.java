package org.ordertracking.bench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MediansTest {
  @Test
  void medianOfOddAndEvenCounts() {
    assertEquals(3.0, Medians.of(List.of(5, 1, 3)));
    assertEquals(2.5, Medians.of(List.of(4, 1, 2, 3)));
  }

  @Test
  void missingValuesAreIgnored() {
    assertEquals(2.0, Medians.of(Arrays.asList(null, 2.0, Double.NaN)));
    assertTrue(Double.isNaN(Medians.of(List.of())));
  }

  @Test
  void ratioIsUndefinedAgainstZero() {
    assertEquals(2.0, Medians.ratio(4, 2));
    assertTrue(Double.isNaN(Medians.ratio(4, 0)));
  }
}
