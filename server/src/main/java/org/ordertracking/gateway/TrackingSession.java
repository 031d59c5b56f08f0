package org.ordertracking.gateway;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.http.WebSocketFrameType;
import java.util.ArrayDeque;
import java.util.ArrayList;
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
 *
 * <p>Timers: a session has one deadline at a time in its loop's {@link TimingWheel} (it is the
 * wheel's entry itself): the earliest of its next keep-alive ping, its token's expiry and, while
 * syncing, its sync timeout. No Vert.x timer per socket, and no sweep over every socket: each
 * socket's ping falls in its own slot, a random phase within the interval.
 *
 * <p>Memory: an idle LIVE session holds only its fields; the queues exist only while in use.
 */
final class TrackingSession extends TimingWheel.Entry implements FrameListener, Handler<WebSocketFrame> {
  private static final int MAX_HELD_WHILE_SYNCING = 256;
  /**
   * A session that cannot subscribe and read its snapshot in this time gives up. A Redis that is
   * down or hung fails the session sooner (command deadlines, readiness); this only bounds a busy
   * one, and is long enough for a connect storm on a starved machine to be served late, not
   * closed (docs/BENCHMARKS.md).
   */
  static final long SYNC_TIMEOUT_MS = 20_000;
  private static final int MAX_QUEUED = 64;
  /** The most a client message may hold, all its fragments together (over it: 1009). */
  static final int MAX_CLIENT_MESSAGE = 1024;
  private static final Handler<Throwable> IGNORE_ERRORS = err -> {};
  /**
   * Never sent (the WebSocket RFC reserves it): what a socket that ended without a close frame, a
   * dropped connection, is reported as.
   */
  private static final int DROPPED = 1006;

  private static final byte SYNCING = 0;
  private static final byte LIVE = 1;
  private static final byte CLOSED = 2;

  private final ServerWebSocket ws;
  private final OrderId orderId;
  private final SessionHost host;
  /** Created on the first frame that has to wait (rare); dropped when no longer needed. */
  private ArrayList<Frame> heldWhileSyncing;
  private ArrayDeque<Frame> queue;
  /** The fragments of a client message being received; null between messages (nearly always). */
  private Buffer partial;
  private Subscription subscription;
  private byte state = SYNCING;
  /** The code this side closed the socket with; 0 while it has not (then the peer's, or 1006). */
  private short closeCode;
  private long framesWritten;
  private int partialLength;
  private int clientFramesInWindow;
  private long lastSeq;
  private long lastHeardMillis;
  private long windowStartMillis;
  /** All on the host's monotonic clock ({@link SessionHost#now}). */
  private final long expiresAtMillis;
  private long syncDeadlineMillis;
  private long nextPingMillis;

  /** What a session needs from its surroundings (the gateway of its event loop). */
  interface SessionHost {
    Subscription subscribe(OrderId orderId, FrameListener listener);

    io.vertx.core.Future<Snapshot> snapshot(OrderId orderId);

    /** Milliseconds on a monotonic clock. */
    long now();

    /** Keep-alive interval; a socket silent for two of them is closed. */
    long pingIntervalMs();

    /** A random phase in {@code [0, bound)}: spreads first pings over the interval. */
    long randomPhase(long bound);

    /** Puts the session's one deadline at {@code atMillis} (moving it if it had one). */
    void schedule(TrackingSession session, long atMillis);

    void unschedule(TrackingSession session);

    void onConflated();

    void onDelivered(Frame frame);

    int maxClientFramesPerSecond();

    /** The socket closed with {@code code} (see {@link TrackingSession#onClosed}). */
    void closed(TrackingSession session, int code);
  }

  /**
   * @param expiresInMillis how long the token is still valid
   */
  TrackingSession(ServerWebSocket ws, OrderId orderId, long expiresInMillis, SessionHost host) {
    this.ws = ws;
    this.orderId = orderId;
    this.host = host;
    long now = host.now();
    this.lastHeardMillis = now;
    this.expiresAtMillis = now + Math.max(1, expiresInMillis);
    long interval = host.pingIntervalMs();
    // The first ping after between half an interval and a whole one: sockets that all connected in
    // the same second (a deploy, a network blip) still get their pings spread over half the interval.
    this.nextPingMillis = now + interval - host.randomPhase(Math.max(1, interval / 2));
  }

