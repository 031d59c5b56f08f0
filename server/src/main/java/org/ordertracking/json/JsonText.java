package org.ordertracking.json;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/** Small helpers for writing JSON text by hand where the bytes must be exactly ours. */
public final class JsonText {
  private JsonText() {}

  /** {@code s} as a JSON string literal, quotes included. */
  public static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    JsonStringEncoder.getInstance().quoteAsString(s, sb);
    return sb.append('"').toString();
  }
}
