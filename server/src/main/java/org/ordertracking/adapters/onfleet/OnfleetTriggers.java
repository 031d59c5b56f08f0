package org.ordertracking.adapters.onfleet;

import java.util.Map;
import java.util.Optional;
import org.ordertracking.adapters.Outcome;
import org.ordertracking.model.OrderStatus;

/**
 * Onfleet webhook triggers → our status: the one place this mapping lives. Onfleet models a
 * delivery as a dropoff task, optionally preceded by a pickup task ({@code pickupTask: true}); a
 * trigger means something else for each. Triggers not listed ({@code taskUpdated}, {@code
 * taskDelayed}, {@code workerDuty}, …) are acknowledged and not published.
 */
public final class OnfleetTriggers {

  /** What a trigger says about the courier. */
  public enum Courier {
    NONE,
    /** A worker now carries the task. */
    ASSIGNED,
    /** The task lost its worker. */
    UNASSIGNED
  }

  /** One mapped status: ours and, for terminal ones, why the delivery ended. */
  public record Step(OrderStatus status, String reason) {}

  /**
   * @param dropoff the status for a dropoff task (null: nothing to publish)
   * @param pickup the status for a pickup task (null: nothing to publish)
   */
  public record Meaning(Step dropoff, Step pickup, Courier courier) {
    /** The step for a task of this kind. */
    public Optional<Step> step(boolean pickupTask) {
      return Optional.ofNullable(pickupTask ? pickup : dropoff);
    }
  }

  private static final Step PLACED = new Step(OrderStatus.PLACED, null);
  private static final Step ASSIGNED = new Step(OrderStatus.COURIER_ASSIGNED, null);
  private static final Step PICKED_UP = new Step(OrderStatus.PICKED_UP, null);

  /** By trigger name, the {@code triggerName} of the payload. */
  private static final Map<String, Meaning> BY_NAME =
      Map.of(
          "taskCreated", new Meaning(PLACED, PLACED, Courier.NONE),
          "taskAssigned", new Meaning(ASSIGNED, ASSIGNED, Courier.ASSIGNED),
          "taskUnassigned", new Meaning(PLACED, PLACED, Courier.UNASSIGNED),
          // Started: a dropoff task's worker is on the way to the customer; a pickup task's to the store.
          "taskStarted", new Meaning(PICKED_UP, ASSIGNED, Courier.NONE),
          // The ETA fell under the webhook's threshold: still on the way, with a fresh estimate.
          "taskEta", new Meaning(PICKED_UP, null, Courier.NONE),
          "taskArrival", new Meaning(new Step(OrderStatus.NEARBY, null), null, Courier.NONE),
          "taskCompleted",
              new Meaning(new Step(OrderStatus.DELIVERED, Outcome.DELIVERED), PICKED_UP, Courier.NONE),
          "taskFailed",
              new Meaning(
                  new Step(OrderStatus.CANCELLED, Outcome.UNDELIVERABLE),
                  new Step(OrderStatus.CANCELLED, Outcome.CANCELLED),
                  Courier.NONE),
          "taskDeleted",
              new Meaning(
                  new Step(OrderStatus.CANCELLED, Outcome.CANCELLED),
                  new Step(OrderStatus.CANCELLED, Outcome.CANCELLED),
                  Courier.NONE));

  /** Trigger ids as Onfleet numbers them, for payloads that carry only {@code triggerId}. */
  private static final Map<Integer, String> NAMES =
      Map.ofEntries(
          Map.entry(0, "taskStarted"),
          Map.entry(1, "taskEta"),
          Map.entry(2, "taskArrival"),
          Map.entry(3, "taskCompleted"),
          Map.entry(4, "taskFailed"),
          Map.entry(5, "workerDuty"),
          Map.entry(6, "taskCreated"),
          Map.entry(7, "taskUpdated"),
          Map.entry(8, "taskDeleted"),
          Map.entry(9, "taskAssigned"),
          Map.entry(10, "taskUnassigned"),
          Map.entry(12, "taskDelayed"),
          Map.entry(13, "taskCloned"));

  private OnfleetTriggers() {}

  public static Optional<Meaning> of(String triggerName) {
    return Optional.ofNullable(BY_NAME.get(triggerName));
  }

  /** The trigger's name for its id, or null for an id Onfleet does not document. */
  public static String name(int triggerId) {
    return NAMES.get(triggerId);
  }
}
