package org.ordertracking.ops.metrics;

import org.ordertracking.model.PublishResult;

/** What became of one event handed in for publishing (a label of {@code tracking_ingest_events_total}). */
public enum IngestResult {
  /** Published: it got a seq and went out to watchers. */
  APPLIED,
  /** Acknowledged but not published: an older location, a repeated terminal status, a status behind. */
  STALE,
  /** Refused: the order is already finished. */
  TERMINAL,
  /** Its provider event id was seen before: nothing done. */
  DUPLICATE,
  /** Invalid: refused before it reached the engine. */
  REJECTED,
  /** The engine was unavailable. */
  FAILED;

  public static IngestResult of(PublishResult.Outcome outcome) {
    return switch (outcome) {
      case APPLIED -> APPLIED;
      case IGNORED -> STALE;
      case REFUSED_TERMINAL -> TERMINAL;
      case DUPLICATE -> DUPLICATE;
    };
  }

  /** The label value. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
