package org.ordertracking.bench.publish;

import io.vertx.core.Future;

/**
 * Publishes location events at a fixed open-loop rate, each carrying its publish time in epoch
 * microseconds as {@code ref} (passed through verbatim by both servers). One step at a time.
 */
public interface Publisher {
  /** Starts publishing at {@code ratePerSecond}; runs until {@link #stop}. */
  void start(double ratePerSecond);

  /** Stops, waits for the outstanding acknowledgements (bounded), and tells what happened. */
  Future<PublishStats> stop();

  Future<Void> close();
}
