package org.ordertracking.ingest;

import org.ordertracking.config.Env;

/**
 * How much ingest work a node takes on at once.
 *
 * @param maxInFlight events handed to the engine and not yet answered, over all ingest requests of
 *     the node; a request that would go over it is answered 503 with {@code Retry-After} before
 *     anything of it is published. At least one full batch ({@value IngestModule#MAX_BATCH}).
 */
public record IngestLimits(int maxInFlight) {
  public static final int DEFAULT_MAX_IN_FLIGHT = 2_000;

  /** Reads {@code TRACKING_INGEST_MAX_IN_FLIGHT}, documented in the README. */
  public static IngestLimits fromEnv(Env env) {
    return new IngestLimits(env.intValue(
        "TRACKING_INGEST_MAX_IN_FLIGHT", DEFAULT_MAX_IN_FLIGHT, IngestModule.MAX_BATCH, 1_000_000));
  }
}
