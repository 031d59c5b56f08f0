package org.ordertracking.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Two plain chart kinds drawn with Java2D, enough for the benchmark docs: grouped bars (one group
 * per metric, one bar per server) and lines (a value against a stepped rate, one line per server).
 * Missing values (NaN) are left out.
 */
public final class Chart {
  static final int WIDTH = 800;
  static final int HEIGHT = 420;
  private static final Color[] COLORS = {new Color(0xD9480F), new Color(0x1C7ED6), new Color(0x2F9E44), new Color(0x7048E8)};
  private static final int LEFT = 70;
  private static final int RIGHT = 20;
  private static final int TOP = 50;
  private static final int BOTTOM = 70;

  private Chart() {}

  /** One group per category, one bar per series; values[series][category]. */
  public static BufferedImage bars(String title, String unit, List<String> categories, List<String> series,
      double[][] values) {
    BufferedImage img = canvas();
    Graphics2D g = graphics(img);
    double max = niceMax(max(values));
    frame(g, title, unit, max, series);
    int plotW = WIDTH - LEFT - RIGHT;
    int groupW = plotW / Math.max(1, categories.size());
    int barW = Math.max(4, (groupW - 20) / Math.max(1, series.size()));
    for (int c = 0; c < categories.size(); c++) {
      int x0 = LEFT + c * groupW + 10;
      for (int s = 0; s < series.size(); s++) {
        double v = values[s][c];
        if (Double.isNaN(v)) {
          continue;
        }
        int h = (int) Math.round((HEIGHT - TOP - BOTTOM) * Math.min(v, max) / max);
        int x = x0 + s * barW;
        g.setColor(COLORS[s % COLORS.length]);
        g.fillRect(x, HEIGHT - BOTTOM - h, barW - 4, h);
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        centered(g, label(v), x + (barW - 4) / 2, HEIGHT - BOTTOM - h - 3);
      }
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
      centered(g, categories.get(c), LEFT + c * groupW + groupW / 2, HEIGHT - BOTTOM + 18);
    }
    g.dispose();
    return img;
  }

  /** One line per series through points (x[s][i], y[s][i]); the x axis is linear from 0. */
  public static BufferedImage lines(String title, String xUnit, String yUnit, List<String> series, double[][] x,
      double[][] y) {
    BufferedImage img = canvas();
    Graphics2D g = graphics(img);
    double maxY = niceMax(max(y));
    double maxX = niceMax(max(x));
    frame(g, title, yUnit, maxY, series);
    int plotW = WIDTH - LEFT - RIGHT;
    int plotH = HEIGHT - TOP - BOTTOM;
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    g.setColor(Color.DARK_GRAY);
    for (int i = 0; i <= 5; i++) {
      double v = maxX * i / 5;
      centered(g, label(v), LEFT + (int) (plotW * v / maxX), HEIGHT - BOTTOM + 16);
    }
    centered(g, xUnit, LEFT + plotW / 2, HEIGHT - BOTTOM + 36);
    for (int s = 0; s < series.size(); s++) {
      g.setColor(COLORS[s % COLORS.length]);
      g.setStroke(new BasicStroke(2.5f));
      int px = -1;
      int py = -1;
      for (int i = 0; i < x[s].length; i++) {
        if (Double.isNaN(y[s][i]) || Double.isNaN(x[s][i])) {
          continue;
        }
        int cx = LEFT + (int) Math.round(plotW * x[s][i] / maxX);
        int cy = HEIGHT - BOTTOM - (int) Math.round(plotH * Math.min(y[s][i], maxY) / maxY);
        g.fillOval(cx - 4, cy - 4, 8, 8);
        if (px >= 0) {
          g.drawLine(px, py, cx, cy);
        }
        px = cx;
        py = cy;
      }
    }
    g.dispose();
    return img;
  }

  public static void writePng(BufferedImage img, Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    if (!ImageIO.write(img, "png", file.toFile())) {
      throw new IOException("no PNG writer");
    }
  }

  private static BufferedImage canvas() {
    return new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
  }

  private static Graphics2D graphics(BufferedImage img) {
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, img.getWidth(), img.getHeight());
    return g;
  }

  /** Title, legend, y axis with five grid lines. */
  private static void frame(Graphics2D g, String title, String unit, double max, List<String> series) {
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    g.drawString(title, LEFT, 24);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    int lx = LEFT;
    for (int s = 0; s < series.size(); s++) {
      g.setColor(COLORS[s % COLORS.length]);
      g.fillRect(lx, 32, 12, 10);
      g.setColor(Color.BLACK);
      g.drawString(series.get(s), lx + 16, 42);
      lx += 30 + g.getFontMetrics().stringWidth(series.get(s));
    }
    int plotH = HEIGHT - TOP - BOTTOM;
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    for (int i = 0; i <= 5; i++) {
      int y = HEIGHT - BOTTOM - plotH * i / 5;
      g.setColor(new Color(0xE9ECEF));
      g.drawLine(LEFT, y, WIDTH - RIGHT, y);
      g.setColor(Color.DARK_GRAY);
      String l = label(max * i / 5);
      g.drawString(l, LEFT - 6 - g.getFontMetrics().stringWidth(l), y + 4);
    }
    g.setColor(Color.BLACK);
    g.drawLine(LEFT, TOP, LEFT, HEIGHT - BOTTOM);
    g.drawLine(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM);
    g.drawString(unit, 8, TOP - 6);
  }

  private static void centered(Graphics2D g, String s, int cx, int baseline) {
    FontMetrics fm = g.getFontMetrics();
    g.drawString(s, cx - fm.stringWidth(s) / 2, baseline);
  }

  static double max(double[][] values) {
    double m = 0;
    for (double[] row : values) {
      for (double v : row) {
        if (!Double.isNaN(v) && v > m) {
          m = v;
        }
      }
    }
    return m;
  }

  /** A round axis maximum at or above {@code v}: 1, 2 or 5 times a power of ten. */
  static double niceMax(double v) {
    if (!(v > 0)) {
      return 1;
    }
    double p = Math.pow(10, Math.floor(Math.log10(v)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * p >= v) {
        return m * p;
      }
    }
    return 10 * p;
  }

  static String label(double v) {
    if (v >= 10_000) {
      return Math.round(v / 1000) + "k";
    }
    if (v == Math.rint(v)) {
      return Long.toString((long) v);
    }
    return v >= 10 ? String.format("%.0f", v) : String.format("%.1f", v);
  }
}
