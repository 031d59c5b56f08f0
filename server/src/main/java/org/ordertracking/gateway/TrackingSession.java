package org.ordertracking.gateway;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.ordertracking.engine.FrameListener;
import org.ordertracking.engine.Subscription;
import org.ordertracking.model.OrderId;
import org.ordertracking.model.Snapshot;
import org.ordertracking.protocol.ClientMessages;
import org.ordertracking.protocol.Frame;
import org.ordertracking.protocol.Frames;

/**
 * One customer's socket, watching one order: snapshot first, then the live stream, stitched by
 * seq. Confined to the event loop that accepted the socket.
 *
 * <p>States: SYNCING (subscribed, reading the snapshot; live frames are held back), LIVE, CLOSED.
 * A resync (engine reconnect) goes back to SYNCING and sends a fresh snapshot.
 *
 * <p>Backpressure: frames go straight to the socket while its write queue has room. Once it is
 * full they wait in a small queue where a location replaces a location right before it (latest
 * position wins; a status is never dropped or reordered). A queue that still overflows means the
 * client cannot keep up at all: it is closed (1013) and will get a fresh snapshot on reconnect.
 */
final class TrackingSession implements FrameListener {
  private static final int MAX_HELD_WHILE_SYNCING = 256;
  /** A session that cannot subscribe and read its snapshot in this time gives up (engine down). */
  static final long SYNC_TIMEOUT_MS = 10_000;
  private static final int MAX_QUEUED = 64;
  static final int MAX_CLIENT_MESSAGE = 1024;

  private enum State {
    SYNCING,
    LIVE,
    CLOSED
  }

  private final ServerWebSocket ws;
  private final OrderId orderId;
  private final SessionHost host;
  private final List<Frame> heldWhileSyncing = new ArrayList<>(0);
  private final ArrayDeque<Frame> queue = new ArrayDeque<>(0);
  private Subscription subscription;
  private State state = State.SYNCING;
  private long lastSeq;
  private long lastHeardMillis;
  private int clientFramesInWindow;
  private long windowStartMillis;
  private long expiryTimer = -1;

  /** What a session needs from its surroundings (the gateway verticle). */
  interface SessionHost {
    Subscription subscribe(OrderId orderId, FrameListener listener);

    io.vertx.core.Future<Snapshot> snapshot(OrderId orderId);

    long now();

    long setTimer(long delayMs, Runnable action);

    void cancelTimer(long id);

    void onConflated();

    void onDelivered(Frame frame);

    int maxClientFramesPerSecond();

    void closed(TrackingSession session);
  }

  TrackingSession(ServerWebSocket ws, OrderId orderId, long expiresAtMillis, SessionHost host) {
    this.ws = ws;
    this.orderId = orderId;
    this.host = host;
    this.lastHeardMillis = host.now();
    long untilExpiry = expiresAtMillis - host.now();
    this.expiryTimer =
        host.setTimer(Math.max(1, untilExpiry), () -> close(CloseCodes.TOKEN_EXPIRED, "token expired"));
  }

  OrderId orderId() {
    return orderId;
  }

  /** Subscribes, then reads and sends the snapshot. */
  void start() {
    ws.handler(this::onClientMessage);
    ws.pongHandler(b -> lastHeardMillis = host.now());
    ws.drainHandler(v -> flushQueue());
    ws.closeHandler(v -> onClosed());
    ws.exceptionHandler(err -> {});
    host.setTimer(SYNC_TIMEOUT_MS, () -> {
      if (state == State.SYNCING) {
        close(CloseCodes.INTERNAL_ERROR, "tracking engine unavailable");
      }
    });
    subscription = host.subscribe(orderId, this);
    subscription
        .ready()
        .onSuccess(v -> sync())
        .onFailure(err -> close(CloseCodes.INTERNAL_ERROR, "subscription failed"));
  }

  private void sync() {
    if (state == State.CLOSED) {
      return;
    }
    host.snapshot(orderId)
        .onSuccess(this::applySnapshot)
        .onFailure(err -> close(CloseCodes.INTERNAL_ERROR, "snapshot failed"));
  }

