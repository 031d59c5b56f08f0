package org.ordertracking.engine;

import java.time.Instant;

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
 *     and a late "courier assigned" must not pull a picked-up order back. The rule governs
 *     progress, not who carries the order: a courier change (below) may step back.
 * @param courierKey null, or the publisher's id of the courier this status names (a dasher or rider
 *     id; for providers without one, the courier's JSON). The engine keeps it with the order, off
 *     the wire. A status naming a different courier than the stored key is a <em>reassignment</em>:
 *     applied even when it is behind (the timeline steps back to the new courier's stage).
 * @param clearCourier the status takes the courier off the order (an explicit unassignment): it is
 *     applied even when behind, and the order's courier becomes null (on the wire too) along with
 *     its stored key.
 * @param occurredAt null, or when the publisher says the status happened. The engine keeps the
 *     newest such time per order; a courier change (reassignment or unassignment) older than it is
 *     a late retry and is {@link org.ordertracking.model.PublishResult.Outcome#IGNORED}, so a
 *     retried "assigned to A" cannot undo a later "reassigned to B".
 */
public record PublishOptions(
    String idempotencyKey, boolean forwardOnly, String courierKey, boolean clearCourier, Instant occurredAt) {

  /** The engine's own rules only: what the ingest API uses. */
  public static final PublishOptions NONE = new PublishOptions(null, false, null, false, null);

  /** Longest courier key kept as given; longer ones (a courier's JSON) are kept by their hash. */
  static final int MAX_COURIER_KEY = 128;

  public PublishOptions {
    if (idempotencyKey != null && idempotencyKey.isEmpty()) {
      throw new IllegalArgumentException("idempotencyKey must be null or non-empty");
    }
    if (courierKey != null && courierKey.isEmpty()) {
      throw new IllegalArgumentException("courierKey must be null or non-empty");
    }
    if (courierKey != null && courierKey.length() > MAX_COURIER_KEY) {
      courierKey = "sha256:" + Sha256.hex(courierKey);
    }
    if (clearCourier && courierKey != null) {
      throw new IllegalArgumentException("a status cannot both name a courier and clear it");
    }
  }

  /** Only the two rules of {@link #providerEvent}, without courier facts. */
  public PublishOptions(String idempotencyKey, boolean forwardOnly) {
    this(idempotencyKey, forwardOnly, null, false, null);
  }

  /** A provider's event: de-duplicated by its id, statuses only forward. */
  public static PublishOptions providerEvent(String idempotencyKey) {
    return new PublishOptions(idempotencyKey, true);
  }

  /** The same options, for a status that names the courier {@code key} (null: none named). */
  public PublishOptions naming(String key) {
    return new PublishOptions(idempotencyKey, forwardOnly, key, false, occurredAt);
  }

  /** The same options, for a status that takes the courier off the order. */
  public PublishOptions clearingCourier() {
    return new PublishOptions(idempotencyKey, forwardOnly, null, true, occurredAt);
  }

  /** The same options, for a status the publisher says happened at {@code time} (null: unknown). */
  public PublishOptions at(Instant time) {
    return new PublishOptions(idempotencyKey, forwardOnly, courierKey, clearCourier, time);
  }
}
