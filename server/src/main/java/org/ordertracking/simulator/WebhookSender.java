package org.ordertracking.simulator;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.ordertracking.adapters.Hmac;
import org.ordertracking.adapters.WebhookSecrets;
import org.ordertracking.adapters.deliveroo.DeliverooAdapter;
import org.ordertracking.adapters.onfleet.OnfleetAdapter;
import org.ordertracking.adapters.uber.UberAdapter;

/**
 * Posts a provider's webhook the way that provider does: Uber signs the body ({@code
 * x-uber-signature}), DoorDash sends the configured {@code Authorization} value, Deliveroo signs
 * guid + " " + body (and names Order API events in {@code x-deliveroo-payload-type}), Onfleet signs
 * the body with HMAC-SHA512 under its hex secret. With several secrets configured the first signs.
 * Public so tests can send hand-made or tampered payloads the same way.
 */
public final class WebhookSender {
  private final WebClient client;
  private final String targetUrl;
  private final Map<String, String> secrets;
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private final Map<String, AtomicLong> answers = new ConcurrentHashMap<>();

  public WebhookSender(WebClient client, String targetUrl, Map<String, String> secrets) {
    this.client = client;
    this.targetUrl = targetUrl;
    this.secrets = secrets;
  }

  /** Posts and completes with the HTTP status (any status; failures only for I/O errors). */
  public Future<Integer> send(String provider, JsonObject payload) {
    return send(provider, Buffer.buffer(payload.encode()), UUID.randomUUID().toString());
  }

  /** Posts raw bytes, signed; {@code guid} is Deliveroo's sequence guid (ignored by others). */
  public Future<Integer> send(String provider, Buffer body, String guid) {
    List<String> keys = WebhookSecrets.split(secrets.get(provider));
    String secret = keys.isEmpty() ? "" : keys.get(0);
    HttpRequest<Buffer> request =
        client.postAbs(targetUrl + "/webhooks/" + provider).putHeader("Content-Type", "application/json");
    switch (provider) {
      case UberAdapter.NAME -> request.putHeader(UberAdapter.SIGNATURE, Hmac.sha256Hex(secret, body.getBytes()));
      case DeliverooAdapter.NAME -> {
        request
            .putHeader(DeliverooAdapter.GUID, guid)
            .putHeader(DeliverooAdapter.SIGNATURE, DeliverooAdapter.sign(secret, guid, body));
        String event = orderApiEvent(body);
        if (event != null) {
          request.putHeader(DeliverooAdapter.PAYLOAD_TYPE, "event/" + event);
        }
      }
      case OnfleetAdapter.NAME -> request.putHeader(OnfleetAdapter.SIGNATURE, OnfleetAdapter.sign(secret, body));
      default -> request.putHeader("Authorization", secret);
    }
    return request
        .sendBuffer(body)
        .map(
            r -> {
              (r.statusCode() / 100 == 2 ? accepted : refused).incrementAndGet();
              if (r.statusCode() == 200) {
                answers.computeIfAbsent(answerStatus(r.bodyAsString()), k -> new AtomicLong()).incrementAndGet();
              }
              return r.statusCode();
            });
  }

  /** The {@code event} of a Deliveroo Order API envelope, or null for Signature callbacks. */
  private static String orderApiEvent(Buffer body) {
    try {
      Object event = new JsonObject(body).getValue("event");
      return event instanceof String s ? s : null;
    } catch (DecodeException | ClassCastException e) {
      return null;
    }
  }

  /** The {@code status} of a 200 answer ("accepted", "duplicate", "unlinked", …), or "". */
  private static String answerStatus(String body) {
    try {
      Object status = new JsonObject(body == null ? "{}" : body).getValue("status");
      return status instanceof String st ? st : "";
    } catch (DecodeException e) {
      return "";
    }
  }

  /** 200 answers whose {@code status} was {@code status}. */
  public long answered(String status) {
    AtomicLong n = answers.get(status);
    return n == null ? 0 : n.get();
  }

  public long accepted() {
    return accepted.get();
  }

  public long refused() {
    return refused.get();
  }
}
