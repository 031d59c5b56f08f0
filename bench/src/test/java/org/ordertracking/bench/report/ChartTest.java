package org.ordertracking.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartTest {
  @Test
  void drawsGroupedBarsIntoAPng(@TempDir Path dir) throws Exception {
    BufferedImage img = Chart.bars("Storm", "sockets", List.of("held", "refused"), List.of("java", "node"),
        new double[][] {{4_400, 390}, {19_800, Double.NaN}});
    Path png = dir.resolve("charts/storm.png");
    Chart.writePng(img, png);
    BufferedImage back = ImageIO.read(png.toFile());
    assertEquals(Chart.WIDTH, back.getWidth());
    assertEquals(Chart.HEIGHT, back.getHeight());
    assertTrue(colouredPixels(back) > 1_000, "bars are drawn");
  }

  @Test
  void drawsLinesThroughTheSteps() {
    BufferedImage img = Chart.lines("Ceiling", "events/s", "p99 ms", List.of("java", "node"),
        new double[][] {{2_500, 5_000}, {2_500, 5_000, 10_000}}, new double[][] {{120, 300}, {3, 4, 8}});
    assertTrue(colouredPixels(img) > 100, "lines are drawn");
  }

  @Test
  void axesEndOnRoundNumbers() {
    assertEquals(200, Chart.niceMax(114));
    assertEquals(50_000, Chart.niceMax(41_000));
    assertEquals(1, Chart.niceMax(0));
    assertEquals("20k", Chart.label(20_000));
    assertEquals("2.5", Chart.label(2.5));
  }

  /** Pixels of neither grey nor white: the series colours. */
  private static int colouredPixels(BufferedImage img) {
    int n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int rgb = img.getRGB(x, y);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) {
          n++;
        }
      }
    }
    return n;
  }
}
