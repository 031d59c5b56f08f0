package org.ordertracking.bench.publish;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs tracking tokens with the secret the bench gives the server (HS256, the contract's claims),
 * so that thousands of tokens exist before the server starts (the cold-connect case) and the server
 * still verifies every one for real.
 */
public final class Jwt {
  public static final String AUDIENCE = "order-tracking";
  private static final String HEADER = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

  private final Mac mac;

  public Jwt(String secret) {
    try {
      mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /** A token for {@code orderId}, valid from {@code iat} to {@code exp} (epoch seconds). */
  public String sign(String orderId, long iat, long exp) {
    String claims = "{\"sub\":\"" + orderId + "\",\"aud\":\"" + AUDIENCE + "\",\"iat\":" + iat + ",\"exp\":" + exp + "}";
    String signingInput = HEADER + "." + b64(claims.getBytes(StandardCharsets.UTF_8));
    byte[] sig = mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + b64(sig);
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
