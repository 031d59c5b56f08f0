package org.ordertracking.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.internal.buffer.BufferInternal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import org.ordertracking.engine.FrameListener;
import org.ordertracking.engine.Subscription;
import org.ordertracking.gateway.socket.SocketListener;
import org.ordertracking.gateway.socket.TrackingSocket;
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
final class TrackingSession extends TimingWheel.Entry implements FrameListener, SocketListener {
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

  private static final byte SYNCING = 0;
  private static final byte LIVE = 1;
  private static final byte CLOSED = 2;

  private final TrackingSocket socket;
  private final OrderId orderId;
  private final SessionHost host;
  /** Created on the first frame that has to wait (rare); dropped when no longer needed. */
  private ArrayList<Frame> heldWhileSyncing;
  private ArrayDeque<Frame> queue;
  /** The fragments of a client message being received; null between messages (nearly always). */
  private ByteBuf partial;
  private Subscription subscription;
  private byte state = SYNCING;
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
    /** The frame encoded for the wire, shared by this loop's sockets (the caller does not release it). */
    ByteBuf wire(Frame frame);

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
  TrackingSession(TrackingSocket socket, OrderId orderId, long expiresInMillis, SessionHost host) {
    this.socket = socket;
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
    if (state == CLOSED) {
      return; // the connection failed while the upgrade was answered
    }
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
    socket.writeText(Frames.snapshot(snapshot));
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
    if ((q == null || q.isEmpty()) && socket.writable()) {
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

  @Override
  public void onWritable() {
    ArrayDeque<Frame> q = queue;
    while (state == LIVE && q != null && !q.isEmpty() && socket.writable()) {
      write(q.pollFirst());
    }
    if (q != null && q.isEmpty() && queue == q) {
      queue = null; // caught up: give the queue back
    }
  }

  private void write(Frame frame) {
    socket.writeShared(host.wire(frame));
    framesWritten++;
    host.onDelivered(frame);
    if (frame.terminal()) {
      close(CloseCodes.ORDER_FINISHED, "order finished");
    }
  }

  /** A ping or pong from the client: it is there. */
  @Override
  public void onHeard() {
    lastHeardMillis = host.now();
  }

  /**
   * Every data frame the client sends. Limits and the ping check apply to whole messages, however
   * they are fragmented: the length is summed over the fragments, a message over 1 KiB is closed
   * 1009 as soon as that is known, and only the (at most 1 KiB of) fragments of a message that
   * could still be a ping are kept until its final fragment.
   */
  @Override
  public void onData(boolean first, ByteBuf data, boolean fin) {
    long now = host.now();
    lastHeardMillis = now;
    if (state == CLOSED || !countFrame(now)) {
      return;
    }
    if (first) {
      partial = null;
      partialLength = 0;
    }
    partialLength += data.readableBytes();
    if (partialLength > MAX_CLIENT_MESSAGE) {
      partial = null;
      close(CloseCodes.MESSAGE_TOO_BIG, "message over 1 KiB");
      return;
    }
    if (fin) {
      ByteBuf message = partial == null ? data : partial.writeBytes(data);
      partial = null;
      partialLength = 0;
      if (ClientMessages.isPing(BufferInternal.buffer(message))) {
        socket.writeText(ClientMessages.PONG);
      }
    } else {
      if (partial == null) {
        partial = Unpooled.buffer(MAX_CLIENT_MESSAGE, MAX_CLIENT_MESSAGE);
      }
      partial.writeBytes(data);
    }
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
      socket.ping();
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

  /** CLOSED: drops what is queued or held and leaves the timing wheel. */
  private void release() {
    state = CLOSED;
    queue = null;
    heldWhileSyncing = null;
    partial = null;
    host.unschedule(this);
  }

  void close(short code, String reason) {
    if (state == CLOSED) {
      return;
    }
    release();
    socket.close(code, reason);
  }

  /** The connection ended (see {@link SocketListener#onClosed} for {@code code}). */
  @Override
  public void onClosed(int code) {
    release();
    if (subscription != null) {
      subscription.cancel();
    }
    host.closed(this, code);
  }
}
