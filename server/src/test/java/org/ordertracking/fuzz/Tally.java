package org.ordertracking.fuzz;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counts of fuzz cases by category, generator and outcome; thread-safe; prints sorted. */
final class Tally {
  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

  void count(String category, String label, String outcome) {
    counts.computeIfAbsent(category + " | " + label + " -> " + outcome, k -> new AtomicLong()).incrementAndGet();
  }

  long total() {
    return counts.values().stream().mapToLong(AtomicLong::get).sum();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    new TreeMap<>(counts).forEach((k, v) -> sb.append(String.format("  %6d  %s%n", v.get(), k)));
    return sb.toString();
  }
}
