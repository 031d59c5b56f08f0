package org.ordertracking.ops.metrics;

/** Why an upgrade to {@code /ws/track} was refused, by the HTTP status it got. */
public enum Refusal {
  /** 401: missing, bad or expired token. */
  UNAUTHORIZED(401),
  /** 429: the node holds {@code TRACKING_MAX_CONNECTIONS} sockets. */
  FULL(429),
  /** 503: the node drains or its engine is not ready. */
  NOT_READY(503);

  private final int status;

  Refusal(int status) {
    this.status = status;
  }

  public int status() {
    return status;
  }
}
