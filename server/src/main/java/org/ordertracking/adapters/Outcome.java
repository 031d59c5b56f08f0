package org.ordertracking.adapters;

/**
 * The reasons a delivery ended, as {@code StatusChange.reason} carries them to the page (the set
 * is documented in docs/protocol.md): the page can say what happened, not only that it is over.
 */
public final class Outcome {
  /** Handed to the customer. */
  public static final String DELIVERED = "delivered";
  /** Called off before delivery (by the merchant, the customer or the provider). */
  public static final String CANCELLED = "cancelled";
  /** The courier could not deliver and brought the order back to the store. */
  public static final String RETURNED = "returned";
  /** The courier could not deliver (customer unreachable, address not found, …). */
  public static final String UNDELIVERABLE = "undeliverable";

  private Outcome() {}
}