  private void applySnapshot(Snapshot snapshot) {
    if (state == State.CLOSED) {
      return;
    }
    queue.clear(); // the snapshot supersedes anything still waiting
    lastSeq = snapshot.seq();
    ws.writeTextMessage(Frames.snapshot(snapshot));
    if (snapshot.isTerminal()) {
      close(CloseCodes.ORDER_FINISHED, "order finished");
      return;
    }
    state = State.LIVE;
    for (int i = 0; i < heldWhileSyncing.size() && state == State.LIVE; i++) {
      deliver(heldWhileSyncing.get(i));
    }
    heldWhileSyncing.clear();
  }

  /** The engine may have missed frames: start over from a fresh snapshot. */
  @Override
  public void onResync(OrderId order) {
    if (state == State.LIVE) {
      state = State.SYNCING;
      sync();
    }
  }

  @Override
  public void onFrame(Frame frame) {
    switch (state) {
      case LIVE -> deliver(frame);
      case SYNCING -> {
        if (heldWhileSyncing.size() < MAX_HELD_WHILE_SYNCING) {
          heldWhileSyncing.add(frame);
        } else {
          close(CloseCodes.SLOW_CONSUMER, "too many events while syncing");
        }
      }
      case CLOSED -> {}
    }
  }

  private void deliver(Frame frame) {
    if (frame.seq() <= lastSeq) {
      return; // already covered by the snapshot or a previous frame
    }
    lastSeq = frame.seq();
    if (queue.isEmpty() && !ws.writeQueueFull()) {
      write(frame);
      return;
    }
    Frame last = queue.peekLast();
    if (last != null && last.conflatable() && frame.conflatable()) {
      queue.pollLast();
      host.onConflated();
    } else if (queue.size() >= MAX_QUEUED) {
      close(CloseCodes.SLOW_CONSUMER, "client too slow");
      return;
    }
    queue.addLast(frame);
  }

  private void flushQueue() {
    while (state == State.LIVE && !queue.isEmpty() && !ws.writeQueueFull()) {
      write(queue.pollFirst());
    }
  }

  private void write(Frame frame) {
    SharedWrites.writeText(ws, frame.bytes());
    host.onDelivered(frame);
    if (frame.terminal()) {
      close(CloseCodes.ORDER_FINISHED, "order finished");
    }
  }

  private void onClientMessage(Buffer message) {
    long now = host.now();
    lastHeardMillis = now;
    if (now - windowStartMillis >= 1000) {
      windowStartMillis = now;
      clientFramesInWindow = 0;
    }
    if (message.length() > MAX_CLIENT_MESSAGE) {
      close(CloseCodes.MESSAGE_TOO_BIG, "message over 1 KiB");
      return;
    }
    if (++clientFramesInWindow > host.maxClientFramesPerSecond()) {
      close(CloseCodes.POLICY_FLOOD, "too many messages");
      return;
    }
    if (ClientMessages.isPing(message)) {
      ws.writeTextMessage(ClientMessages.PONG);
    }
  }

  /** Sends a ping, or closes the socket when it has been silent for {@code silenceLimitMs}. */
  void keepAlive(long silenceLimitMs) {
    if (state == State.CLOSED) {
      return;
    }
    if (host.now() - lastHeardMillis > silenceLimitMs) {
      close(CloseCodes.PING_TIMEOUT, "ping timeout");
    } else {
      ws.writePing(Buffer.buffer());
    }
  }

  void close(short code, String reason) {
    if (state == State.CLOSED) {
      return;
    }
    state = State.CLOSED;
    queue.clear();
    heldWhileSyncing.clear();
    ws.close(code, reason);
  }

  private void onClosed() {
    state = State.CLOSED;
    if (expiryTimer >= 0) {
      host.cancelTimer(expiryTimer);
      expiryTimer = -1;
    }
    subscription.cancel();
    host.closed(this);
  }
}
