package org.ordertracking.bench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SeqCountsTest {
  @Test
  void countsGapsDuplicatesAndReordersPerSocket() {
    SeqCounts c = new SeqCounts();
    long last = 0;
    last = c.onFrame(last, 1);
    last = c.onFrame(last, 2);
    last = c.onFrame(last, 5); // 3 and 4 missing
    last = c.onFrame(last, 5); // duplicate
    last = c.onFrame(last, 4); // late: a reorder, and last stays 5
    last = c.onFrame(last, 6);
    assertEquals(6, last);
    assertEquals(6, c.frames);
    assertEquals(2, c.gaps);
    assertEquals(1, c.duplicates);
    assertEquals(1, c.reorders);
  }

  @Test
  void aSnapshotSeqIsWhereTheStreamContinues() {
    SeqCounts c = new SeqCounts();
    assertEquals(13, c.onFrame(12, 13));
    assertEquals(0, c.gaps);
  }

  @Test
  void resetStartsAWindowFromZero() {
    SeqCounts c = new SeqCounts();
    c.onFrame(0, 3);
    c.reset();
    assertEquals(0, c.frames);
    assertEquals(0, c.gaps);
  }
}
