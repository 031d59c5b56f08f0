package org.ordertracking.simulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Misbehaviour the simulated Deliveroo API plays on request, so poller tests can meet a provider
 * that throttles, fails, hangs or forgets the tokens it issued. Thread-safe: tests set it from
 * their thread, the simulator reads it on its loop.
 */
public final class Faults {
  /** One scripted answer: a status and an optional Retry-After value. */
  public record Answer(int status, String retryAfter) {}

  private final Deque<Answer> next = new ArrayDeque<>();
  private Duration delay = Duration.ZERO;
  private boolean revokeTokens;
  private int tokenFailures;

  /**
   * The next {@code times} location requests are answered {@code status} (with Retry-After if not
   * null); a scripted 200 answers {@code {}}, "no location known".
   */
  public synchronized Faults answer(int times, int status, String retryAfter) {
    for (int i = 0; i < times; i++) {
      next.add(new Answer(status, retryAfter));
    }
    return this;
  }

  /** Every response waits this long before it is sent (ZERO to stop). */
  public synchronized Faults delay(Duration d) {
    this.delay = d;
    return this;
  }

  /** Every access token issued so far stops being accepted (the next request with one gets 401). */
  public synchronized Faults revokeTokens() {
    this.revokeTokens = true;
    return this;
  }

  /** The next {@code times} token requests are answered 503. */
  public synchronized Faults failTokenRequests(int times) {
    this.tokenFailures += times;
    return this;
  }

  synchronized Answer take() {
    return next.poll();
  }

  synchronized Duration delay() {
    return delay;
  }

  synchronized boolean takeRevocation() {
    boolean r = revokeTokens;
    revokeTokens = false;
    return r;
  }

  synchronized boolean takeTokenFailure() {
    if (tokenFailures == 0) {
      return false;
    }
    tokenFailures--;
    return true;
  }
}
