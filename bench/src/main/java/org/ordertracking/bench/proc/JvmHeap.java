package org.ordertracking.bench.proc;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The live heap of a JVM after a full GC, read with {@code jcmd} (from the JDK running the bench). */
public final class JvmHeap {
  /** "total 397312K, used 4675K" (JDK 17) or "total reserved 14811136K, committed 57344K, used 9682K" (JDK 25). */
  private static final Pattern USED =
      Pattern.compile("\\btotal\\s+(?:reserved\\s+\\d+K,\\s+committed\\s+)?(\\d+)K,\\s+used\\s+(\\d+)K");

  private JvmHeap() {}

  /** Runs a full GC in process {@code pid} and returns the heap then used, in bytes. */
  public static long liveBytesAfterFullGc(long pid) throws IOException, InterruptedException {
    jcmd(pid, "GC.run");
    return usedBytes(jcmd(pid, "GC.heap_info"));
  }

  /** The live objects by class ({@code GC.class_histogram}, which runs a full GC first), as text. */
  public static String classHistogram(long pid) throws IOException, InterruptedException {
    return jcmd(pid, "GC.class_histogram");
  }

  /** The heap's used size from {@code GC.heap_info} output (G1, Parallel and Serial formats; JDK 17 and 25). */
  static long usedBytes(String heapInfo) {
    long used = 0;
    boolean found = false;
    for (String line : heapInfo.split("\n")) {
      Matcher m = USED.matcher(line);
      // G1 prints one "garbage-first heap total ..K, used ..K" line; Serial and Parallel one such
      // line per generation (young, old). Their spaces and Metaspace print no "total".
      if (m.find()) {
        used += Long.parseLong(m.group(2)) * 1024;
        found = true;
      }
    }
    if (!found) {
      throw new IllegalArgumentException("no heap usage in GC.heap_info output: " + heapInfo);
    }
    return used;
  }

  private static String jcmd(long pid, String command) throws IOException, InterruptedException {
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    Process p = new ProcessBuilder(jcmd, Long.toString(pid), command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("jcmd " + pid + " " + command + " failed: " + out);
    }
    return out;
  }
}
