package org.ordertracking.adapters.deliveroo;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;
import org.ordertracking.adapters.MalformedPayload;
import org.ordertracking.adapters.Payloads;
import org.ordertracking.adapters.deliveroo.DeliverooStatuses.Mapped;
import org.ordertracking.model.Courier;
import org.ordertracking.model.Location;

/**
 * Reads Deliveroo's {@code riders} arrays (Order API rider events, the Signature rider-status
 * callback) the way Deliveroo says to: the status log is the source of truth for order, because
 * callbacks come late, out of order and twice. Each rider's state is the newest entry of their own
 * log; an order may have several riders (a delivery too big for one, a rider replaced).
 */
final class DeliverooRiders {

  /** What the riders say about the order. */
  enum Kind {
    /** No rider, or only statuses we do not map. */
    NONE,
    /** A rider is carrying the order: {@link Resolution#mapped()} by rider {@link Resolution#rider()}. */
    ACTIVE,
    /** Every rider was taken off the order. */
    UNASSIGNED
  }

  /**
   * @param rider index of the rider the customer should see (ACTIVE only)
   * @param occurredAt the newest time in any log (null when the logs carry none)
   */
  record Resolution(Kind kind, Mapped mapped, int rider, Instant occurredAt) {}

  private DeliverooRiders() {}

  /**
   * The order's rider state. Among riders still on the order the one furthest along is shown
   * (ties: the most recent); when every rider's newest entry is {@code rider_unassigned}, the order
   * has lost its courier.
   */
  static Resolution resolve(JsonNode root, String ridersPath, Instant now) throws MalformedPayload {
    JsonNode riders = Payloads.array(root, ridersPath);
    Instant newestOverall = null;
    Mapped best = null;
    int bestRider = -1;
    Instant bestAt = null;
    boolean anyUnassigned = false;
    for (int r = 0; r < riders.size(); r++) {
      String rider = ridersPath + "." + r;
      String state = null;
      Instant stateAt = null;
      JsonNode log = Payloads.at(root, rider + ".status_log");
      if (log.isArray() && !log.isEmpty()) {
        for (int i = 0; i < log.size(); i++) {
          String entry = rider + ".status_log." + i;
          Instant at = entryTime(root, entry, now);
          String status = Payloads.text(root, entry + ".status");
          if (stateAt == null || (at != null && !at.isBefore(stateAt))) {
            state = status;
            stateAt = at;
          }
        }
      } else {
        // The location v2 shape names the current status beside the log.
        state = Payloads.optText(root, rider + ".status");
        if (state == null) {
          throw new MalformedPayload(rider + ".status_log must be a non-empty array");
        }
      }
      if (stateAt != null && (newestOverall == null || stateAt.isAfter(newestOverall))) {
        newestOverall = stateAt;
      }
      if (DeliverooStatuses.unassigned(state)) {
        anyUnassigned = true;
        continue;
      }
      Optional<Mapped> mapped = DeliverooStatuses.rider(state);
      if (mapped.isEmpty()) {
        continue;
      }
      boolean further = best == null || mapped.get().status().ordinal() > best.status().ordinal();
      boolean sameButNewer =
          best != null
              && mapped.get().status() == best.status()
              && stateAt != null
              && (bestAt == null || !stateAt.isBefore(bestAt));
      if (further || sameButNewer) {
        best = mapped.get();
        bestRider = r;
        bestAt = stateAt;
      }
    }
    if (best != null) {
      return new Resolution(Kind.ACTIVE, best, bestRider, newestOverall);
    }
    return new Resolution(anyUnassigned ? Kind.UNASSIGNED : Kind.NONE, null, -1, newestOverall);
  }

  /** A log entry's time: {@code at} (Order API), or {@code timestamp} (location v2). */
  private static Instant entryTime(JsonNode root, String entry, Instant now) throws MalformedPayload {
    if (Payloads.present(root, entry + ".at")) {
      return Payloads.time(root, entry + ".at", now);
    }
    return Payloads.optTime(root, entry + ".timestamp", now);
  }

  /** The rider as shown to the customer ({@code full_name}, or {@code name} in the v2 shape). */
  static Courier courier(JsonNode root, String rider) throws MalformedPayload {
    String name = Payloads.optText(root, rider + ".full_name");
    return Courier.orNull(
        name != null ? name : Payloads.optText(root, rider + ".name"), null, null, null, null, null);
  }

  /**
   * A rider's position: {@code lat}, {@code lon}, optional {@code accuracy_in_meters} and {@code
   * at}. Empty when there is none; also when it is 0,0, which Deliveroo sends once it stops sharing
   * the rider's position with the merchant.
   */
  static Optional<Location> position(JsonNode root, String prefix, Instant fallback, Instant now)
      throws MalformedPayload {
    if (!Payloads.present(root, prefix + "lat") && !Payloads.present(root, prefix + "lon")) {
      return Optional.empty();
    }
    double lat = Payloads.number(root, prefix + "lat", -90, 90);
    double lon = Payloads.number(root, prefix + "lon", -180, 180);
    if (lat == 0 && lon == 0) {
      return Optional.empty();
    }
    Instant at = Payloads.optTime(root, prefix + "at", now);
    return Optional.of(
        new Location(
            lat,
            lon,
            null,
            null,
            Payloads.optNumber(root, prefix + "accuracy_in_meters", 0, 1_000_000),
            at != null ? at : fallback));
  }
}
