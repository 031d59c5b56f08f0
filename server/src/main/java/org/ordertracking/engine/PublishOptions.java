package org.ordertracking.engine;

/**
 * The rules a publisher asks for on top of the engine's own, enforced inside the one atomic publish
 * (so they hold across nodes and concurrent requests, where a read-then-publish would race).
 *
 * @param idempotencyKey null, or the publisher's id of this event (a provider's event id,
 *     namespaced by provider): a key seen within the engine's memory of keys ({@code
 *     TRACKING_WEBHOOK_EVENT_TTL}) makes the publish a {@link
 *     org.ordertracking.model.PublishResult.Outcome#DUPLICATE} that changes nothing. A key is
 *     remembered once its publish was decided (applied, ignored or refused), never when it failed,
 *     so a retry after a failure is applied.
 * @param forwardOnly a status behind the order's current one (both under way) is {@link
 *     org.ordertracking.model.PublishResult.Outcome#IGNORED}: providers retry and reorder webhooks,
 *     and a late "courier assigned" must not pull a picked-up order back. A publisher that means to
 *     go back (an explicit unassignment) publishes without it.
 */
public record PublishOptions(String idempotencyKey, boolean forwardOnly) {
  /** The engine's own rules only: what the ingest API uses. */
  public static final PublishOptions NONE = new PublishOptions(null, false);

  public PublishOptions {
    if (idempotencyKey != null && idempotencyKey.isEmpty()) {
      throw new IllegalArgumentException("idempotencyKey must be null or non-empty");
    }
  }

  /** A provider's event: de-duplicated by its id, statuses only forward. */
  public static PublishOptions providerEvent(String idempotencyKey) {
    return new PublishOptions(idempotencyKey, true);
  }
}
