package org.ordertracking.bench.publish;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.ordertracking.bench.time.MicroClock;
import org.ordertracking.bench.time.OpenLoop;

/**
 * The pacing both publishers share: a timer on one event loop takes the events due by the
 * open-loop schedule every tick and hands them to {@link #emit} in one go, stamped with the same
 * publish time.
 * Stopping waits (at most {@link #DRAIN_MS}) until every request sent has been answered.
 */
abstract class PacedPublisher implements Publisher {
  private static final long DRAIN_MS = 30_000;

  protected final Vertx vertx;
  protected final Context context;
  protected final EventPlan plan;
  private final long tickMs;
  private OpenLoop schedule;
  private long timer = -1;
  private long maxBehind;
  private long startNanos;
  protected long offered;
  protected long acknowledged;
  protected long failed;
  protected long notApplied;
  protected long receivers;

  /** @param tickMs how often due events are sent (they are stamped when sent, not when due) */
  PacedPublisher(Vertx vertx, EventPlan plan, long tickMs) {
    this.vertx = vertx;
    this.tickMs = tickMs;
    this.context = vertx.getOrCreateContext();
    this.plan = plan;
  }

  /** Sends {@code count} events, all stamped {@code refMicros}. */
  protected abstract void emit(int count, long refMicros);

  /** Requests or events sent and not answered yet. */
  protected abstract long outstanding();

  /** Called on the publisher's loop before a step's first event. */
  protected void onStart() {}

  /** Called on the publisher's loop once stopped and drained, before the figures are read. */
  protected void onStopped() {}

  @Override
  public void start(double ratePerSecond) {
    context.runOnContext(v -> {
      offered = acknowledged = failed = notApplied = receivers = maxBehind = 0;
      onStart();
      startNanos = System.nanoTime();
      schedule = new OpenLoop(ratePerSecond, Long.MAX_VALUE, startNanos);
      timer = vertx.setPeriodic(tickMs, id -> tick());
    });
  }

  private void tick() {
    long now = System.nanoTime();
    long due = schedule.take(now);
    if (due > 0) {
      offered += due;
      emit((int) Math.min(Integer.MAX_VALUE, due), MicroClock.nowMicros());
    }
    maxBehind = Math.max(maxBehind, schedule.behind(System.nanoTime()));
  }

  @Override
  public Future<PublishStats> stop() {
    Promise<PublishStats> done = Promise.promise();
    context.runOnContext(v -> {
      vertx.cancelTimer(timer);
      double seconds = (System.nanoTime() - startNanos) / 1e9;
      long deadline = System.nanoTime() + DRAIN_MS * 1_000_000;
      vertx.setPeriodic(1, 10, id -> {
        if (outstanding() == 0 || System.nanoTime() > deadline) {
          vertx.cancelTimer(id);
          onStopped();
          done.complete(new PublishStats(offered, acknowledged, failed, notApplied, receivers, maxBehind, seconds));
        }
      });
    });
    return done.future();
  }
}
