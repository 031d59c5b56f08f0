package org.ordertracking.auth;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.impl.jose.JWK;
import io.vertx.ext.auth.impl.jose.JWT;
import java.nio.charset.StandardCharsets;
import java.security.SignatureException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.ordertracking.model.OrderId;

/**
 * Verifies and mints tracking tokens: HS256 JWTs whose {@code sub} is the order. Signature work is
 * done by Vert.x's JOSE implementation; this class adds the contract's rules (only the configured
 * algorithm, required claims, audience) with a precise reason for each refusal.
 *
 * <p>Key rotation: every configured secret verifies, only the first signs. One instance per event
 * loop: the underlying MACs are not meant to be shared between threads.
 */
public final class TokenService {
  public static final String AUDIENCE = "order-tracking";
  public static final String ALGORITHM = "HS256";
  private static final long MAX_EPOCH_SECONDS = 253402300799L; // 9999-12-31T23:59:59Z

  private final JWT verifier = new JWT();
  private final JWT signer = new JWT();
  private final Clock clock;

  public TokenService(List<String> secrets, Clock clock) {
    if (secrets.isEmpty()) {
      throw new IllegalArgumentException("at least one secret");
    }
    this.clock = clock;
    for (String secret : secrets) {
      verifier.addJWK(jwk(secret));
    }
    signer.addJWK(jwk(secrets.get(0)));
  }

  private static JWK jwk(String secret) {
    return new JWK(new PubSecKeyOptions().setAlgorithm(ALGORITHM).setBuffer(secret));
  }

  /** The order this token lets its holder watch, or why it does not. */
  public TrackingToken verify(String token) throws TokenRejected {
    if (token == null || token.isEmpty()) {
      throw new TokenRejected("missing token");
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      throw new TokenRejected("malformed token");
    }
    JsonObject header = decodeJson(parts[0]);
    Object alg = header.getValue("alg");
    if (!ALGORITHM.equals(alg)) {
      throw new TokenRejected("token algorithm '" + alg + "' is not accepted; expected " + ALGORITHM);
    }
    JsonObject claims;
    try {
      claims = verifier.decode(token);
    } catch (SignatureException e) {
      throw new TokenRejected("bad token signature");
    } catch (RuntimeException e) {
      throw new TokenRejected("malformed token");
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
