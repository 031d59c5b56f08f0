package org.ordertracking.bench.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OpenLoopTest {
  @Test
  void firstActionIsDueAtTheStartAndTheRestAtTheRate() {
    OpenLoop loop = new OpenLoop(1_000, Long.MAX_VALUE, 0);
    assertEquals(1, loop.take(0));
    assertEquals(0, loop.take(500_000)); // half a millisecond later: nothing new
    assertEquals(1, loop.take(1_000_000));
    assertEquals(10, loop.take(11_000_000));
    assertEquals(12, loop.issued());
  }

  @Test
  void aLateTickCatchesUpOnEverythingDue() {
    OpenLoop loop = new OpenLoop(10_000, Long.MAX_VALUE, 0);
    assertEquals(10_001, loop.take(1_000_000_000L));
    assertEquals(0, loop.behind(1_000_000_000L));
    assertEquals(100, loop.behind(1_010_000_000L));
  }

  @Test
  void aCappedTakeLeavesTheRestDue() {
    OpenLoop loop = new OpenLoop(10_000, Long.MAX_VALUE, 0);
    assertEquals(25, loop.take(10_000_000, 25));
    assertEquals(76, loop.behind(10_000_000));
    assertEquals(76, loop.take(10_000_000));
  }

  @Test
  void stopsAtTheTotal() {
    OpenLoop loop = new OpenLoop(1_000, 5, 0);
    assertEquals(5, loop.take(60_000_000_000L));
    assertEquals(0, loop.take(120_000_000_000L));
    assertTrue(loop.done());
  }

  @Test
  void aRateMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> new OpenLoop(0, 1, 0));
  }
}
