package org.ordertracking.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {
  @Test
  void allMeansEveryScenarioInTheTablesOrder() {
    Options o = Options.parse(new String[] {"all"});
    assertEquals(Options.ALL, o.scenarios());
    assertEquals(3, o.reps());
    assertEquals(List.of("java", "node"), o.targets());
  }

  @Test
  void readsJvmFlagsEnvironmentAndScale() {
    Options o = Options.parse(new String[] {"tail", "--java-flags", "-Xmx512m -XX:+UseSerialGC",
        "--java-env", "TRACKING_PING_INTERVAL=5s", "--scale", "0.5", "--reps", "1", "--all-steps"});
    assertEquals(List.of("-Xmx512m", "-XX:+UseSerialGC"), o.javaFlags());
    assertEquals("5s", o.javaEnv().get("TRACKING_PING_INTERVAL"));
    assertEquals(4_950, o.scaled(9_900));
    assertTrue(!o.stopAtFirstFailure());
  }

  @Test
  void badInputIsNamed() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"strom"}))
        .getMessage().startsWith("unknown scenario 'strom'"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"tail", "--reps", "0"}))
        .getMessage().contains("--reps"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> Options.parse(new String[] {"tail", "--java-env", "PATH=/x"})).getMessage().contains("TRACKING_"));
    assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {}));
  }
}
