package org.ordertracking.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.List;
import org.ordertracking.server.ServerModule;

/**
 * One instance per event loop, all on the same port (Vert.x shares the listener between them):
 * builds the router from the modules and serves it.
 */
public final class HttpVerticle extends VerticleBase {
  /**
   * Hard cap on a client frame in the WebSocket codec. Over it the codec drops the connection; the
   * contract's 1 KiB limit (close with 1009) is enforced by the session, below this cap.
   */
  static final int MAX_CLIENT_FRAME = 16 * 1024;

  private final String host;
  private final int port;
  private final List<ServerModule> modules;
  private HttpServer server;

  public HttpVerticle(String host, int port, List<ServerModule> modules) {
    this.host = host;
    this.port = port;
    this.modules = modules;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    modules.forEach(m -> m.mount(router));
    router.errorHandler(404, ctx -> HttpErrors.send(ctx, 404, "no such resource: " + ctx.request().path()));
    router.errorHandler(405, ctx -> HttpErrors.send(ctx, 405, "method not allowed"));
    router.errorHandler(500, ctx -> HttpErrors.send(ctx, 500, "internal error"));
    HttpServerOptions options =
        new HttpServerOptions()
            .setHost(host)
            .setPort(port)
            .setMaxWebSocketFrameSize(MAX_CLIENT_FRAME)
            .setMaxWebSocketMessageSize(MAX_CLIENT_FRAME)
            .setTcpNoDelay(true)
            .setIdleTimeout(0);
    server = vertx.createHttpServer(options).requestHandler(router);
    return server.listen();
  }

  public int actualPort() {
    return server.actualPort();
  }
}
