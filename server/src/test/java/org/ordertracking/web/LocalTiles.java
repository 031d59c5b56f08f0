package org.ordertracking.web;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.ordertracking.testing.Await;

/**
 * A tile server on loopback for the browser tests (the internet is not reachable from CI):
 * draws a made-up street grid for any {@code /{z}/{x}/{y}.png}, continuous across tile edges, so
 * the map really loads tiles through the page's tile URL and CSP, and the screenshots look like
 * a map.
 */
final class LocalTiles implements AutoCloseable {
  private static final int SIZE = 256;
  private static final int BLOCK = 96; // world pixels between streets at every zoom
  private static final Color GROUND = new Color(0xF2EFE9);
  private static final Color PARK = new Color(0xCDEBC5);
  private static final Color WATER = new Color(0xAAD3DF);
  private static final Color STREET = Color.WHITE;
  private static final Color MAIN_ROAD = new Color(0xFCD6A4);

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private final Vertx vertx = Vertx.vertx();
  private final HttpServer server;

  LocalTiles() {
    server = Await.result(vertx.createHttpServer()
        .requestHandler(req -> {
          String[] parts = req.path().replace(".png", "").split("/");
          if (parts.length != 4) {
            req.response().setStatusCode(404).end();
            return;
          }
          long x = Long.parseLong(parts[2]);
          long y = Long.parseLong(parts[3]);
          vertx.executeBlocking(() -> Buffer.buffer(draw(x, y)))
              .onSuccess(png -> req.response().putHeader("Content-Type", "image/png").end(png))
              .onFailure(err -> req.response().setStatusCode(500).end());
        })
        .listen(0, "127.0.0.1"));
  }

  String urlTemplate() {
    return "http://127.0.0.1:" + server.actualPort() + "/{z}/{x}/{y}.png";
  }

  private static byte[] draw(long tileX, long tileY) {
    BufferedImage img = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(GROUND);
    g.fillRect(0, 0, SIZE, SIZE);
    long originX = tileX * SIZE;
    long originY = tileY * SIZE;
    // Blocks: a few become parks or ponds, chosen by a hash so neighbours agree.
    for (long bx = Math.floorDiv(originX, BLOCK); bx * BLOCK < originX + SIZE; bx++) {
      for (long by = Math.floorDiv(originY, BLOCK); by * BLOCK < originY + SIZE; by++) {
        long h = (bx * 73856093L) ^ (by * 19349663L);
        int kind = (int) Math.floorMod(h, 11);
        if (kind == 0 || kind == 5) {
          g.setColor(kind == 0 ? PARK : WATER);
          g.fillRect((int) (bx * BLOCK - originX) + 8, (int) (by * BLOCK - originY) + 8, BLOCK - 16, BLOCK - 16);
        }
      }
    }
    for (long s = Math.floorDiv(originX, BLOCK); s * BLOCK <= originX + SIZE; s++) {
      road(g, s, true, (int) (s * BLOCK - originX));
    }
    for (long s = Math.floorDiv(originY, BLOCK); s * BLOCK <= originY + SIZE; s++) {
      road(g, s, false, (int) (s * BLOCK - originY));
    }
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(img, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void road(Graphics2D g, long index, boolean vertical, int at) {
    boolean main = Math.floorMod(index, 4) == 0;
    g.setColor(main ? MAIN_ROAD : STREET);
    g.setStroke(new BasicStroke(main ? 9 : 5));
    if (vertical) {
      g.drawLine(at, 0, at, SIZE);
    } else {
      g.drawLine(0, at, SIZE, at);
    }
  }

  @Override
  public void close() {
    Await.result(vertx.close());
  }
}
