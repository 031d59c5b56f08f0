package org.ordertracking.bench.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads a flight recording (JFR's own, or async-profiler's JFR output) and prints where the time
 * and the allocation go: CPU samples by method (self, and inclusive), the server's own methods on
 * the stack, allocation by class, by allocating method and by the nearest server method, and GC
 * pauses.
 */
public final class JfrTop {
  /** The server's own code, to see which of its paths the time and allocation belong to. */
  static final String OURS = "org.ordertracking.";

  private JfrTop() {}

  public static void print(Path file, int top, PrintStream out) throws IOException {
    Map<String, Long> self = new HashMap<>();
    Map<String, Long> inclusive = new HashMap<>();
    Map<String, Long> allocByClass = new HashMap<>();
    Map<String, Long> allocBySite = new HashMap<>();
    Map<String, Long> allocByOurs = new HashMap<>();
    long samples = 0;
    long allocated = 0;
    long gcs = 0;
    Duration gcPause = Duration.ZERO;
    Duration longestPause = Duration.ZERO;
    for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
      String type = e.getEventType().getName();
      switch (type) {
        case "jdk.ExecutionSample" -> {
          samples++;
          countStack(e.getStackTrace(), self, inclusive);
        }
        case "jdk.ObjectAllocationSample", "jdk.ObjectAllocationInNewTLAB", "jdk.ObjectAllocationOutsideTLAB" -> {
          long bytes = type.equals("jdk.ObjectAllocationSample") ? e.getLong("weight")
              : type.equals("jdk.ObjectAllocationInNewTLAB") ? e.getLong("tlabSize") : e.getLong("allocationSize");
          allocated += bytes;
          allocByClass.merge(e.getClass("objectClass").getName(), bytes, Long::sum);
          allocBySite.merge(topFrame(e.getStackTrace()), bytes, Long::sum);
          allocByOurs.merge(nearestOurs(e.getStackTrace()), bytes, Long::sum);
        }
        case "jdk.GarbageCollection" -> {
          gcs++;
          gcPause = gcPause.plus(e.getDuration("sumOfPauses"));
          if (e.getDuration("longestPause").compareTo(longestPause) > 0) {
            longestPause = e.getDuration("longestPause");
          }
        }
        default -> {}
      }
    }
    out.printf("%s: %d CPU samples, %.1f MiB allocation sampled, %d GCs (pauses %d ms in all, longest %d ms)%n",
        file, samples, allocated / 1048576.0, gcs, gcPause.toMillis(), longestPause.toMillis());
    table(out, "CPU, self (top frame)", self, samples, top, "samples");
    table(out, "CPU, inclusive (on the stack)", inclusive, samples, top, "samples");
    Map<String, Long> ours = new HashMap<>(inclusive);
    ours.keySet().removeIf(k -> !k.startsWith(OURS));
    table(out, "CPU, inclusive, the server's own methods", ours, samples, top, "samples");
    table(out, "Allocation by class", allocByClass, allocated, top, "bytes");
    table(out, "Allocation by allocating method", allocBySite, allocated, top, "bytes");
    table(out, "Allocation by nearest server method on the stack", allocByOurs, allocated, top, "bytes");
  }

  private static void countStack(RecordedStackTrace stack, Map<String, Long> self, Map<String, Long> inclusive) {
    if (stack == null || stack.getFrames().isEmpty()) {
      return;
    }
    List<RecordedFrame> frames = stack.getFrames();
    self.merge(name(frames.get(0)), 1L, Long::sum);
    Set<String> seen = new HashSet<>();
    for (RecordedFrame f : frames) {
      String n = name(f);
      if (seen.add(n)) {
        inclusive.merge(n, 1L, Long::sum);
      }
    }
  }

  private static String topFrame(RecordedStackTrace stack) {
    return stack == null || stack.getFrames().isEmpty() ? "(no stack)" : name(stack.getFrames().get(0));
  }

  private static String nearestOurs(RecordedStackTrace stack) {
    if (stack != null) {
      for (RecordedFrame f : stack.getFrames()) {
        String n = name(f);
        if (n.startsWith(OURS)) {
          return n;
        }
      }
    }
    return "(outside the server's code)";
  }

  static String name(RecordedFrame f) {
    return f.getMethod().getType().getName() + "." + f.getMethod().getName();
  }

  private static void table(PrintStream out, String title, Map<String, Long> counts, long total, int top, String unit) {
    out.printf("%n%s (%s)%n", title, unit);
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(top)
        .forEach(e -> out.printf("  %5.1f%%  %12d  %s%n", total == 0 ? 0 : 100.0 * e.getValue() / total, e.getValue(), e.getKey()));
  }
}
