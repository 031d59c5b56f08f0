package org.ordertracking.engine;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.PromiseInternal;
import io.vertx.core.internal.VertxInternal;
import java.util.function.Supplier;

/**
 * The single event loop an engine keeps its own state on. Callers on other event loops hop onto
 * it for every mutation, so the engine's maps need no locks, and results hop back to the caller's
 * context so callers need none either.
 */
public final class EngineContext {
  private final Vertx vertx;
  private final ContextInternal context;

  public EngineContext(Vertx vertx) {
    this.vertx = vertx;
    this.context = ((VertxInternal) vertx).createEventLoopContext();
  }

  public ContextInternal context() {
    return context;
  }

  /** Runs {@code work} on the engine loop; the returned future completes on the caller's context. */
  public <T> Future<T> call(Supplier<Future<T>> work) {
    PromiseInternal<T> promise = callerContext().promise();
    context.runOnContext(
        v -> {
          Future<T> result;
          try {
            result = work.get();
          } catch (RuntimeException e) {
            result = Future.failedFuture(e);
          }
          result.onComplete(promise);
        });
    return promise.future();
  }

  /** Runs {@code task} on the engine loop, without a result. */
  public void run(Runnable task) {
    context.runOnContext(v -> task.run());
  }

  public boolean isCurrent() {
    return ContextInternal.current() == context;
  }

  /** The context of whoever is calling, creating one when called from outside Vert.x (tests). */
  public ContextInternal callerContext() {
    ContextInternal current = ContextInternal.current();
    return current != null ? current : (ContextInternal) vertx.getOrCreateContext();
  }
}
