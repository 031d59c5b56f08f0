package org.ordertracking.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ordertracking.model.TrackingEvent.LocationUpdate;

/**
 * The one-pass batch reading gives, item by item, exactly what the tree reading gives (the same
 * event, or the same error), and leaves every answer about the body as a whole to the tree.
 */
class BatchReaderTest {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final Instant NOW = Instant.parse("2026-11-21T10:15:30.123Z");
  private final EventParser parser = new EventParser(Clock.fixed(NOW, ZoneOffset.UTC));
  private final BatchReader reader = new BatchReader(JSON, parser);

  private Object tree(JsonNode item) {
    try {
      return parser.item(item, "acme");
    } catch (InvalidInput e) {
      return e;
    }
  }

  private List<Object> read(String body) {
    return reader.read(body.getBytes(StandardCharsets.UTF_8), 5, "acme", this::tree);
  }

  /** What the tree reading gives, errors as their messages. */
  private List<Object> byTree(String body) throws Exception {
    List<Object> out = new ArrayList<>();
    for (JsonNode item : JSON.readTree(body).get("events")) {
      out.add(comparable(tree(item)));
    }
    return out;
  }

  private static Object comparable(Object item) {
    return item instanceof InvalidInput e ? "error: " + e.getMessage() : item;
  }

  private void assertSameAsTree(String body) throws Exception {
    List<Object> read = read(body);
    assertNotNull(read, body);
    assertEquals(byTree(body), read.stream().map(BatchReaderTest::comparable).toList(), body);
  }

  private static final String LOC =
      "\"location\":{\"lat\":52.52,\"lng\":13.405,\"heading\":90.0,\"speed\":4.2,\"accuracy\":8.0,"
          + "\"recordedAt\":\"2026-11-21T10:15:00.000Z\"}";

  @Test
  void theCommonItemIsReadInOnePassAsTheTreeReadsIt() throws Exception {
    String body = "{\"events\":[{\"type\":\"location\",\"orderId\":\"o-1\"," + LOC + ",\"ref\":\"1764\"}]}";
    assertSameAsTree(body);
    LocationUpdate l = assertInstanceOf(LocationUpdate.class, read(body).get(0));
    assertEquals("o-1", l.orderId().value());
    assertEquals(Instant.parse("2026-11-21T10:15:00Z"), l.location().recordedAt());
  }

  @ParameterizedTest
  @ValueSource(strings = {
    // the common item, in other field orders and with whitespace
    "{\"ref\":\"r\", \"location\" : {\"recordedAt\":\"2026-11-21T10:15:00Z\",\"lng\":1,\"lat\":-2}, \"orderId\":\"a\",\"type\":\"location\"}",
    "{\"type\":\"location\",\"orderId\":\"a\",\"location\":{\"lat\":90,\"lng\":-180}}",
    "{\"type\":\"location\",\"orderId\":\"a\",\"location\":{\"lat\":1e1,\"lng\":-1.5E-3,\"heading\":0,\"speed\":0,\"accuracy\":0}}",
    "{\"type\":\"location\",\"orderId\":\"a\",\"location\":{\"lat\":-0.0,\"lng\":0.1,\"heading\":359.999}}",
    // off the common path: unknown, repeated, null or oddly typed fields
    "{\"type\":\"location\",\"orderId\":\"a\",\"location\":{\"lat\":1,\"lng\":2},\"extra\":{\"x\":[1,{\"y\":2}]}}",
    "{\"type\":\"location\",\"orderId\":\"a\",\"location\":{\"lat\":1,\"lng\":2,\"altitude\":3}}",
    "{\"type\":\"location\",\"orderId\":\"a\",\"location\":{\"lat\":1,\"lat\":3,\"lng\":2}}",
    "{\"type\":\"location\",\"orderId\":\"a\",\"orderId\":\"b\",\"location\":{\"lat\":1,\"lng\":2}}",
    "{\"type\":\"location\",\"orderId\":\"a\",\"location\":{\"lat\":1,\"lng\":2},\"ref\":null}",
    "{\"type\":\"location\",\"orderId\":\"a\",\"location\":{\"lat\":1,\"lng\":2,\"heading\":null}}",
    "{\"type\":\"location\",\"orderId\":\"a\",\"location\":{\"lat\":\"1\",\"lng\":2}}",
    "{\"type\":\"location\",\"orderId\":\"a\",\"location\":{\"lat\":123456789012345678901234567890,\"lng\":2}}",
    "{\"type\":\"location\",\"orderId\":\"a\",\"location\":{\"lat\":1e400,\"lng\":2}}",
    "{\"type\":\"location\",\"orderId\":\"a\",\"location\":[1,2]}",
    "{\"type\":\"location\",\"orderId\":\"a\",\"location\":{\"lat\":1,\"lng\":2},\"ref\":5}",
    "{\"type\":\"location\",\"orderId\":7,\"location\":{\"lat\":1,\"lng\":2}}",
    "{\"type\":[\"location\"],\"orderId\":\"a\",\"location\":{\"lat\":1,\"lng\":2}}",
    // rules broken: the tree's message
    "{\"type\":\"location\",\"orderId\":\"a b\",\"location\":{\"lat\":1,\"lng\":2}}",
    "{\"type\":\"location\",\"orderId\":\"a\",\"location\":{\"lat\":91,\"lng\":2}}",
    "{\"type\":\"location\",\"orderId\":\"a\",\"location\":{\"lat\":1,\"lng\":-180.5}}",
    "{\"type\":\"location\",\"orderId\":\"a\",\"location\":{\"lat\":1,\"lng\":2,\"heading\":360}}",
    "{\"type\":\"location\",\"orderId\":\"a\",\"location\":{\"lat\":1,\"lng\":2,\"speed\":-1}}",
    "{\"type\":\"location\",\"orderId\":\"a\",\"location\":{\"lat\":1,\"lng\":2,\"accuracy\":-0.1}}",
    "{\"type\":\"location\",\"orderId\":\"a\",\"location\":{\"lng\":2}}",
    "{\"type\":\"location\",\"orderId\":\"a\"}",
    "{\"type\":\"location\",\"orderId\":\"a\",\"location\":{\"lat\":1,\"lng\":2,\"recordedAt\":\"2026-11-21T10:30:00Z\"}}",
    "{\"type\":\"location\",\"orderId\":\"a\",\"location\":{\"lat\":1,\"lng\":2,\"recordedAt\":\"yesterday\"}}",
    "{\"type\":\"location\",\"orderId\":\"a\",\"location\":{\"lat\":1,\"lng\":2,\"recordedAt\":\"1969-12-31T23:59:59Z\"}}",
    "{\"type\":\"location\",\"orderId\":\"a\",\"location\":{\"lat\":1,\"lng\":2,\"recordedAt\":\"2026-11-21T10:15:00+01:00\"}}",
    "{\"type\":\"location\",\"location\":{\"lat\":1,\"lng\":2}}",
    "{\"type\":\"teleport\",\"orderId\":\"a\",\"location\":{\"lat\":1,\"lng\":2}}",
    "{\"orderId\":\"a\",\"location\":{\"lat\":1,\"lng\":2}}",
    // statuses and items that are not objects
    "{\"type\":\"status\",\"orderId\":\"a\",\"status\":\"PICKED_UP\",\"courier\":{\"name\":\"Ann\"}}",
    "{\"type\":\"status\",\"orderId\":\"a\",\"status\":\"LOST\"}",
    "null", "5", "\"location\"", "[{\"type\":\"location\"}]", "{}", "true"})
  void everyItemGetsTheTreesEventOrError(String item) throws Exception {
    assertSameAsTree("{\"events\":[" + item + "]}");
    // and the same among common items, in the middle of a batch
    String common = "{\"type\":\"location\",\"orderId\":\"c\"," + LOC + "}";
    assertSameAsTree("{\"before\":1,\"events\":[" + common + ",\n " + item + " ,\t" + common + "],\"after\":{\"x\":[]}}");
  }

