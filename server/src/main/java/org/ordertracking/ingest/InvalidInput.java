package org.ordertracking.ingest;

/** Input that breaks a rule; the message names the field and the rule, and goes to the client. */
public final class InvalidInput extends Exception {
  public InvalidInput(String message) {
    super(message, null, false, false);
  }
}
