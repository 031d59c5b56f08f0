package org.ordertracking.adapters;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC signatures as providers send them: lowercase hex of the MAC over given bytes. */
public final class Hmac {
  private Hmac() {}

  /** Hex HMAC-SHA256 of the concatenated parts, keyed by the secret's UTF-8 bytes. */
  public static String sha256Hex(String secret, byte[]... parts) {
    return hex("HmacSHA256", secret.getBytes(StandardCharsets.UTF_8), parts);
  }

  /** Hex HMAC-SHA512 of the concatenated parts, keyed by raw key bytes. */
  public static String sha512Hex(byte[] key, byte[]... parts) {
    return hex("HmacSHA512", key, parts);
  }

  private static String hex(String algorithm, byte[] key, byte[]... parts) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key, algorithm));
      for (byte[] part : parts) {
        mac.update(part);
      }
      return HexFormat.of().formatHex(mac.doFinal());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " is not available", e);
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
