package org.ordertracking.bench.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class MachineTest {
  @Test
  void readsTheLoadAverages() {
    assertEquals("[12.4,7.78,3.87]", Machine.loadAverage("12.40 7.78 3.87 5/1021 30807\n").encode());
  }

  @Test
  void describesThisMachine() {
    JsonObject m = Machine.describe();
    assertTrue(m.getInteger("cores") >= 1);
    assertEquals(3, m.getJsonArray("loadAverage").size());
    assertTrue(m.getLong("memTotalMiB") > 0);
  }
}