  @Test
  void aLongRefGetsTheTreesError() throws Exception {
    String ref = "r".repeat(EventParser.MAX_REF + 1);
    assertSameAsTree("{\"events\":[{\"type\":\"location\",\"orderId\":\"a\"," + LOC + ",\"ref\":\"" + ref + "\"}]}");
    assertSameAsTree("{\"events\":[{\"type\":\"location\",\"orderId\":\"a\"," + LOC + ",\"ref\":\""
        + ref.substring(1) + "\"}]}");
  }

  @Test
  void randomCommonItemsAreReadAsTheTreeReadsThem() throws Exception {
    Random random = new Random(11);
    for (int i = 0; i < 2_000; i++) {
      StringBuilder body = new StringBuilder("{\"events\":[");
      for (int j = 0; j < 5; j++) {
        if (j > 0) {
          body.append(',');
        }
        double lat = (random.nextDouble() * 2 - 1) * (random.nextInt(10) == 0 ? 100 : 90);
        body.append("{\"type\":\"location\",\"orderId\":\"o").append(random.nextInt(1000))
            .append("\",\"location\":{\"lat\":").append(random.nextBoolean() ? Double.toString(lat) : Long.toString((long) lat))
            .append(",\"lng\":").append((random.nextDouble() * 2 - 1) * 180)
            .append(random.nextBoolean() ? ",\"heading\":" + random.nextDouble() * 400 : "")
            .append(random.nextBoolean() ? ",\"speed\":" + (random.nextDouble() * 30 - 1) : "")
            .append(",\"recordedAt\":\"").append(NOW.minusMillis(random.nextInt(10_000_000) - 400_000)).append("\"}")
            .append(",\"ref\":\"").append(random.nextLong()).append("\"}");
      }
      assertSameAsTree(body.append("]}").toString());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "", "[]", "{\"events\":{}}", "{\"other\":[]}", "{\"events\":[]} x", "{\"events\":[{\"type\":\"location\"}",
    "{\"events\":[],\"events\":[]}", "{\"events\":[1,2,3,4,5,6]}", "{\"events\":[{\"a\":}]}", "{\"events\":[,]}",
    "{\"events\":[{\"type\":\"location\",\"orderId\":\"a\",\"location\":{\"lat\":1,\"lng\":2}}]}{}"})
  void leavesAnswersAboutTheWholeBodyToTheTree(String body) {
    assertNull(read(body));
  }

  @Test
  void takesAsManyItemsAsAllowed() {
    assertEquals(5, read("{\"events\":[1,2,3,4,5]}").size());
    assertEquals(0, read("{\"events\":[]}").size());
  }
}
