package org.ordertracking.adapters;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.time.Instant;

/**
 * The seam every webhook provider implements: how to authenticate its requests and how to turn
 * its native payload into canonical events. Both methods are pure (no I/O, no clock other than
 * the {@code receivedAt} they are given, no state), so a decoder is tested on recorded payload
 * fixtures alone; {@link WebhookHandler} is the one transport shared by all providers.
 *
 * <p>Adding a provider is one class implementing this, its mapping table, its fixtures and tests,
 * and one line in {@link AdaptersModule}.
 */
public interface CourierAdapter {

  /** The provider's name: the path segment of {@code /webhooks/<name>}, the secret's name in
   * {@code TRACKING_WEBHOOK_SECRETS} and the {@code provider} stamped on its events. */
  String name();

  /**
   * Whether the request really comes from the provider, judged on the headers and the raw body
   * bytes before anything is parsed. Implementations compare in constant time.
   */
  boolean authentic(MultiMap headers, Buffer rawBody, String secret);

  /**
   * The canonical events of one authenticated request.
   *
   * @param receivedAt the server's time of receipt, for events whose payload carries no time
   * @throws MalformedPayload naming the field that is missing or wrong; nothing is published then
   */
  Decoded decode(MultiMap headers, Buffer rawBody, Instant receivedAt) throws MalformedPayload;
}
