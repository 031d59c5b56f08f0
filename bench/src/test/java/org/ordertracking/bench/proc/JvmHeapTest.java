package org.ordertracking.bench.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JvmHeapTest {
  @Test
  void readsG1HeapUsage() {
    String out = "12345:\n garbage-first heap   total 397312K, used 4675K [0x0000000687400000, 0x0000000800000000)\n"
        + "  region size 4096K, 1 young (4096K), 0 survivors (0K)\n"
        + " Metaspace       used 73K, committed 320K, reserved 1114112K\n"
        + "  class space    used 3K, committed 128K, reserved 1048576K\n";
    assertEquals(4675L * 1024, JvmHeap.usedBytes(out));
  }

  @Test
  void readsTheJdk25G1Format() {
    String out = "31521:\ngarbage-first heap   total reserved 14811136K, committed 57344K, used 9682K "
        + "[0x0000000478000000, 0x0000000800000000)\n region size 8192K, 2 young (16384K), 1 survivors (8192K)\n";
    assertEquals(9682L * 1024, JvmHeap.usedBytes(out));
  }

  @Test
  void addsTheGenerationsOfSerialAndParallelHeaps() {
    String out = " def new generation   total 116160K, used 8263K [0x0, 0x1, 0x2)\n"
        + "  eden space 103296K,   8% used [0x0, 0x1, 0x2)\n"
        + "  from space 12864K,   0% used [0x0, 0x1, 0x2)\n"
        + " tenured generation   total 258048K, used 100K [0x0, 0x1, 0x2)\n"
        + " Metaspace       used 130K, committed 320K, reserved 1114112K\n";
    assertEquals((8263L + 100) * 1024, JvmHeap.usedBytes(out));
  }

  @Test
  void saysSoWhenThereIsNoHeapLine() {
    assertThrows(IllegalArgumentException.class, () -> JvmHeap.usedBytes("12345:\nNo such command\n"));
  }

  @Test
  void measuresThisJvm() throws Exception {
    assertTrue(JvmHeap.liveBytesAfterFullGc(ProcessHandle.current().pid()) > 0);
  }
}
