package org.ordertracking.adapters.onfleet;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.ordertracking.adapters.CourierAdapter;
import org.ordertracking.adapters.Decoded;
import org.ordertracking.adapters.Hmac;
import org.ordertracking.adapters.MalformedPayload;
import org.ordertracking.adapters.Payloads;
import org.ordertracking.adapters.Report;
import org.ordertracking.adapters.UrlVerification;
import org.ordertracking.adapters.onfleet.OnfleetTriggers.Meaning;
import org.ordertracking.adapters.onfleet.OnfleetTriggers.Step;
import org.ordertracking.model.OrderId;

/**
 * Onfleet task webhooks. One webhook per trigger, each a signed POST of {@code {"time",
 * "triggerId", "triggerName", "taskId", "workerId"?, "data": {"task": {...}}}} with trigger extras
 * ({@code etaSeconds} for taskEta, {@code distance} for taskArrival). {@code X-Onfleet-Signature} =
 * hex HMAC-SHA512 of the raw body keyed by the hex-decoded webhook secret. Before it sends
 * anything Onfleet checks the URL with {@code GET ?check=<value>}, answered with the value.
 *
 * <p>Onfleet tasks have no merchant reference field: our order id is read from the task's
 * metadata entry named {@value #ORDER_ID_METADATA} (set it when creating the task), and the task id
 * is the delivery id a delivery link resolves otherwise. Task webhooks carry no worker position or
 * name: Onfleet orders show statuses and the ETA.
 */
public final class OnfleetAdapter implements CourierAdapter, UrlVerification {
  public static final String NAME = "onfleet";
  public static final String SIGNATURE = "X-Onfleet-Signature";
  /** The task metadata entry holding our order id. */
  public static final String ORDER_ID_METADATA = "orderId";
  private static final int MAX_CHECK = 512;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean verifies(MultiMap headers, Buffer rawBody, String secret) {
    String given = headers.get(SIGNATURE);
    if (given == null || secretProblem(secret) != null) {
      return false;
    }
    return Hmac.matches(Hmac.sha512Hex(HexFormat.of().parseHex(secret), rawBody.getBytes()), given);
  }

  /** The signature Onfleet sends for a body (the simulator signs with it). */
  public static String sign(String secret, Buffer rawBody) {
    return Hmac.sha512Hex(HexFormat.of().parseHex(secret), rawBody.getBytes());
  }

  @Override
  public String secretProblem(String secret) {
    boolean hex = secret.length() % 2 == 0 && secret.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    return hex ? null : "the onfleet webhook secret must be the hexadecimal value the dashboard shows";
  }

  @Override
  public String verificationAnswer(MultiMap queryParams) {
    String check = queryParams.get("check");
    return check == null || check.isEmpty() || check.length() > MAX_CHECK ? null : check;
  }

  @Override
  public Decoded decode(MultiMap headers, Buffer rawBody, Instant receivedAt)
      throws MalformedPayload {
    JsonNode root = Payloads.object(rawBody);
    String trigger = Payloads.optText(root, "triggerName");
    if (trigger == null) {
      trigger = OnfleetTriggers.name((int) Payloads.number(root, "triggerId", 0, 1000));
    }
    Instant at = Payloads.epochMillis(root, "time", receivedAt);
    String taskId = Payloads.present(root, "taskId")
        ? Payloads.text(root, "taskId")
        : Payloads.optId(root, "data.task.id");
    // Onfleet sends no event id; a trigger fires once per task and time. A retry repeats both.
    String eventId = trigger + "/" + taskId + "/" + at.toEpochMilli();
    Optional<Meaning> meaning = trigger == null ? Optional.empty() : OnfleetTriggers.of(trigger);
    if (meaning.isEmpty() || taskId == null) {
      return Decoded.ignored(eventId);
    }
    boolean pickupTask = Payloads.flag(root, "data.task.pickupTask");
    Optional<Step> step = meaning.get().step(pickupTask);
    if (step.isEmpty()) {
      return Decoded.ignored(eventId);
    }
    Instant eta =
        "taskEta".equals(trigger)
            ? at.plusSeconds((long) Payloads.number(root, "etaSeconds", 0, 7 * 24 * 3600))
            : null;
    Decoded.Builder decoded =
        Decoded.builder(eventId).order(orderId(root)).delivery(taskId).occurredAt(at);
    switch (meaning.get().courier()) {
      case ASSIGNED -> decoded.assigned(worker(root));
      case UNASSIGNED -> decoded.unassigned();
      default -> { }
    }
    Report report = Report.status(step.get().status(), eta, step.get().reason());
    return decoded.events(order -> report.events(order, NAME)).build();
  }

  /** Our order id from the task's metadata entry {@value #ORDER_ID_METADATA}, if any. */
  private static OrderId orderId(JsonNode root) throws MalformedPayload {
    JsonNode metadata = Payloads.at(root, "data.task.metadata");
    for (int i = 0; metadata.isArray() && i < metadata.size(); i++) {
      String entry = "data.task.metadata." + i;
      if (ORDER_ID_METADATA.equals(Payloads.optText(root, entry + ".name"))
          && Payloads.at(root, entry + ".value").isTextual()) {
        return Payloads.optOrderId(root, entry + ".value");
      }
    }
    return null;
  }

  /** The worker now carrying the task: the envelope's {@code workerId} or the task's {@code worker}. */
  private static String worker(JsonNode root) throws MalformedPayload {
    String id = Payloads.optId(root, "workerId");
    return id != null ? id : Payloads.optId(root, "data.task.worker");
  }
}
