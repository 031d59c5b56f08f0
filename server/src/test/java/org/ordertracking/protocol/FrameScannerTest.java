package org.ordertracking.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ordertracking.model.OrderId;

/** The header scan of frames received from the engine (PROTOCOL §3 frames, §6 any publisher). */
class FrameScannerTest {
  private static final OrderId O1 = new OrderId("o1");

  private static Frame scan(String json) {
    return FrameScanner.scan(O1, Buffer.buffer(json));
  }

  @Test
  void locationFrameAsTheServerWritesItIsFound() {
    Buffer bytes = Buffer.buffer(
        "{\"type\":\"location\",\"orderId\":\"o1\",\"seq\":13,\"ts\":1795256130123,\"location\":{\"lat\":52.52,\"lng\":13.405,"
            + "\"recordedAt\":\"2026-11-21T10:15:30.123Z\"},\"provider\":\"uber\",\"ref\":\"r1\"}");
    Frame f = FrameScanner.scan(O1, bytes);
    assertNotNull(f);
    assertEquals(13, f.seq());
    assertEquals(1795256130123L, f.ts());
    assertEquals(Frame.Kind.LOCATION, f.kind());
    assertTrue(f.conflatable());
    assertFalse(f.terminal());
    assertSame(bytes, f.bytes(), "the bytes are forwarded as received, never re-encoded");
  }

  @Test
  void aFrameWithoutTsFromAnotherPublisherHasTsZero() {
    assertEquals(0, scan("{\"type\":\"status\",\"seq\":3,\"status\":\"NEARBY\"}").ts());
    assertEquals(0, scan("{\"type\":\"status\",\"seq\":3,\"ts\":\"soon\"}").ts());
    assertEquals(0, scan("{\"type\":\"status\",\"seq\":3,\"location\":{\"ts\":5}}").ts(), "only the top level counts");
  }

  @Test
  void fieldsAreFoundInAnyKeyOrder() {
    Frame f = scan("{\"location\":{\"lat\":1,\"lng\":2},\"provider\":\"p\",\"seq\":7,\"orderId\":\"o1\",\"type\":\"location\"}");
    assertEquals(7, f.seq());
    assertEquals(Frame.Kind.LOCATION, f.kind());
  }

  @Test
  void statusBeforeTypeIsStillRecognisedAsTerminal() {
    Frame f = scan("{\"status\":\"DELIVERED\",\"seq\":3,\"orderId\":\"o1\",\"type\":\"status\"}");
    assertEquals(Frame.Kind.TERMINAL_STATUS, f.kind());
    assertEquals(3, f.seq());
  }

  @Test
  void whitespaceAroundKeysColonsAndValuesIsAllowed() {
    Frame f = scan("\n{ \"type\" :\t\"status\" ,\r\n  \"seq\"  :  42 , \"status\" : \"CANCELLED\" }\n");
    assertNotNull(f);
    assertEquals(42, f.seq());
    assertEquals(Frame.Kind.TERMINAL_STATUS, f.kind());
  }

  @Test
  void nestedSeqInsideAnObjectIsIgnored() {
    Frame f = scan("{\"type\":\"location\",\"location\":{\"seq\":99,\"lat\":1},\"seq\":5}");
    assertEquals(5, f.seq());
  }

  @Test
  void nestedSeqAloneDoesNotMakeAFrame() {
    assertNull(scan("{\"type\":\"location\",\"location\":{\"seq\":99}}"));
  }

  @Test
  void seqInsideAnArrayIsIgnored() {
    assertEquals(2, scan("{\"type\":\"x\",\"list\":[{\"seq\":99},\"seq\"],\"seq\":2}").seq());
  }

  @Test
  void seqInsideAStringValueIsIgnored() {
    Frame f = scan("{\"type\":\"location\",\"ref\":\"\\\"seq\\\":99\",\"seq\":4}");
    assertEquals(4, f.seq());
  }

  @Test
  void seqInsideAStringValueAloneDoesNotMakeAFrame() {
    assertNull(scan("{\"type\":\"location\",\"ref\":\"\\\"seq\\\":99\"}"));
  }

