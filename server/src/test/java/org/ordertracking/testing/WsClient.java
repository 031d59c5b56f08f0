package org.ordertracking.testing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real WebSocket client (the JDK's) that records every text frame and the close code it got.
 *
 * <p>Not Vert.x's client: its {@code ClientWebSocket} copies the handlers onto the socket only once
 * its connect future has been dispatched, and when the server's 101, snapshot and close frame all
 * arrive in one read (a finished order, on a fast server) the socket can be closed by then: the
 * connect fails with "WebSocket is closed" and the snapshot is lost. The JDK's listener is in place
 * before the handshake.
 */
public final class WsClient implements AutoCloseable {
  /** One for every test client: each HttpClient has a selector thread of its own. */
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  public final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
  private final CompletableFuture<Short> closeCode = new CompletableFuture<>();
  private java.net.http.WebSocket ws;

  private WsClient() {}

  public static WsClient connect(Vertx vertx, int port, String token) {
    WsClient client = new WsClient();
    String uri = "ws://127.0.0.1:" + port + "/ws/track"
        + (token == null ? "" : "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    try {
      client.ws = HTTP.newWebSocketBuilder()
          .buildAsync(URI.create(uri), client.new Listener())
          .get(Await.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new AssertionError("WebSocket connect failed: " + e, e);
    }
    return client;
  }

  /** Text messages (whole, however fragmented), and the close code (-1 when the connection dropped). */
  private final class Listener implements java.net.http.WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();

    @Override
    public CompletionStage<?> onText(java.net.http.WebSocket socket, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        frames.add(new JsonObject(text.toString()));
        text.setLength(0);
      }
      socket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(java.net.http.WebSocket socket, int statusCode, String reason) {
      closeCode.complete((short) statusCode);
      return null; // the JDK answers with a close frame of its own
    }

    @Override
    public void onError(java.net.http.WebSocket socket, Throwable error) {
      closeCode.complete((short) -1);
    }
  }

  /** The HTTP status a refused upgrade got. */
  public static int refusal(Vertx vertx, int port, String token) {
    WebSocketClient client = vertx.createWebSocketClient();
    try {
      Future<WebSocket> f = client.connect(options(port, token));
      try {
        f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException e) {
        if (e.getCause() instanceof UpgradeRejectedException u) {
          return u.getStatus();
        }
        throw new AssertionError("connect failed without an HTTP status: " + e.getCause(), e);
      } catch (Exception e) {
        throw new AssertionError(e);
      }
      throw new AssertionError("the upgrade was accepted");
    } finally {
      client.close();
    }
  }

  private static WebSocketConnectOptions options(int port, String token) {
    String uri = "/ws/track" + (token == null ? "" : "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    return new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI(uri);
  }

  public JsonObject next() {
    return Await.next(frames);
  }

  /** Sends one text message; after the server closed the socket, nothing (as a browser would). */
  public void send(String text) {
    ws.sendText(text, true).exceptionally(closed -> null).join();
  }

  public void sendBinary(Buffer data) {
    ws.sendBinary(ByteBuffer.wrap(data.getBytes()), true).exceptionally(closed -> null).join();
  }

  /** The close code, waiting for the server to close. */
  public short closeCode() {
    try {
      return closeCode.get(Await.TIMEOUT.toMillis() + 20_000, TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new AssertionError("socket was not closed: " + e, e);
    }
  }

  public boolean isClosed() {
    return closeCode.isDone();
  }

  @Override
  public void close() {
    if (!closeCode.isDone() && !ws.isOutputClosed()) {
      ws.sendClose(java.net.http.WebSocket.NORMAL_CLOSURE, "");
    }
  }
}
