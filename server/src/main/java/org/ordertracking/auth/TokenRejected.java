package org.ordertracking.auth;

/** Why a tracking token was refused; the message goes to the client as is. */
public final class TokenRejected extends Exception {
  public TokenRejected(String reason) {
    super(reason, null, false, false);
  }
}
