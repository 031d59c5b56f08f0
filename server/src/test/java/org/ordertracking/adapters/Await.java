package org.ordertracking.adapters;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** Waiting in tests: for a future, or for a condition checked on a Vert.x timer, with a deadline. */
public final class Await {
  private Await() {}

  public static <T> T result(Future<T> f) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError("future failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException | TimeoutException e) {
      throw new AssertionError("future did not complete within 10 s", e);
    }
  }

  /** Completes when {@code condition} yields true, checked every 20 ms; fails after {@code limit}. */
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
    } catch (ExecutionException e) {
      throw (AssertionError) e.getCause();
    } catch (InterruptedException | TimeoutException e) {
      throw new AssertionError("timed out waiting for " + what, e);
    } finally {
      vertx.cancelTimer(timer);
    }
  }

  public static void until(Vertx vertx, Duration limit, String what, java.util.function.BooleanSupplier condition) {
    until(vertx, limit, what, () -> Future.succeededFuture(condition.getAsBoolean()));
  }
}
