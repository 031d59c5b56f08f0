package org.ordertracking.bench.proc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One reading of a process's resident memory and CPU time from {@code /proc/<pid>}: RSS from
 * {@code status} (VmRSS), CPU as utime + stime from {@code stat}, in clock ticks (USER_HZ, 100 on
 * Linux: 10 ms resolution, so CPU is compared over windows of seconds).
 */
public record ProcSample(long nanoTime, long rssBytes, long cpuTicks) {
  /** USER_HZ; Linux has reported times in hundredths of a second for decades. */
  public static final int TICKS_PER_SECOND = 100;

  public static ProcSample of(long pid) throws IOException {
    Path dir = Path.of("/proc", Long.toString(pid));
    long now = System.nanoTime();
    return new ProcSample(
        now, rssBytes(Files.readString(dir.resolve("status"))), cpuTicks(Files.readString(dir.resolve("stat"))));
  }

  /** VmRSS from a {@code /proc/<pid>/status} text, in bytes. */
  static long rssBytes(String status) {
    for (String line : status.split("\n")) {
      if (line.startsWith("VmRSS:")) {
        String[] parts = line.substring(6).trim().split("\\s+");
        return Long.parseLong(parts[0]) * 1024; // always kB
      }
    }
    throw new IllegalArgumentException("no VmRSS line in /proc status");
  }

  /**
   * utime + stime from a {@code /proc/<pid>/stat} line. The command name (field 2) is in
   * parentheses and may hold spaces and parentheses itself, so fields are counted after the last
   * ')': utime and stime are fields 14 and 15 of the line.
   */
  static long cpuTicks(String stat) {
    int close = stat.lastIndexOf(')');
    if (close < 0) {
      throw new IllegalArgumentException("not a /proc stat line");
    }
    String[] f = stat.substring(close + 2).trim().split("\\s+");
    // f[0] is field 3 (state), so field n is f[n - 3].
    return Long.parseLong(f[14 - 3]) + Long.parseLong(f[15 - 3]);
  }

  /** CPU seconds spent between {@code earlier} and this sample. */
  public double cpuSecondsSince(ProcSample earlier) {
    return (cpuTicks - earlier.cpuTicks) / (double) TICKS_PER_SECOND;
  }

  public double wallSecondsSince(ProcSample earlier) {
    return (nanoTime - earlier.nanoTime) / 1e9;
  }
}
