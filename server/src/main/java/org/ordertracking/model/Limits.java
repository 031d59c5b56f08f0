package org.ordertracking.model;

/**
 * The size limits of every text the server takes from outside, in one place: the ingest API's
 * parser, the provider decoders and the delivery-link API all check against these, so a value one
 * path accepts is never refused (or passed on unbounded) by another. Lengths are in UTF-16 chars.
 */
public final class Limits {
  /** Longest human-readable text: a courier's name, vehicle, make, model, colour; a reason. */
  public static final int TEXT = 256;
  /**
   * Longest identifier from outside: a provider's event, delivery or courier id, a merchant
   * reference, the ingest API's {@code ref}.
   */
  public static final int ID = 512;
  /** Longest URL (a courier's photo). */
  public static final int URL = 2048;

  private Limits() {}
}
