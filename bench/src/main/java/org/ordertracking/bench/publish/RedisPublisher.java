package org.ordertracking.bench.publish;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import java.nio.charset.StandardCharsets;

/**
 * Publishes straight onto the orders' Redis events channels ({@code order:{<id>}:events}), as any
 * publisher may: pipelined PUBLISH commands written as raw RESP on one connection. The frames are
 * valid location frames numbered by this publisher (seq 1, 2, ... per order), so the Java server
 * forwards them like its own, and the baseline forwards anything.
 */
public final class RedisPublisher extends PacedPublisher {
  /** A location frame as the server builds it; only orderId, seq and ref vary. */
  static final String FRAME_HEAD = "{\"type\":\"location\",\"orderId\":\"";
  static final String FRAME_SEQ = "\",\"seq\":";
  static final String FRAME_BODY = ",\"location\":{\"lat\":52.52,\"lng\":13.405,\"heading\":90.0,\"speed\":4.2,"
      + "\"accuracy\":8.0,\"recordedAt\":\"2026-01-01T12:00:00.000Z\"},\"provider\":\"bench\",\"ref\":\"";
  static final String FRAME_END = "\"}";

  /** Held: Vert.x 5 closes a client, and its connections, once the client is unreachable. */
  private final NetClient client;
  private final NetSocket socket;
  private final RespReplies replies = new RespReplies();
  private long commandsSent;

  private RedisPublisher(Vertx vertx, EventPlan plan, NetClient client, NetSocket socket) {
    super(vertx, plan, 1);
    this.client = client;
    this.socket = socket;
    socket.handler(replies::feed);
  }

  public static Future<Publisher> connect(Vertx vertx, int redisPort, EventPlan plan) {
    NetClient client = vertx.createNetClient(new NetClientOptions().setTcpNoDelay(true));
    return client.connect(redisPort, "127.0.0.1").map(socket -> new RedisPublisher(vertx, plan, client, socket));
  }

  @Override
  protected void onStart() {
    replies.reset();
    commandsSent = 0;
  }

  @Override
  protected void onStopped() {
    acknowledged = replies.replies - replies.errors;
    failed = replies.errors;
    receivers = replies.receivers;
  }

  @Override
  protected void emit(int count, long refMicros) {
    StringBuilder sb = new StringBuilder(count * 260);
    for (int i = 0; i < count; i++) {
      int order = plan.nextOrder();
      appendPublish(sb, plan.orderId(order), plan.nextSeq(order), refMicros);
    }
    commandsSent += count;
    socket.write(Buffer.buffer(sb.toString().getBytes(StandardCharsets.US_ASCII)));
  }

  /** Appends one {@code PUBLISH order:{id}:events <frame>} command in RESP. */
  static void appendPublish(StringBuilder sb, String orderId, long seq, long refMicros) {
    String channel = "order:{" + orderId + "}:events";
    String frame = frame(orderId, seq, refMicros);
    sb.append("*3\r\n$7\r\nPUBLISH\r\n$").append(channel.length()).append("\r\n").append(channel)
        .append("\r\n$").append(frame.length()).append("\r\n").append(frame).append("\r\n");
  }

  static String frame(String orderId, long seq, long refMicros) {
    return FRAME_HEAD + orderId + FRAME_SEQ + seq + FRAME_BODY + refMicros + FRAME_END;
  }

  @Override
  protected long outstanding() {
    return commandsSent - replies.replies;
  }

  @Override
  public Future<Void> close() {
    return socket.close().eventually(() -> client.close());
  }
}
