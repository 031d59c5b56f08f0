package org.ordertracking.auth;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.impl.jose.JWK;
import io.vertx.ext.auth.impl.jose.JWT;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.ordertracking.model.OrderId;

/**
 * Verifies and mints tracking tokens: HS256 JWTs whose {@code sub} is the order. Minting uses
 * Vert.x's JOSE implementation; verifying (once per connect) is done here with the JDK's HMAC, keyed
 * once per secret, and a constant-time compare. This class adds the contract's rules (only the configured
 * algorithm, required claims, audience) with a precise reason for each refusal.
 *
 * <p>Key rotation: every configured secret verifies, only the first signs. One instance per event
 * loop: the underlying MACs are not meant to be shared between threads.
 */
public final class TokenService {
  public static final String AUDIENCE = "order-tracking";
  public static final String ALGORITHM = "HS256";
  private static final long MAX_EPOCH_SECONDS = 253402300799L; // 9999-12-31T23:59:59Z

  private static final String MAC_ALGORITHM = "HmacSHA256";

  /** One keyed HMAC-SHA256 per configured secret, in the configured order. */
  private final List<Mac> verifiers;
  private final JWT signer = new JWT();
  private final Clock clock;

  public TokenService(List<String> secrets, Clock clock) {
    if (secrets.isEmpty()) {
      throw new IllegalArgumentException("at least one secret");
    }
    this.clock = clock;
    this.verifiers = secrets.stream().map(TokenService::mac).toList();
    signer.addJWK(jwk(secrets.get(0)));
  }

  private static Mac mac(String secret) {
    try {
      Mac mac = Mac.getInstance(MAC_ALGORITHM);
      // The same key bytes Vert.x's JWK takes from PubSecKeyOptions.setBuffer (UTF-8), so tokens
      // minted by the signer below and by earlier versions verify alike.
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), MAC_ALGORITHM));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }

  private static JWK jwk(String secret) {
    return new JWK(new PubSecKeyOptions().setAlgorithm(ALGORITHM).setBuffer(secret));
  }

  /** The order this token lets its holder watch, or why it does not. */
  public TrackingToken verify(String token) throws TokenRejected {
    if (token == null || token.isEmpty()) {
      throw new TokenRejected("missing token");
    }
    // Every connect comes through here: the segments are found without a regex, each JSON part is
    // parsed once (Vert.x's JWT.decode parsed both again) and the MACs are built once, not per call.
    int dot1 = token.indexOf('.');
    int dot2 = dot1 < 0 ? -1 : token.indexOf('.', dot1 + 1);
    if (dot2 < 0 || token.indexOf('.', dot2 + 1) >= 0) {
      throw new TokenRejected("malformed token");
    }
    JsonObject header = decodeJson(token.substring(0, dot1));
    Object alg = header.getValue("alg");
    if (!ALGORITHM.equals(alg)) {
      throw new TokenRejected("token algorithm '" + alg + "' is not accepted; expected " + ALGORITHM);
    }
    // The claims are parsed before the signature is checked, as Vert.x's JWT.decode did: a token
    // whose payload is not JSON is "malformed" whatever its signature.
    JsonObject claims = decodeJson(token.substring(dot1 + 1, dot2));
    if (dot2 == token.length() - 1) {
      throw new TokenRejected("malformed token"); // no signature at all
    }
    byte[] signature;
    try {
      signature = Base64.getUrlDecoder().decode(token.substring(dot2 + 1));
    } catch (IllegalArgumentException e) {
      throw new TokenRejected("malformed token");
    }
    if (!signatureMatches(token.getBytes(StandardCharsets.UTF_8), dot2, signature)) {
      throw new TokenRejected("bad token signature");
    }
    Instant exp = instantClaim(claims, "exp");
    if (!exp.isAfter(clock.instant())) {
      throw new TokenRejected("token expired");
    }
    if (claims.containsKey("nbf") && instantClaim(claims, "nbf").isAfter(clock.instant())) {
      throw new TokenRejected("token not valid yet");
    }
    if (!audienceMatches(claims.getValue("aud"))) {
      throw new TokenRejected("token audience must be '" + AUDIENCE + "'");
    }
    Object sub = claims.getValue("sub");
    if (!(sub instanceof String s)) {
      throw new TokenRejected("token has no sub (order id)");
    }
    if (!OrderId.isValid(s)) {
      throw new TokenRejected("token sub is not a valid order id");
    }
    return new TrackingToken(new OrderId(s), exp);
  }

  /**
   * Whether any configured secret signed {@code input[0, length)}; compared in constant time. A Mac
   * is not thread-safe: the instance is meant for one event loop, the lock is uncontended there and
   * keeps a stray shared use correct.
   */
  private boolean signatureMatches(byte[] input, int length, byte[] signature) {
    for (Mac mac : verifiers) {
      byte[] expected;
      synchronized (mac) {
        mac.update(input, 0, length);
        expected = mac.doFinal();
      }
      if (MessageDigest.isEqual(expected, signature)) {
        return true;
      }
    }
    return false;
  }

  /** Signs a token for {@code orderId} that lives at least {@code ttl}. */
  public String mint(OrderId orderId, Duration ttl) {
    return mint(orderId, expiryFor(ttl));
  }

  /**
   * When a token minted now with {@code ttl} expires: {@code exp} counts whole seconds, so it is
   * rounded up, never down (a 1-second link must not be born expired).
   */
  public Instant expiryFor(Duration ttl) {
    Instant end = clock.instant().plus(ttl);
    return end.getNano() == 0 ? end : Instant.ofEpochSecond(end.getEpochSecond() + 1);
  }

  /** Signs a token for {@code orderId} that expires at {@code expiresAt} (whole seconds). */
  public String mint(OrderId orderId, Instant expiresAt) {
    JsonObject claims =
        new JsonObject()
            .put("sub", orderId.value())
            .put("aud", AUDIENCE)
            .put("iat", clock.instant().getEpochSecond())
            .put("exp", expiresAt.getEpochSecond());
    return signer.sign(claims, new JWTOptions().setAlgorithm(ALGORITHM));
  }

  private static JsonObject decodeJson(String segment) throws TokenRejected {
    try {
      byte[] bytes = Base64.getUrlDecoder().decode(segment);
      return new JsonObject(new String(bytes, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException | DecodeException | ClassCastException e) {
      throw new TokenRejected("malformed token");
    }
  }

  private static Instant instantClaim(JsonObject claims, String name) throws TokenRejected {
    Object v = claims.getValue(name);
    if (v == null) {
      throw new TokenRejected("token has no " + name);
    }
    if (!(v instanceof Number n)) {
      throw new TokenRejected("token " + name + " must be a number of seconds");
    }
    double seconds = n.doubleValue();
    // Beyond year 9999 (or not finite) is no real time; Instant would throw on it.
    if (!Double.isFinite(seconds) || seconds < 0 || seconds > MAX_EPOCH_SECONDS) {
      throw new TokenRejected("token " + name + " is out of range");
    }
    return Instant.ofEpochSecond(n.longValue());
  }

  private static boolean audienceMatches(Object aud) {
    if (aud instanceof String s) {
      return AUDIENCE.equals(s);
    }
    if (aud instanceof JsonArray a) {
      return a.contains(AUDIENCE);
    }
    return false;
  }
}
