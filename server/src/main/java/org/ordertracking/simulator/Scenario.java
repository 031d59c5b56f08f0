package org.ordertracking.simulator;

/** How a simulated delivery goes. */
public enum Scenario {
  /** Assigned, picked up, nearby, delivered. */
  DELIVERED,
  /**
   * The first courier is taken off the order on the way to the store and a new one assigned (the
   * provider's own way: an unassignment, or a status naming another courier).
   */
  REASSIGNED,
  /** At the customer's door the courier cannot deliver: the provider reports a failed delivery. */
  FAILED
}
