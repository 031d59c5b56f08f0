package org.ordertracking.simulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The last requests the pollable resource received (bounded), for tests and the demo's logs. */
public final class PollLog {
  private static final int MAX = 10_000;

  /** One request: which order, when (epoch millis), what was answered. */
  public record Entry(String orderId, long atMillis, int status) {}

  private final Deque<Entry> entries = new ArrayDeque<>();
  private int concurrent;
  private int maxConcurrent;

  synchronized void started() {
    concurrent++;
    maxConcurrent = Math.max(maxConcurrent, concurrent);
  }

  synchronized void finished() {
    concurrent--;
  }

  /** The most requests the resource was answering at once. */
  public synchronized int maxConcurrent() {
    return maxConcurrent;
  }

  synchronized void add(Entry e) {
    entries.addLast(e);
    if (entries.size() > MAX) {
      entries.removeFirst();
    }
  }

  public synchronized List<Entry> entries() {
    return new ArrayList<>(entries);
  }

  public synchronized List<Entry> forOrder(String orderId) {
    return entries.stream().filter(e -> e.orderId().equals(orderId)).toList();
  }
}
