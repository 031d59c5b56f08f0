package org.ordertracking.bench.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProcSampleTest {
  @Test
  void cpuIsUserPlusSystemTimeCountedAfterTheCommandName() {
    // A command name with a space and a parenthesis must not shift the fields.
    String stat = "4242 (my (odd) name) S 1 4242 4242 0 -1 4194560 1234 0 0 0 250 75 0 0 20 0 30 0 "
        + "12345 987654321 2048 18446744073709551615 1 1 0 0 0 0 0 4096 0 0 0 0 17 1 0 0 0 0 0\n";
    assertEquals(325, ProcSample.cpuTicks(stat));
  }

  @Test
  void rssIsVmRssInBytes() {
    String status = "Name:\tjava\nVmPeak:\t 9000 kB\nVmRSS:\t  105572 kB\nRssAnon:\t 90000 kB\n";
    assertEquals(105_572L * 1024, ProcSample.rssBytes(status));
    assertThrows(IllegalArgumentException.class, () -> ProcSample.rssBytes("Name:\tkthreadd\n"));
  }

  @Test
  void samplesARealProcess() throws Exception {
    long pid = ProcessHandle.current().pid();
    ProcSample first = ProcSample.of(pid);
    long spin = System.nanoTime() + 300_000_000L;
    double x = 0;
    while (System.nanoTime() < spin) {
      x += Math.sqrt(x + 1);
    }
    ProcSample second = ProcSample.of(pid);
    assertTrue(first.rssBytes() > 1024 * 1024, "RSS of a JVM is over 1 MiB");
    assertTrue(second.cpuSecondsSince(first) > 0, "spinning used CPU " + x);
    assertTrue(second.wallSecondsSince(first) >= 0.3);
  }
}
