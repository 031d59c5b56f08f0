package org.ordertracking.testing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A real WebSocket client that records every text frame and the close code it got. */
public final class WsClient implements AutoCloseable {
  public final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
  private final CompletableFuture<Short> closeCode = new CompletableFuture<>();
  private final WebSocketClient client;
  private final ClientWebSocket ws;

  private WsClient(WebSocketClient client, ClientWebSocket ws) {
    this.client = client;
    this.ws = ws;
    ws.textMessageHandler(t -> frames.add(new JsonObject(t)));
    ws.closeHandler(v -> closeCode.complete(ws.closeStatusCode() == null ? -1 : ws.closeStatusCode()));
  }

  public static WsClient connect(Vertx vertx, int port, String token) {
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxFrameSize(65536));
    // Handlers are in place before the handshake, so that the server's first frame cannot arrive
    // before anyone listens (it would be dropped, and the snapshot would look missing).
    WsClient ws = new WsClient(client, client.webSocket());
    Await.result(ws.ws.connect(options(port, token)));
    return ws;
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

  public void send(String text) {
    ws.writeTextMessage(text);
  }

  public void sendBinary(Buffer data) {
    ws.writeBinaryMessage(data);
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
    if (!ws.isClosed()) {
      ws.close();
    }
    client.close();
  }
}
