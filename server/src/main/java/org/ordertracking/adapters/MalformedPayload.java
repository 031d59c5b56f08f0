package org.ordertracking.adapters;

/** A provider payload we cannot map; the message names the field and is sent back with the 400. */
public final class MalformedPayload extends Exception {
  public MalformedPayload(String reason) {
    super(reason, null, false, false);
  }
}
