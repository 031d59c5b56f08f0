package org.ordertracking.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsTest {
  private static JsonObject run(String target, double p99, double held) {
    return new JsonObject().put("target", target).put("result",
        new JsonObject().put("metrics", new JsonObject().put("p99Ms", p99).put("held", held)));
  }

  static JsonObject file() {
    return new JsonObject()
        .put("scenario", "storm")
        .put("describe", "a storm")
        .put("machine", new JsonObject().put("loadAverage", new JsonArray().add(1.0).add(1.0).add(1.0)))
        .put("options", new JsonObject().put("scale", 1.0).put("profile", "none"))
        .put("runs", new JsonArray()
            .add(run("java", 100, 4_400))
            .add(run("node", 4, 19_800))
            .add(run("java", 120, 4_500))
            .add(run("node", 5, 19_800))
            .add(run("java", 300, 4_300))
            .add(new JsonObject().put("target", "node").put("error", "boom")));
  }

  @Test
  void mediansPerTargetAndRatioAgainstTheBaseline() {
    JsonObject f = Results.summarize(file());
    JsonObject java = f.getJsonObject("medians").getJsonObject("java");
    JsonObject node = f.getJsonObject("medians").getJsonObject("node");
    assertEquals(120.0, java.getDouble("p99Ms"));
    assertEquals(4.5, node.getDouble("p99Ms"));
    assertEquals(3, java.getInteger("reps"));
    assertEquals(2, node.getInteger("reps"), "the failed repetition is not a figure");
    assertEquals(26.67, f.getJsonObject("ratios").getDouble("p99Ms"));
  }

  @Test
  void theReportWritesSummaryTablesAndCharts(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("storm-20261127-150000.json"), Results.summarize(file()).encode());
    JsonObject scaled = Results.summarize(file());
    scaled.getJsonObject("options").put("scale", 0.1);
    Files.writeString(dir.resolve("storm-20261127-160000.json"), scaled.encode());
    Report.write(dir);
    JsonObject summary = new JsonObject(Files.readString(dir.resolve("summary.json")));
    assertEquals("storm-20261127-150000.json", summary.getJsonObject("scenarios").getJsonObject("storm").getString("file"),
        "a scaled-down run is not a figure for the docs");
    String md = Files.readString(dir.resolve("summary.md"));
    assertTrue(md.contains("| p99Ms | 120 | 4.50 | 26.67 |"), md);
    assertTrue(md.contains(" of node gave no figures: boom"), md);
    assertTrue(Files.size(dir.resolve("charts/storm.png")) > 1_000);
    assertFalse(Files.exists(dir.resolve("charts/ceiling.png")));
  }
}