  @Test
  void bracesAndEscapedBackslashesInStringsDoNotConfuseTheDepth() {
    Frame f = scan("{\"ref\":\"}}}{{[\\\\\",\"type\":\"status\",\"status\":\"DELIVERED\",\"seq\":8}");
    assertNotNull(f);
    assertEquals(8, f.seq());
    assertEquals(Frame.Kind.TERMINAL_STATUS, f.kind());
  }

  @Test
  void stringValueEqualToAKeyNameIsNotTakenForTheKey() {
    Frame f = scan("{\"type\":\"status\",\"ref\":\"seq\",\"courier\":{\"name\":\"status\"},\"status\":\"PICKED_UP\",\"seq\":6}");
    assertEquals(6, f.seq());
    assertEquals(Frame.Kind.STATUS, f.kind());
  }

  @Test
  void nestedStatusDeliveredDoesNotMakeATerminalFrame() {
    Frame f = scan("{\"type\":\"status\",\"seq\":3,\"status\":\"NEARBY\",\"courier\":{\"status\":\"DELIVERED\"}}");
    assertEquals(Frame.Kind.STATUS, f.kind());
  }

  @Test
  void deliveredStatusFrameIsTerminal() {
    Frame f = scan("{\"type\":\"status\",\"orderId\":\"o1\",\"seq\":14,\"status\":\"DELIVERED\",\"eta\":null,"
        + "\"courier\":{\"name\":\"Alex\"},\"dropoff\":null,\"at\":\"2026-11-21T10:15:30.123Z\"}");
    assertEquals(Frame.Kind.TERMINAL_STATUS, f.kind());
    assertTrue(f.terminal());
    assertFalse(f.conflatable());
  }

  @Test
  void cancelledStatusFrameIsTerminal() {
    assertTrue(scan("{\"type\":\"status\",\"seq\":2,\"status\":\"CANCELLED\"}").terminal());
  }

  @ParameterizedTest
  @ValueSource(strings = {"PLACED", "COURIER_ASSIGNED", "PICKED_UP", "NEARBY", "delivered"})
  void otherStatusesAreNotTerminalAndNotConflatable(String status) {
    Frame f = scan("{\"type\":\"status\",\"seq\":2,\"status\":\"" + status + "\"}");
    assertEquals(Frame.Kind.STATUS, f.kind());
    assertFalse(f.terminal());
    assertFalse(f.conflatable());
  }

  @Test
  void statusFieldOnALocationFrameDoesNotMakeItTerminal() {
    assertEquals(Frame.Kind.LOCATION, scan("{\"type\":\"location\",\"seq\":2,\"status\":\"DELIVERED\"}").kind());
  }

  @Test
  void unknownTypeIsOther() {
    Frame f = scan("{\"type\":\"snapshot\",\"seq\":12,\"status\":\"DELIVERED\"}");
    assertEquals(Frame.Kind.OTHER, f.kind());
    assertFalse(f.terminal());
  }

  @Test
  void largeSeqIsRead() {
    assertEquals(123456789012345678L, scan("{\"type\":\"location\",\"seq\":123456789012345678}").seq());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "",
      "garbage",
      "not json at all {",
      "{\"type\":\"location\"}",
      "{\"seq\":5}",
      "{\"type\":\"location\",\"seq\":0}",
      "{\"type\":\"location\",\"seq\":-3}",
      "{\"type\":\"location\",\"seq\":\"5\"}",
      "{\"type\":\"location\",\"seq\":null}",
      "{\"type\":\"location\",\"seq\":{\"n\":5}}",
      "{\"type\":5,\"seq\":5}",
      "{\"type\":null,\"seq\":5}",
      "{\"type\":\"location\",\"seq\":1234567890123456789}",
      "[{\"type\":\"location\",\"seq\":5}]",
      "{\"type\":\"location\",\"seq\":5,\"ref\":\"unterminated}",
      "{\"type\":\"location\",\"seq\":5,\"ref\":\"ends in a backslash\\"
  })
  void garbageMissingOrNonPositiveSeqIsNull(String text) {
    assertNull(scan(text), text);
  }
}
