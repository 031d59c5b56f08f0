package org.ordertracking.bench.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventPlanTest {
  @Test
  void roundRobinOverOrdersWithSeqPerOrder(@TempDir Path dir) throws Exception {
    EventPlan plan = new EventPlan(new String[] {"a", "b", "c"});
    for (int i = 0; i < 7; i++) {
      plan.nextSeq(plan.nextOrder());
    }
    assertEquals(3, plan.lastSeq(0));
    assertEquals(2, plan.lastSeq(1));
    assertEquals(2, plan.lastSeq(2));
    plan.seen(1, 10);
    plan.seen(1, 4); // an older answer does not lower it
    plan.writeLastSeqs(dir.resolve("expect"));
    assertEquals("3\n10\n2\n", Files.readString(dir.resolve("expect")));
  }
}
