package org.ordertracking.gateway;

/** Every WebSocket close code the gateway uses, with why. */
public final class CloseCodes {
  private CloseCodes() {}

  /** The order reached a terminal status: nothing more will come. */
  public static final short ORDER_FINISHED = 1000;
  /** The client sent too many frames. */
  public static final short POLICY_FLOOD = 1008;
  /** A client frame was over 1 KiB. */
  public static final short MESSAGE_TOO_BIG = 1009;
  /** The server could not set the session up (engine error). */
  public static final short INTERNAL_ERROR = 1011;
  /** The server is draining (deploy, SIGTERM): reconnect to another instance. */
  public static final short SERVICE_RESTART = 1012;
  /** The client read too slowly: its queue stayed full; reconnect for a fresh snapshot. */
  public static final short SLOW_CONSUMER = 1013;
  /** The token expired while connected. */
  public static final short TOKEN_EXPIRED = 4401;
  /** The client answered no ping for two intervals. */
  public static final short PING_TIMEOUT = 4408;
}
