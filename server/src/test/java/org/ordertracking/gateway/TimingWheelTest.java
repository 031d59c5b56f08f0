package org.ordertracking.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimingWheelTest {
  private final List<String> fired = new ArrayList<>();

  private final class Probe extends TimingWheel.Entry {
    final String name;
    long firedAt = -1;
    Runnable then = () -> {};

    Probe(String name) {
      this.name = name;
    }

    @Override
    void onDue(long nowMillis) {
      firedAt = nowMillis;
      fired.add(name);
      then.run();
    }
  }

  @Test
  void firesEachEntryOnTheFirstTickAtOrAfterItsDeadlineAndNotBefore() {
    TimingWheel wheel = new TimingWheel(10, 100, 0);
    Probe a = new Probe("a");
    Probe b = new Probe("b");
    wheel.schedule(a, 250);
    wheel.schedule(b, 300);
    wheel.advance(299);
    assertEquals(List.of(), fired);
    wheel.advance(300);
    assertEquals(List.of("a", "b"), sorted(fired));
    assertEquals(0, wheel.size());
    assertFalse(a.scheduled());
  }

  @Test
  void eachTickHandlesOnlyWhatIsDueInIt() {
    TimingWheel wheel = new TimingWheel(50, 100, 0);
    List<Probe> probes = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      Probe p = new Probe("p" + i);
      probes.add(p);
      wheel.schedule(p, 100 + (i % 20) * 100L); // spread over 20 ticks
    }
    for (int t = 1; t <= 20; t++) {
      int before = fired.size();
      wheel.advance(t * 100L);
      assertEquals(50, fired.size() - before, "tick " + t);
    }
    assertEquals(0, wheel.size());
  }

  @Test
  void deadlinesBeyondOneRevolutionWaitForTheirRound() {
    TimingWheel wheel = new TimingWheel(8, 100, 0);
    Probe far = new Probe("far");
    wheel.schedule(far, 2_050); // 2.5 revolutions ahead
    for (long now = 100; now < 2_100; now += 100) {
      wheel.advance(now);
      assertEquals(List.of(), fired, "at " + now);
    }
    wheel.advance(2_100);
    assertEquals(List.of("far"), fired);
  }

  @Test
  void removedAndMovedEntriesDoNotFireAtTheOldDeadline() {
    TimingWheel wheel = new TimingWheel(16, 100, 0);
    Probe removed = new Probe("removed");
    Probe moved = new Probe("moved");
    wheel.schedule(removed, 200);
    wheel.schedule(moved, 200);
    wheel.remove(removed);
    wheel.schedule(moved, 900);
    wheel.advance(800);
    assertEquals(List.of(), fired);
    wheel.advance(900);
    assertEquals(List.of("moved"), fired);
    wheel.remove(removed); // removing twice is harmless
    assertEquals(0, wheel.size());
  }

  @Test
  void anEntryMayRescheduleItselfAndRemoveAnotherDueInTheSameTick() {
    TimingWheel wheel = new TimingWheel(16, 100, 0);
    Probe first = new Probe("first");
    Probe second = new Probe("second");
    Probe periodic = new Probe("periodic");
    wheel.schedule(first, 100);
    wheel.schedule(second, 100);
    first.then = () -> wheel.remove(second);
    second.then = () -> wheel.remove(first);
    periodic.then = () -> wheel.schedule(periodic, periodic.firedAt + 300);
    wheel.schedule(periodic, 100);
    wheel.advance(100);
    assertEquals(2, fired.size(), "periodic and exactly one of first/second: " + fired);
    assertTrue(fired.contains("periodic"));
    wheel.advance(400);
    assertEquals(3, fired.size());
    assertEquals(1, wheel.size());
  }

  @Test
  void aLoopThatFellBehindCatchesUpOnEverythingDue() {
    TimingWheel wheel = new TimingWheel(8, 100, 0);
    for (int i = 0; i < 30; i++) {
      wheel.schedule(new Probe("p" + i), 100 + i * 100L);
    }
    wheel.advance(10_000); // more than a revolution late
    assertEquals(30, fired.size());
    assertEquals(0, wheel.size());
  }

  @Test
  void aDeadlineAlreadyPassedFiresOnTheNextTick() {
    TimingWheel wheel = new TimingWheel(8, 100, 1_000);
    Probe late = new Probe("late");
    wheel.schedule(late, 10);
    wheel.advance(1_099);
    assertEquals(List.of(), fired);
    wheel.advance(1_100);
    assertEquals(List.of("late"), fired);
  }

  private static List<String> sorted(List<String> names) {
    List<String> copy = new ArrayList<>(names);
    copy.sort(null);
    return copy;
  }
}
