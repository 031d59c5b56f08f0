package org.ordertracking.bench.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.ordertracking.bench.client.FrameFields;

class RedisPublisherTest {
  @Test
  void publishesAValidLocationFrameTheClientCanRead() {
    String frame = RedisPublisher.frame("o-7", 42, 1764255600123456L);
    JsonObject json = new JsonObject(frame);
    assertEquals("location", json.getString("type"));
    assertEquals("o-7", json.getString("orderId"));
    assertEquals(42L, json.getLong("seq"));
    assertEquals(52.52, json.getJsonObject("location").getDouble("lat"));
    assertEquals(42, FrameFields.seq(Buffer.buffer(frame)));
    assertEquals(1764255600123456L, FrameFields.ref(Buffer.buffer(frame)));
  }

  @Test
  void writesOnePublishCommandInResp() {
    StringBuilder sb = new StringBuilder();
    RedisPublisher.appendPublish(sb, "o-7", 1, 5);
    String frame = RedisPublisher.frame("o-7", 1, 5);
    assertEquals("*3\r\n$7\r\nPUBLISH\r\n$18\r\norder:{o-7}:events\r\n$" + frame.length() + "\r\n" + frame + "\r\n",
        sb.toString());
  }

  @Test
  void batchEventsAreWhatTheIngestApiTakes() {
    StringBuilder sb = new StringBuilder();
    BatchApiPublisher.appendEvent(sb, "o-7", "2026-11-27T15:00:00Z", 99);
    JsonObject e = new JsonObject(sb.toString());
    assertEquals("location", e.getString("type"));
    assertEquals("o-7", e.getString("orderId"));
    assertEquals("99", e.getString("ref"));
    assertEquals("2026-11-27T15:00:00Z", e.getJsonObject("location").getString("recordedAt"));
  }
}
