package org.ordertracking.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ordertracking.server.ServerModule;

/**
 * One instance per event loop, all on the same port (Vert.x shares the listener between them):
 * builds the router from the modules and serves it behind the node's {@link HttpGuard}.
 *
 * <p>WebSocket compression is refused (neither permessage-deflate nor deflate-frame is
 * negotiated): it would inflate client frames before any size limit applies (a 16 KiB frame can
 * inflate to megabytes on the event loop), and it would deflate every outgoing frame once per
 * socket, where the gateway writes the engine's bytes unchanged to every socket. A client that
 * sends a compressed frame anyway breaks the protocol and is disconnected by the codec. Cleartext
 * HTTP/2 (h2c) is off too: the contract is HTTP/1.1 and WebSocket, and the guard's per-connection
 * deadlines assume one request at a time.
 */
public final class HttpVerticle extends VerticleBase {
  /**
   * Hard cap on a client frame in the WebSocket decoder. Over it the socket is closed 1009 at once; the
   * contract's 1 KiB limit (close with 1009) is enforced by the session, below this cap.
   */
  public static final int MAX_CLIENT_FRAME = 16 * 1024;
  /**
   * On undeploy, requests in flight get this long to finish (each connection closes after its
   * current response; idle ones at once) before whatever is left is closed.
   */
  static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);

  private final String host;
  private final int port;
  private final List<ServerModule> modules;
  private final HttpGuard guard;
  private HttpServer server;

  public HttpVerticle(String host, int port, List<ServerModule> modules, HttpGuard guard) {
    this.host = host;
    this.port = port;
    this.modules = modules;
    this.guard = guard;
  }

  @Override
  public Future<?> start() {
    HttpServerOptions options =
        new HttpServerOptions()
            .setHost(host)
            .setPort(port)
            .setMaxWebSocketFrameSize(MAX_CLIENT_FRAME)
            .setMaxWebSocketMessageSize(MAX_CLIENT_FRAME)
            .setPerMessageWebSocketCompressionSupported(false)
            .setPerFrameWebSocketCompressionSupported(false)
            .setHttp2ClearTextEnabled(false)
            .setTcpNoDelay(true)
            .setIdleTimeout(0); // idle HTTP connections: HttpGuard; sockets: the gateway's pings
    server = vertx.createHttpServer(options);
    Router router = Router.router(vertx);
    guard.install(vertx, server, router);
    modules.forEach(m -> m.mount(router));
    return server.requestHandler(router).listen();
  }

  @Override
  public Future<?> stop() {
    return server.shutdown(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
  }

  public int actualPort() {
    return server.actualPort();
  }
}
