package org.ordertracking.adapters;

import io.vertx.core.MultiMap;

/**
 * An optional ability of a {@link CourierAdapter}: the provider proves the webhook URL is ours
 * with an unsigned {@code GET} before it sends events (Onfleet's {@code ?check=} handshake).
 */
public interface UrlVerification {

  /**
   * The plain-text body to answer a verification request with, or null when the request is not a
   * well-formed one (it is then answered 400).
   */
  String verificationAnswer(MultiMap queryParams);
}
