package org.ordertracking.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ReadinessReasonsTest {
  @Test
  void engineWordingBecomesAStableCode() {
    assertEquals("redis_unavailable",
        ReadinessReasons.code("redis commands failing: WRONGPASS invalid username-password pair or user is disabled."));
    assertEquals("redis_subscriber_down", ReadinessReasons.code("redis subscriber disconnected"));
    assertEquals("engine_unavailable", ReadinessReasons.code("something new"));
  }
}
