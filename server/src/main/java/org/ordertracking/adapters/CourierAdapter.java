package org.ordertracking.adapters;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.time.Instant;
import java.util.List;

/**
 * The seam every webhook provider implements: how to authenticate its requests and how to turn
 * its native payload into canonical events. Both are pure (no I/O, no clock other than the {@code
 * receivedAt} they are given, no state), so a decoder is tested on recorded payload fixtures
 * alone; {@link WebhookHandler} is the one transport shared by all providers.
 *
 * <p>A provider may have several secrets at once (Uber signs with a key per integration; any
 * provider rotates): a request is authentic when any one of them verifies it.
 *
 * <p>Adding a provider is one package implementing this, its mapping table, its fixtures and
 * tests, and one line in {@link Providers}. A provider that checks the webhook URL before it sends
 * anything also implements {@link UrlVerification}.
 */
public interface CourierAdapter {

  /** The provider's name: the path segment of {@code /webhooks/<name>}, the secrets' name in
   * {@code TRACKING_WEBHOOK_SECRETS} and the {@code provider} stamped on its events. */
  String name();

  /**
   * Whether the request was signed with this one secret, judged on the headers and the raw body
   * bytes before anything is parsed. Implementations compare in constant time.
   */
  boolean verifies(MultiMap headers, Buffer rawBody, String secret);

  /** Whether any of the provider's current secrets verifies the request (key rotation). */
  default boolean authentic(MultiMap headers, Buffer rawBody, List<String> secrets) {
    boolean ok = false;
    for (String secret : secrets) {
      ok |= verifies(headers, rawBody, secret); // no early exit: every key costs the same
    }
    return ok;
  }

  /**
   * The same for a configured value as {@code TRACKING_WEBHOOK_SECRETS} holds it: one secret, or
   * several separated by {@code |} ({@link WebhookSecrets}).
   */
  default boolean authentic(MultiMap headers, Buffer rawBody, String configured) {
    return authentic(headers, rawBody, WebhookSecrets.split(configured));
  }

  /**
   * What is wrong with a configured secret for this provider (e.g. it must be hex), checked at
   * start-up; null when it is usable. The message must never contain the secret.
   */
  default String secretProblem(String secret) {
    return null;
  }

  /**
   * The canonical events of one authenticated request.
   *
   * @param receivedAt the server's time of receipt, for events whose payload carries no time
   * @throws MalformedPayload naming the field that is missing or wrong; nothing is published then
   */
  Decoded decode(MultiMap headers, Buffer rawBody, Instant receivedAt) throws MalformedPayload;
}
