package org.ordertracking.web;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.openqa.selenium.support.ui.FluentWait;

/** Waiting for a condition outside the browser, with a timeout and a message; never a bare sleep. */
final class Awaits {
  private Awaits() {}

  static void until(String what, Duration timeout, BooleanSupplier condition) {
    new FluentWait<>(condition)
        .withTimeout(timeout)
        .pollingEvery(Duration.ofMillis(50))
        .withMessage("waiting for " + what)
        .until(BooleanSupplier::getAsBoolean);
  }
}