  OrderId orderId() {
    return orderId;
  }

  /** Live frames written to this socket so far (for the operator page's busiest orders). */
  long framesWritten() {
    return framesWritten;
  }

  /** Subscribes, then reads and sends the snapshot. */
  void start() {
    ws.frameHandler(this);
    ws.drainHandler(v -> flushQueue());
    ws.closeHandler(v -> onClosed());
    ws.exceptionHandler(IGNORE_ERRORS);
    syncDeadlineMillis = host.now() + SYNC_TIMEOUT_MS;
    reschedule();
    subscription = host.subscribe(orderId, this);
    subscription
        .ready()
        .onSuccess(v -> sync())
        .onFailure(err -> close(CloseCodes.INTERNAL_ERROR, "subscription failed"));
  }

  private void sync() {
    if (state == CLOSED) {
      return;
    }
    host.snapshot(orderId)
        .onSuccess(this::applySnapshot)
        .onFailure(err -> close(CloseCodes.INTERNAL_ERROR, "snapshot failed"));
  }

  private void applySnapshot(Snapshot snapshot) {
    if (state == CLOSED) {
      return;
    }
    queue = null; // the snapshot supersedes anything still waiting
    lastSeq = snapshot.seq();
    ws.writeTextMessage(Frames.snapshot(snapshot));
    if (snapshot.isTerminal()) {
      close(CloseCodes.ORDER_FINISHED, "order finished");
      return;
    }
    state = LIVE;
    syncDeadlineMillis = 0;
    reschedule();
    ArrayList<Frame> held = heldWhileSyncing;
    heldWhileSyncing = null;
    if (held != null) {
      for (int i = 0; i < held.size() && state == LIVE; i++) {
        deliver(held.get(i));
      }
    }
  }

  /** The engine may have missed frames: start over from a fresh snapshot. */
  @Override
  public void onResync(OrderId order) {
    if (state == LIVE) {
      state = SYNCING;
      syncDeadlineMillis = host.now() + SYNC_TIMEOUT_MS;
      reschedule();
      sync();
    }
  }

  @Override
  public void onFrame(Frame frame) {
    if (state == LIVE) {
      deliver(frame);
    } else if (state == SYNCING) {
      if (heldWhileSyncing == null) {
        heldWhileSyncing = new ArrayList<>(4);
      }
      if (heldWhileSyncing.size() < MAX_HELD_WHILE_SYNCING) {
        heldWhileSyncing.add(frame);
      } else {
        close(CloseCodes.SLOW_CONSUMER, "too many events while syncing");
      }
    }
  }

  private void deliver(Frame frame) {
    if (frame.seq() <= lastSeq) {
      return; // already covered by the snapshot or a previous frame
    }
    lastSeq = frame.seq();
    ArrayDeque<Frame> q = queue;
    if ((q == null || q.isEmpty()) && !ws.writeQueueFull()) {
      write(frame);
      return;
    }
    if (q == null) {
      q = queue = new ArrayDeque<>(8);
    }
    Frame last = q.peekLast();
    if (last != null && last.conflatable() && frame.conflatable()) {
      q.pollLast();
      host.onConflated();
    } else if (q.size() >= MAX_QUEUED) {
      close(CloseCodes.SLOW_CONSUMER, "client too slow");
      return;
    }
    q.addLast(frame);
  }

  private void flushQueue() {
    ArrayDeque<Frame> q = queue;
    while (state == LIVE && q != null && !q.isEmpty() && !ws.writeQueueFull()) {
      write(q.pollFirst());
    }
    if (q != null && q.isEmpty() && queue == q) {
      queue = null; // caught up: give the queue back
    }
  }

  private void write(Frame frame) {
    SharedWrites.writeText(ws, frame.bytes());
    framesWritten++;
    host.onDelivered(frame);
    if (frame.terminal()) {
      close(CloseCodes.ORDER_FINISHED, "order finished");
    }
  }

