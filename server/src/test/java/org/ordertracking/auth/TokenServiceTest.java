package org.ordertracking.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ordertracking.model.OrderId;

/** PROTOCOL §2: tracking tokens, their rotation and every reason a token is refused. */
class TokenServiceTest {
  private static final String SECRET = "s3cret-s3cret-s3cret-s3cret-0001"; // 32 bytes
  private static final String OLD_SECRET = "older-secret-older-secret-older-1";
  private static final String OTHER_SECRET = "someone-elses-secret-entirely-xyz";
  private static final Instant NOW = Instant.parse("2026-11-21T10:15:30Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final TokenService tokens = new TokenService(List.of(SECRET), CLOCK);

  // --- hand-built tokens -------------------------------------------------------------------

  private static String b64(String json) {
    return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String hmac(String javaAlg, String secret, String input) {
    try {
      Mac mac = Mac.getInstance(javaAlg);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), javaAlg));
      return B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** A JWT with the given header and claims, signed with HMAC ({@code HmacSHA256}/{@code HmacSHA512}). */
  private static String signed(JsonObject header, JsonObject claims, String javaAlg, String secret) {
    String input = b64(header.encode()) + "." + b64(claims.encode());
    return input + "." + hmac(javaAlg, secret, input);
  }

  private static String hs256(JsonObject claims, String secret) {
    return signed(new JsonObject().put("alg", "HS256").put("typ", "JWT"), claims, "HmacSHA256", secret);
  }

  private static JsonObject validClaims() {
    return new JsonObject()
        .put("sub", "o1")
        .put("aud", "order-tracking")
        .put("iat", NOW.getEpochSecond() - 10)
        .put("exp", NOW.getEpochSecond() + 3600);
  }

  private String rejection(String token) {
    return assertThrows(TokenRejected.class, () -> tokens.verify(token)).getMessage();
  }

  // --- accepted ----------------------------------------------------------------------------

  @Test
  void mintedTokenVerifiesAndYieldsTheOrderAndExpiry() throws Exception {
    String token = tokens.mint(new OrderId("order-42"), Duration.ofHours(6));
    TrackingToken t = tokens.verify(token);
    assertEquals(new OrderId("order-42"), t.orderId());
    assertEquals(NOW.plus(Duration.ofHours(6)), t.expiresAt());
  }

  @Test
  void mintedTokenIsAnHs256JwtWithTheContractClaims() {
    String token = tokens.mint(new OrderId("o1"), Duration.ofMinutes(5));
    String[] parts = token.split("\\.");
    assertEquals(3, parts.length);
    JsonObject header = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
    JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    assertEquals("HS256", header.getString("alg"));
    assertEquals("o1", claims.getString("sub"));
    assertEquals("order-tracking", claims.getString("aud"));
    assertEquals(NOW.getEpochSecond(), claims.getLong("iat"));
    assertEquals(NOW.getEpochSecond() + 300, claims.getLong("exp"));
    // And the signature is plain HMAC-SHA256 over header.payload with the secret's UTF-8 bytes.
    assertEquals(hmac("HmacSHA256", SECRET, parts[0] + "." + parts[1]), parts[2]);
  }

  @Test
  void handBuiltHs256TokenVerifies() throws Exception {
    TrackingToken t = tokens.verify(hs256(validClaims(), SECRET));
    assertEquals(new OrderId("o1"), t.orderId());
    assertEquals(NOW.plusSeconds(3600), t.expiresAt());
  }

  @Test
  void tokenWithoutIatVerifies() throws Exception {
    JsonObject claims = validClaims();
    claims.remove("iat");
    assertEquals(new OrderId("o1"), tokens.verify(hs256(claims, SECRET)).orderId());
  }

  @Test
  void audienceArrayContainingOrderTrackingIsAccepted() throws Exception {
    JsonObject claims = validClaims().put("aud", new JsonArray().add("other-app").add("order-tracking"));
    assertEquals(new OrderId("o1"), tokens.verify(hs256(claims, SECRET)).orderId());
  }

  // --- rotation ----------------------------------------------------------------------------

  @Test
  void tokenSignedWithTheOldSecretVerifiesWhenItIsSecondInTheList() throws Exception {
    String oldToken = new TokenService(List.of(OLD_SECRET), CLOCK).mint(new OrderId("o1"), Duration.ofHours(1));
    TokenService rotated = new TokenService(List.of(SECRET, OLD_SECRET), CLOCK);
    assertEquals(new OrderId("o1"), rotated.verify(oldToken).orderId());
  }

  @Test
  void mintingAlwaysSignsWithTheFirstSecret() throws Exception {
    TokenService rotated = new TokenService(List.of(SECRET, OLD_SECRET), CLOCK);
    TokenService onlyNew = new TokenService(List.of(SECRET), CLOCK);
    TokenService onlyOld = new TokenService(List.of(OLD_SECRET), CLOCK);
    for (int i = 0; i < 20; i++) { // the JOSE signer picks at random among signing keys: try often
      String token = rotated.mint(new OrderId("o" + i), Duration.ofHours(1));
      assertEquals(new OrderId("o" + i), onlyNew.verify(token).orderId());
      assertEquals("bad token signature",
          assertThrows(TokenRejected.class, () -> onlyOld.verify(token)).getMessage());
    }
  }

  @Test
  void tokenSignedWithARetiredSecretIsRejected() {
    String oldToken = new TokenService(List.of(OLD_SECRET), CLOCK).mint(new OrderId("o1"), Duration.ofHours(1));
    assertEquals("bad token signature", rejection(oldToken));
  }

  @Test
  void serviceWithoutSecretsCannotBeBuilt() {
    assertThrows(IllegalArgumentException.class, () -> new TokenService(List.of(), CLOCK));
  }

  // --- rejected ----------------------------------------------------------------------------

  @Test
  void nullTokenIsRejectedAsMissing() {
    assertEquals("missing token", rejection(null));
  }

  @Test
  void emptyTokenIsRejectedAsMissing() {
    assertEquals("missing token", rejection(""));
  }

  @Test
  void twoSegmentTokenIsRejectedAsMalformed() {
    String token = hs256(validClaims(), SECRET);
    assertEquals("malformed token", rejection(token.substring(0, token.lastIndexOf('.'))));
  }

  @Test
  void fourSegmentTokenIsRejectedAsMalformed() {
    assertEquals("malformed token", rejection(hs256(validClaims(), SECRET) + ".extra"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"not-a-jwt", "!!!.@@@.###", "a.b.c", "...", "e30.e30"})
  void garbageIsRejectedAsMalformed(String token) {
    assertEquals("malformed token", rejection(token));
  }

  @Test
  void headerThatIsNotJsonIsRejectedAsMalformed() {
    String token = hs256(validClaims(), SECRET);
    String rest = token.substring(token.indexOf('.'));
    assertEquals("malformed token", rejection(b64("this is not json") + rest));
  }

  @Test
  void headerThatIsAJsonArrayIsRejectedAsMalformed() {
    String token = hs256(validClaims(), SECRET);
    assertEquals("malformed token", rejection(b64("[\"HS256\"]") + token.substring(token.indexOf('.'))));
  }

  @Test
  void payloadThatIsNotJsonIsRejectedAsMalformed() {
    String header = b64(new JsonObject().put("alg", "HS256").encode());
    String input = header + "." + b64("{not json");
    assertEquals("malformed token", rejection(input + "." + hmac("HmacSHA256", SECRET, input)));
  }

  @Test
  void signatureThatIsNotBase64IsRejected() {
    String token = hs256(validClaims(), SECRET);
    String bad = token.substring(0, token.lastIndexOf('.') + 1) + "***";
    String reason = rejection(bad);
    assertTrue(reason.equals("malformed token") || reason.equals("bad token signature"), reason);
  }

  @Test
  void unsignedAlgNoneTokenIsRejectedNamingTheAlgorithm() {
    String token = b64(new JsonObject().put("alg", "none").put("typ", "JWT").encode())
        + "." + b64(validClaims().encode()) + ".";
    assertEquals("token algorithm 'none' is not accepted; expected HS256", rejection(token));
  }

  @Test
  void algNoneWithoutTrailingDotIsRejected() {
    String token = b64(new JsonObject().put("alg", "none").encode()) + "." + b64(validClaims().encode());
    assertEquals("malformed token", rejection(token));
  }

  @Test
  void hs512TokenSignedWithTheRightSecretIsRejectedNamingTheAlgorithm() {
    String token = signed(new JsonObject().put("alg", "HS512").put("typ", "JWT"), validClaims(),
        "HmacSHA512", SECRET);
    assertEquals("token algorithm 'HS512' is not accepted; expected HS256", rejection(token));
  }

  @Test
  void headerWithoutAlgIsRejected() {
    String token = signed(new JsonObject().put("typ", "JWT"), validClaims(), "HmacSHA256", SECRET);
    assertEquals("token algorithm 'null' is not accepted; expected HS256", rejection(token));
  }

  @Test
  void lowercaseAlgIsRejected() {
    String token = signed(new JsonObject().put("alg", "hs256"), validClaims(), "HmacSHA256", SECRET);
    assertEquals("token algorithm 'hs256' is not accepted; expected HS256", rejection(token));
  }

  @Test
  void tokenSignedWithAnotherSecretIsRejectedAsBadSignature() {
    assertEquals("bad token signature", rejection(hs256(validClaims(), OTHER_SECRET)));
  }

  @Test
  void tamperedClaimsAreRejectedAsBadSignature() {
    String token = hs256(validClaims(), SECRET);
    String[] parts = token.split("\\.");
    String forged = parts[0] + "." + b64(validClaims().put("sub", "someone-else").encode()) + "." + parts[2];
    assertEquals("bad token signature", rejection(forged));
  }

  @Test
  void expiredTokenIsRejected() {
    assertEquals("token expired", rejection(hs256(validClaims().put("exp", NOW.getEpochSecond() - 1), SECRET)));
  }

  @Test
  void tokenExpiringExactlyNowIsRejected() {
    assertEquals("token expired", rejection(hs256(validClaims().put("exp", NOW.getEpochSecond()), SECRET)));
  }

  @Test
  void tokenExpiringOneSecondFromNowIsAccepted() throws Exception {
    TrackingToken t = tokens.verify(hs256(validClaims().put("exp", NOW.getEpochSecond() + 1), SECRET));
    assertEquals(NOW.plusSeconds(1), t.expiresAt());
  }

  @Test
  void mintedTokenExpiresWhenTheClockPassesItsTtl() {
    String token = tokens.mint(new OrderId("o1"), Duration.ofMinutes(10));
    TokenService later = new TokenService(List.of(SECRET), Clock.fixed(NOW.plusSeconds(601), ZoneOffset.UTC));
    assertEquals("token expired", assertThrows(TokenRejected.class, () -> later.verify(token)).getMessage());
  }

  @Test
  void tokenWithoutExpIsRejected() {
    JsonObject claims = validClaims();
    claims.remove("exp");
    assertEquals("token has no exp", rejection(hs256(claims, SECRET)));
  }

  @Test
  void nonNumericExpIsRejected() {
    assertEquals("token exp must be a number of seconds",
        rejection(hs256(validClaims().put("exp", "tomorrow"), SECRET)));
  }

  @Test
  void tokenNotValidYetIsRejected() {
    assertEquals("token not valid yet",
        rejection(hs256(validClaims().put("nbf", NOW.getEpochSecond() + 60), SECRET)));
  }

  @Test
  void wrongAudienceIsRejected() {
    assertEquals("token audience must be 'order-tracking'",
        rejection(hs256(validClaims().put("aud", "billing"), SECRET)));
  }

  @Test
  void missingAudienceIsRejected() {
    JsonObject claims = validClaims();
    claims.remove("aud");
    assertEquals("token audience must be 'order-tracking'", rejection(hs256(claims, SECRET)));
  }

  @Test
  void audienceArrayWithoutOrderTrackingIsRejected() {
    assertEquals("token audience must be 'order-tracking'",
        rejection(hs256(validClaims().put("aud", new JsonArray().add("billing")), SECRET)));
  }

  @Test
  void missingSubIsRejected() {
    JsonObject claims = validClaims();
    claims.remove("sub");
    assertEquals("token has no sub (order id)", rejection(hs256(claims, SECRET)));
  }

  @Test
  void nonStringSubIsRejected() {
    assertEquals("token has no sub (order id)", rejection(hs256(validClaims().put("sub", 42), SECRET)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a:b", "{o1}", "o 1", ""})
  void subThatIsNotAValidOrderIdIsRejected(String sub) {
    assertEquals("token sub is not a valid order id", rejection(hs256(validClaims().put("sub", sub), SECRET)));
  }

  @Test
  void rejectionReasonsNeverEchoTheSecret() {
    for (String token : List.of("x", hs256(validClaims(), OTHER_SECRET),
        hs256(validClaims().put("exp", 1), SECRET))) {
      String reason = rejection(token);
      assertTrue(!reason.contains(SECRET), reason);
    }
  }

  @Test
  void headerThatIsJsonNullIsRejectedAsMalformed() {
    String token = hs256(validClaims(), SECRET);
    assertEquals("malformed token", rejection(b64("null") + token.substring(token.indexOf('.'))));
  }

  @Test
  void payloadThatIsJsonNullIsRejectedAsMalformed() {
    String header = b64(new JsonObject().put("alg", "HS256").encode());
    String input = header + "." + b64("null");
    assertEquals("malformed token", rejection(input + "." + hmac("HmacSHA256", SECRET, input)));
  }

  @Test
  void payloadThatIsAJsonArrayIsRejectedAsMalformed() {
    String header = b64(new JsonObject().put("alg", "HS256").encode());
    String input = header + "." + b64("[1,2]");
    assertEquals("malformed token", rejection(input + "." + hmac("HmacSHA256", SECRET, input)));
  }

  @Test
  void expBeyondTheRangeOfInstantIsRefusedWithAReason() {
    String reason = rejection(hs256(validClaims().put("exp", 1e300), SECRET));
    assertTrue(reason.startsWith("token"), reason);
  }

  @Test
  void expiryIsRoundedUpToAWholeSecondSoAShortLinkIsNeverBornExpired() throws Exception {
    Clock midSecond = Clock.fixed(Instant.parse("2026-11-21T10:15:30.999Z"), ZoneOffset.UTC);
    TokenService service = new TokenService(List.of(SECRET), midSecond);
    Instant expiresAt = service.expiryFor(Duration.ofSeconds(1));
    assertEquals(Instant.parse("2026-11-21T10:15:32Z"), expiresAt);
    assertEquals(expiresAt, service.verify(service.mint(new OrderId("o1"), Duration.ofSeconds(1))).expiresAt());
  }
}
