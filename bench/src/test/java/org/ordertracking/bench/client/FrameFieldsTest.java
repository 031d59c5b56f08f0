package org.ordertracking.bench.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

class FrameFieldsTest {
  @Test
  void readsSeqAndPublishTimeOfALocationFrame() {
    Buffer frame = Buffer.buffer("{\"type\":\"location\",\"orderId\":\"o1\",\"seq\":13,\"location\":{\"lat\":52.52,"
        + "\"lng\":13.405,\"recordedAt\":\"2026-11-21T10:15:30.123Z\"},\"provider\":\"bench\",\"ref\":\"1764255600123456\"}");
    assertEquals(13, FrameFields.seq(frame));
    assertEquals(1764255600123456L, FrameFields.ref(frame));
  }

  @Test
  void aSnapshotHasASeqButNoPublishTime() {
    Buffer snapshot = Buffer.buffer("{\"type\":\"snapshot\",\"orderId\":\"o1\",\"seq\":0,\"status\":null}");
    assertEquals(0, FrameFields.seq(snapshot));
    assertEquals(-1, FrameFields.ref(snapshot));
  }

  @Test
  void aPongHasNeither() {
    Buffer pong = Buffer.buffer("{\"type\":\"pong\"}");
    assertEquals(-1, FrameFields.seq(pong));
    assertEquals(-1, FrameFields.ref(pong));
  }

  @Test
  void aRefThatIsNotATimestampCountsAsNone() {
    assertEquals(-1, FrameFields.ref(Buffer.buffer("{\"seq\":2,\"ref\":\"courier-7\"}")));
  }
}
