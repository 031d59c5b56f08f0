package org.ordertracking.bench.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class JwtTest {
  private static final String SECRET = "a-secret-of-at-least-thirty-two-bytes!";

  @Test
  void signsTheContractsClaimsWithHs256() throws Exception {
    String token = new Jwt(SECRET).sign("o-1", 1_700_000_000L, 1_700_003_600L);
    String[] parts = token.split("\\.");
    assertEquals(3, parts.length);
    JsonObject header = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
    JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    assertEquals("HS256", header.getString("alg"));
    assertEquals("o-1", claims.getString("sub"));
    assertEquals("order-tracking", claims.getString("aud"));
    assertEquals(1_700_003_600L, claims.getLong("exp"));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertArrayEquals(expected, Base64.getUrlDecoder().decode(parts[2]));
  }
}
