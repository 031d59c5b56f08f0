package org.ordertracking.bench.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

class RespRepliesTest {
  @Test
  void countsRepliesSplitAnywhere() {
    RespReplies r = new RespReplies();
    r.feed(Buffer.buffer(":1\r\n:"));
    r.feed(Buffer.buffer("12\r"));
    r.feed(Buffer.buffer("\n-ERR wrong\r\n:0\r\n"));
    assertEquals(4, r.replies);
    assertEquals(1, r.errors);
    assertEquals(13, r.receivers);
  }
}
