// When to try again after a lost connection: exponential, capped, with "equal jitter".
// Half of each step is fixed so the countdown a person sees is never near zero by chance;
// the other half is random so thousands of pages dropped by one deploy do not return in step.

export const DEFAULT_BACKOFF = Object.freeze({ baseMs: 1000, factor: 2, maxMs: 30000 });

/** The delay before retry number {@code attempt} (0 = the first retry). */
export function backoffDelay(attempt, random, { baseMs, factor, maxMs } = DEFAULT_BACKOFF) {
  const ceiling = Math.min(maxMs, baseMs * Math.pow(factor, Math.max(0, attempt)));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** A retry counter: {@code next()} gives the next delay, {@code reset()} after a good session. */
export function createBackoff(random = Math.random, options = DEFAULT_BACKOFF) {
  let attempt = 0;
  return {
    next() {
      return backoffDelay(attempt++, random, options);
    },
    reset() {
      attempt = 0;
    },
    get attempts() {
      return attempt;
    },
  };
}

/**
 * After a 1012 (server restarting) the next node is usually ready at once: come back promptly,
 * but spread over a short window so a drained node's clients do not all land in one instant.
 */
export function restartDelay(random, windowMs = 1000) {
  return Math.round(100 + random() * windowMs);
}
