package org.ordertracking.gateway;

import java.util.ArrayList;

/**
 * A hashed timing wheel for one event loop: every per-socket deadline (keep-alive ping, token
 * expiry, sync timeout) of that loop's sessions lives here instead of in a Vert.x timer per
 * socket or in a sweep over every socket at once.
 *
 * <p>The loop calls {@link #advance} on a fixed tick (100 ms); each call handles only the slots
 * that came due since the last one, so work that is spread over time (sockets connected at
 * different moments, pings due at different moments) stays spread: there is no instant at which
 * every socket is visited. Adding, moving and removing an entry are O(1): entries are intrusive
 * doubly-linked list nodes ({@link Entry} is the session itself), so scheduling allocates nothing.
 *
 * <p>A deadline further away than one revolution stays in its slot and is passed over (checked
 * and kept) once per revolution until it is due. Confined to one thread: not thread-safe.
 */
final class TimingWheel {
  private static final int UNSCHEDULED = -1;
  private static final int FIRING = -2;

  /** Something with one deadline at a time; extended by the object it times, to allocate nothing. */
  abstract static class Entry {
    private Entry prev;
    private Entry next;
    private int slot = UNSCHEDULED;
    private long dueTick;

    /** Called once when the deadline has passed, on the wheel's thread; may schedule again. */
    abstract void onDue(long nowMillis);

    final boolean scheduled() {
      return slot != UNSCHEDULED;
    }
  }

  private final Entry[] heads;
  private final long tickMillis;
  private final ArrayList<Entry> due = new ArrayList<>();
  /** The last tick handled; entries are placed at a tick after it. */
  private long tick;
  private int size;

  /**
   * @param slots slots per revolution; one revolution ({@code slots × tickMillis}) should cover
   *     the usual deadline (the ping interval), so that most entries are visited only when due
   */
  TimingWheel(int slots, long tickMillis, long nowMillis) {
    if (slots < 1 || tickMillis < 1) {
      throw new IllegalArgumentException("slots and tick must be positive");
    }
    this.heads = new Entry[slots];
    this.tickMillis = tickMillis;
    this.tick = Math.floorDiv(nowMillis, tickMillis);
  }

  /** Slots for a revolution of at least {@code spanMillis}, within sane bounds. */
  static int slotsFor(long spanMillis, long tickMillis) {
    long n = (spanMillis + tickMillis - 1) / tickMillis + 1;
    return (int) Math.max(8, Math.min(n, 4096));
  }

  long tickMillis() {
    return tickMillis;
  }

  int size() {
    return size;
  }

  /**
   * Schedules {@code e} (moving it if it was scheduled) to fire at the first tick at or after
   * {@code dueMillis}; a deadline already passed fires on the next tick.
   */
  void schedule(Entry e, long dueMillis) {
    remove(e);
    long t = Math.max(tick + 1, Math.floorDiv(dueMillis + tickMillis - 1, tickMillis));
    int s = (int) Math.floorMod(t, (long) heads.length);
    e.dueTick = t;
    e.slot = s;
    e.prev = null;
    e.next = heads[s];
    if (e.next != null) {
      e.next.prev = e;
    }
    heads[s] = e;
    size++;
  }

  /** Unschedules {@code e}; a no-op when it is not scheduled (also while it is about to fire). */
  void remove(Entry e) {
    int s = e.slot;
    if (s == UNSCHEDULED) {
      return;
    }
    e.slot = UNSCHEDULED;
    if (s == FIRING) {
      return; // still in the due list; skipped there
    }
    if (e.prev != null) {
      e.prev.next = e.next;
    } else {
      heads[s] = e.next;
    }
    if (e.next != null) {
      e.next.prev = e.prev;
    }
    e.prev = null;
    e.next = null;
    size--;
  }

  /** Fires every entry whose deadline is at or before {@code nowMillis}. */
  void advance(long nowMillis) {
    long target = Math.floorDiv(nowMillis, tickMillis);
    if (target <= tick) {
      return;
    }
    long from = tick + 1;
    if (target - from >= heads.length) {
      from = target - heads.length + 1; // fell behind by more than a revolution: each slot once
    }
    for (long t = from; t <= target; t++) {
      collect((int) Math.floorMod(t, (long) heads.length), target);
    }
    tick = target;
    // Fired after collecting, so callbacks that schedule or remove entries cannot disturb the walk.
    for (int i = 0; i < due.size(); i++) {
      Entry e = due.get(i);
      if (e.slot == FIRING) {
        e.slot = UNSCHEDULED;
        e.onDue(nowMillis);
      }
    }
    due.clear();
  }

  private void collect(int s, long target) {
    Entry e = heads[s];
    while (e != null) {
      Entry next = e.next;
      if (e.dueTick <= target) {
        if (e.prev != null) {
          e.prev.next = next;
        } else {
          heads[s] = next;
        }
        if (next != null) {
          next.prev = e.prev;
        }
        e.prev = null;
        e.next = null;
        e.slot = FIRING;
        size--;
        due.add(e);
      }
      e = next;
    }
  }
}
