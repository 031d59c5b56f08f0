package org.ordertracking.adapters;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 signatures as providers send them: lowercase hex of the MAC over given bytes. */
public final class Hmac {
  private Hmac() {}

  /** Hex HMAC-SHA256 of the concatenated parts, keyed by the secret's UTF-8 bytes. */
  public static String sha256Hex(String secret, byte[]... parts) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      for (byte[] part : parts) {
        mac.update(part);
      }
      return HexFormat.of().formatHex(mac.doFinal());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /**
   * Whether {@code given} (hex, any case, surrounding spaces allowed) is the expected signature,
   * compared in constant time so the comparison leaks nothing about how much of it matched.
   */
  public static boolean matches(String expectedHex, String given) {
    if (given == null) {
      return false;
    }
    byte[] a = expectedHex.getBytes(StandardCharsets.US_ASCII);
    byte[] b = given.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(a, b);
  }
}
