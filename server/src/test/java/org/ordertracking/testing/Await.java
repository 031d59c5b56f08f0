package org.ordertracking.testing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

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
    until(what, TIMEOUT, condition);
  }

  /** Polls {@code condition} every 10 ms until true; fails after {@code limit}. */
  public static void until(String what, Duration limit, BooleanSupplier condition) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + limit.toSeconds() + " s waiting until " + what);
      }
      try {
        TimeUnit.MILLISECONDS.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /**
   * Returns once {@code condition} yields true, checked every 20 ms on a Vert.x timer (so it may
   * ask things of the event loop); fails after {@code limit}.
   */
  public static void until(Vertx vertx, Duration limit, String what, Supplier<Future<Boolean>> condition) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    long deadline = System.nanoTime() + limit.toNanos();
    long timer =
        vertx.setPeriodic(
            20,
            id ->
                condition
                    .get()
                    .onComplete(
                        ar -> {
                          if (ar.succeeded() && ar.result()) {
                            done.complete(null);
                          } else if (System.nanoTime() > deadline) {
                            done.completeExceptionally(new AssertionError("timed out waiting for " + what));
                          }
                        }));
    try {
      done.get(limit.toMillis() + 5_000, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw (AssertionError) e.getCause();
    } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
      throw new AssertionError("timed out waiting for " + what, e);
    } finally {
      vertx.cancelTimer(timer);
    }
  }

  public static void until(Vertx vertx, Duration limit, String what, BooleanSupplier condition) {
    until(vertx, limit, what, () -> Future.succeededFuture(condition.getAsBoolean()));
  }
}
