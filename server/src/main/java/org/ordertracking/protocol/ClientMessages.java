package org.ordertracking.protocol;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/** The few messages a client may send; anything else is ignored. */
public final class ClientMessages {
  public static final String PONG = "{\"type\":\"pong\"}";

  private ClientMessages() {}

  public static boolean isPing(Buffer message) {
    if (message.length() == 0 || message.getByte(0) != '{') {
      return false;
    }
    try {
      return "ping".equals(new JsonObject(message).getValue("type"));
    } catch (RuntimeException e) {
      return false; // not JSON: ignored like any other unknown frame
    }
  }
}