  /**
   * Every frame the client sends. Limits and the ping check apply to whole messages, however
   * they are fragmented: the length is summed over the fragments, a message over 1 KiB is closed
   * 1009 as soon as that is known, and only the (at most 1 KiB of) fragments of a message that
   * could still be a ping are kept until its final fragment.
   */
  @Override
  public void handle(WebSocketFrame frame) {
    long now = host.now();
    lastHeardMillis = now; // any frame, pongs included, shows the client is there
    WebSocketFrameType type = frame.type();
    boolean first = type == WebSocketFrameType.TEXT || type == WebSocketFrameType.BINARY;
    if (!first && type != WebSocketFrameType.CONTINUATION) {
      return; // control frames: the codec answers pings, pongs only count as "heard"
    }
    if (!countFrame(now)) {
      return;
    }
    if (first) {
      partial = null;
      partialLength = 0;
    }
    onFragment(frame);
  }

  /**
   * Counts a data frame (a fragment counts like a whole message, so that empty fragments cannot
   * go on for ever) against the flood limit; false when the socket was closed for it.
   */
  private boolean countFrame(long now) {
    if (now - windowStartMillis >= 1000) {
      windowStartMillis = now;
      clientFramesInWindow = 0;
    }
    if (++clientFramesInWindow > host.maxClientFramesPerSecond()) {
      close(CloseCodes.POLICY_FLOOD, "too many messages");
      return false;
    }
    return true;
  }

  private void onFragment(WebSocketFrame frame) {
    if (state == CLOSED) {
      return;
    }
    Buffer data = frame.binaryData();
    partialLength += data.length();
    if (partialLength > MAX_CLIENT_MESSAGE) {
      partial = null;
      close(CloseCodes.MESSAGE_TOO_BIG, "message over 1 KiB");
      return;
    }
    if (frame.isFinal()) {
      Buffer message = partial == null ? data : partial.appendBuffer(data);
      partial = null;
      partialLength = 0;
      if (ClientMessages.isPing(message)) {
        ws.writeTextMessage(ClientMessages.PONG);
      }
    } else {
      if (partial == null) {
        partial = Buffer.buffer(MAX_CLIENT_MESSAGE);
      }
      partial.appendBuffer(data);
    }
  }

  /** The session's deadline came: expiry, sync timeout, or its keep-alive ping. */
  @Override
  void onDue(long now) {
    if (state == CLOSED) {
      return;
    }
    if (now >= expiresAtMillis) {
      close(CloseCodes.TOKEN_EXPIRED, "token expired");
      return;
    }
    if (state == SYNCING && syncDeadlineMillis > 0 && now >= syncDeadlineMillis) {
      close(CloseCodes.INTERNAL_ERROR, "tracking engine unavailable");
      return;
    }
    if (now >= nextPingMillis) {
      long interval = host.pingIntervalMs();
      if (now - lastHeardMillis > 2 * interval) {
        close(CloseCodes.PING_TIMEOUT, "ping timeout");
        return;
      }
      ws.writePing(Buffer.buffer());
      nextPingMillis = now + interval;
    }
    reschedule();
  }

  private void reschedule() {
    if (state == CLOSED) {
      return;
    }
    long at = Math.min(nextPingMillis, expiresAtMillis);
    if (state == SYNCING && syncDeadlineMillis > 0) {
      at = Math.min(at, syncDeadlineMillis);
    }
    host.schedule(this, at);
  }

  void close(short code, String reason) {
    if (state == CLOSED) {
      return;
    }
    state = CLOSED;
    closeCode = code;
    queue = null;
    heldWhileSyncing = null;
    partial = null;
    host.unschedule(this);
    ws.close(code, reason);
  }

  /**
   * Reports the code this side closed with, else the one the client sent, else 1006 (no close
   * frame: the connection dropped). A boxed code from Vert.x is only read, nothing is allocated.
   */
  private void onClosed() {
    state = CLOSED;
    host.unschedule(this);
    subscription.cancel();
    int code = closeCode;
    if (code == 0) {
      Short peer = ws.closeStatusCode();
      code = peer != null ? peer : DROPPED;
    }
    host.closed(this, code);
  }
}
