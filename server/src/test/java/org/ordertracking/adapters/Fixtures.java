package org.ordertracking.adapters;

import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Recorded provider payloads under {@code src/test/resources/adapters/}. */
public final class Fixtures {
  private Fixtures() {}

  /** A fixture with one text replaced (a variant of a documented payload). */
  public static Buffer edit(String path, String from, String to) {
    String text = read(path).toString();
    if (!text.contains(from)) {
      throw new IllegalArgumentException(path + " has no " + from);
    }
    return Buffer.buffer(text.replace(from, to));
  }

  public static Buffer read(String path) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/adapters/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      return Buffer.buffer(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
