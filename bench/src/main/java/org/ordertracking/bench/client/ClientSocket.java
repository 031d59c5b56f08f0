package org.ordertracking.bench.client;

import io.vertx.core.http.WebSocket;

/** The little a load client keeps per socket. Confined to the client's event loop. */
final class ClientSocket {
  /** Index of the order watched, into the publisher's order list. */
  final int order;
  /** Path and query of the upgrade request. */
  final String uri;
  WebSocket ws;
  long lastSeq;
  boolean open;
  boolean gotFirstFrame;
  boolean closingByUs;
  /** Whether connecting is settled only by the first frame (the server sends a snapshot). */
  boolean awaitFirstFrame;
  boolean settled;
  /** Whether a failed set-up connect is tried again, and how many attempts were made. */
  boolean retry;
  int attempts;
  /** Numbers the attempts, so that a late event of an earlier attempt is ignored. */
  int generation;

  ClientSocket(int order, String uri) {
    this.order = order;
    this.uri = uri;
  }

  /** Before a new connection over the same entry. */
  void reset() {
    ws = null;
    lastSeq = 0;
    open = false;
    gotFirstFrame = false;
    closingByUs = false;
    settled = false;
  }
}
