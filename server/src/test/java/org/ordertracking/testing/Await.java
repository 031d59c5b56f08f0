package org.ordertracking.testing;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Blocking waits for tests, always bounded by a timeout. */
public final class Await {
  public static final Duration TIMEOUT = Duration.ofSeconds(10);

  private Await() {}

  public static <T> T result(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new AssertionError("future failed: " + e.getCause(), e.getCause());
    } catch (Exception e) {
      throw new AssertionError("future did not complete in " + TIMEOUT + ": " + e, e);
    }
  }

  public static <T> T next(BlockingQueue<T> queue) {
    return next(queue, TIMEOUT);
  }

  public static <T> T next(BlockingQueue<T> queue, Duration timeout) {
    try {
      T item = queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (item == null) {
        throw new AssertionError("nothing arrived within " + timeout);
      }
      return item;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Polls {@code condition} until true or the timeout passes. */
  public static void until(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      try {
        TimeUnit.MILLISECONDS.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
