package org.ordertracking.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ordertracking.engine.redis.RedisConfig;
import org.ordertracking.engine.redis.RedisMode;
import org.ordertracking.server.Role;

/** PROTOCOL §7 configuration: defaults, required secrets and a precise error for each bad variable. */
class TrackingConfigTest {
  private static final String SECRET = "0123456789abcdef0123456789abcdef"; // exactly 32 bytes
  private static final String SECRET2 = "fedcba9876543210fedcba9876543210-old";

  private static Map<String, String> env(String... kv) {
    Map<String, String> m = new HashMap<>();
    m.put("TRACKING_TOKEN_SECRET", SECRET);
    for (int i = 0; i < kv.length; i += 2) {
      if (kv[i + 1] == null) {
        m.remove(kv[i]);
      } else {
        m.put(kv[i], kv[i + 1]);
      }
    }
    return m;
  }

  private static TrackingConfig config(String... kv) {
    return TrackingConfig.fromEnv(env(kv));
  }

  private static String error(String... kv) {
    return assertThrows(ConfigException.class, () -> config(kv)).getMessage();
  }

  private static void assertMentions(String variable, String message) {
    assertTrue(message.contains(variable), () -> "message should name " + variable + ": " + message);
  }

  // --- defaults ----------------------------------------------------------------------------

  @Test
  void defaultsMatchTheContract() {
    TrackingConfig c = config();
    assertEquals(8080, c.server().port());
    assertEquals("0.0.0.0", c.server().host());
    assertEquals(Duration.ofHours(24), c.engine().stateTtl());
    assertEquals(Duration.ofSeconds(20), c.gateway().pingInterval());
    assertEquals("http://localhost:8080", c.server().publicUrl());
    assertNull(c.engine().redis(), "no TRACKING_REDIS_URL means the in-memory engine");
    assertNull(c.auth().adminKey());
    assertTrue(c.auth().apiKeys().isEmpty());
    assertFalse(c.demo().enabled());
    assertEquals(List.of(SECRET), c.auth().tokenSecrets());
  }

  @Test
  void defaultPublicUrlFollowsTheConfiguredPort() {
    assertEquals("http://localhost:9090", config("TRACKING_PORT", "9090").server().publicUrl());
  }

  @Test
  void explicitValuesAreRead() {
    TrackingConfig c = config(
        "TRACKING_PORT", "9000",
        "TRACKING_HOST", "127.0.0.1",
        "TRACKING_STATE_TTL", "2h",
        "TRACKING_PING_INTERVAL", "500ms",
        "TRACKING_PUBLIC_URL", "https://track.example.com///",
        "TRACKING_ADMIN_KEY", "admin-key",
        "TRACKING_API_KEYS", "uber=k1, wolt = k2");
    assertEquals(9000, c.server().port());
    assertEquals("127.0.0.1", c.server().host());
    assertEquals(Duration.ofHours(2), c.engine().stateTtl());
    assertEquals(Duration.ofMillis(500), c.gateway().pingInterval());
    assertEquals("https://track.example.com", c.server().publicUrl(), "trailing slashes are dropped");
    assertEquals("admin-key", c.auth().adminKey());
    assertEquals(Map.of("uber", "k1", "wolt", "k2"), c.auth().apiKeys());
  }

  @ParameterizedTest
  @ValueSource(strings = {"90", "90s"})
  void bareNumberDurationIsSeconds(String value) {
    assertEquals(Duration.ofSeconds(90), config("TRACKING_STATE_TTL", value).engine().stateTtl());
  }

  @Test
  void durationUnitsAreMinutesAndDays() {
    assertEquals(Duration.ofMinutes(5), config("TRACKING_STATE_TTL", "5m").engine().stateTtl());
    assertEquals(Duration.ofDays(7), config("TRACKING_STATE_TTL", "7d").engine().stateTtl());
  }

  @Test
  void blankValuesFallBackToDefaults() {
    TrackingConfig c = config("TRACKING_PORT", "  ", "TRACKING_HOST", "", "TRACKING_STATE_TTL", " ");
    assertEquals(8080, c.server().port());
    assertEquals("0.0.0.0", c.server().host());
    assertEquals(Duration.ofHours(24), c.engine().stateTtl());
  }

  // --- token secrets -----------------------------------------------------------------------

  @Test
  void tokenSecretIsRequiredOutsideTheDemo() {
    String msg = error("TRACKING_TOKEN_SECRET", null);
    assertMentions("TRACKING_TOKEN_SECRET", msg);
    assertTrue(msg.contains("required"), msg);
  }

  @Test
  void blankTokenSecretIsTreatedAsMissing() {
    assertMentions("TRACKING_TOKEN_SECRET", error("TRACKING_TOKEN_SECRET", "   "));
  }

  @Test
  void demoRunsWithoutATokenSecret() {
    TrackingConfig c = config("TRACKING_TOKEN_SECRET", null, "TRACKING_DEMO", "true");
    assertTrue(c.demo().enabled());
    assertTrue(c.auth().tokenSecrets().isEmpty(), "the demo generates its own");
  }

  @Test
  void demoStillUsesAGivenTokenSecret() {
    assertEquals(List.of(SECRET), config("TRACKING_DEMO", "yes").auth().tokenSecrets());
  }

  @Test
  void secretShorterThan32BytesIsRefusedNamingTheVariableButNotTheSecret() {
    String shortSecret = "too-short-secret-31-bytes-long!";
    assertEquals(31, shortSecret.length());
    String msg = error("TRACKING_TOKEN_SECRET", shortSecret);
    assertMentions("TRACKING_TOKEN_SECRET", msg);
    assertMentions("32", msg);
    assertFalse(msg.contains(shortSecret), msg);
    assertFalse(msg.contains("too-short"), msg);
  }

  @Test
  void secretLengthIsCountedInUtf8Bytes() {
    String sixteenChars32Bytes = "\u00e9".repeat(16); // é is 2 bytes in UTF-8
    assertEquals(List.of(sixteenChars32Bytes),
        config("TRACKING_TOKEN_SECRET", sixteenChars32Bytes).auth().tokenSecrets());
    String msg = error("TRACKING_TOKEN_SECRET", "\u00e9".repeat(15));
    assertMentions("TRACKING_TOKEN_SECRET", msg);
  }

  @Test
  void commaSeparatedSecretsAreARotationListInOrder() {
    assertEquals(List.of(SECRET, SECRET2),
        config("TRACKING_TOKEN_SECRET", " " + SECRET + " , " + SECRET2 + ",").auth().tokenSecrets());
  }

  @Test
  void aShortSecondSecretIsRefusedAndNotEchoed() {
    String msg = error("TRACKING_TOKEN_SECRET", SECRET + ",tiny-old-secret");
    assertMentions("TRACKING_TOKEN_SECRET", msg);
    assertMentions("#2", msg);
    assertFalse(msg.contains("tiny-old-secret"), msg);
    assertFalse(msg.contains(SECRET), msg);
  }

  @Test
  void onlyCommasIsRefused() {
    assertMentions("TRACKING_TOKEN_SECRET", error("TRACKING_TOKEN_SECRET", ",,"));
  }

  // --- bad values --------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"TRACKING_STATE_TTL", "TRACKING_PING_INTERVAL", "TRACKING_DRAIN_WINDOW"})
  void badDurationIsRefusedNamingTheVariable(String variable) {
    String msg = error(variable, "soon");
    assertMentions(variable, msg);
    assertMentions("duration", msg);
  }

  @ParameterizedTest
  @ValueSource(strings = {"-5s", "1.5h", "10 s", "5w"})
  void malformedDurationsAreRefused(String value) {
    assertMentions("TRACKING_STATE_TTL", error("TRACKING_STATE_TTL", value));
  }

  @Test
  void durationBelowItsMinimumIsRefusedNamingTheVariable() {
    assertMentions("TRACKING_STATE_TTL", error("TRACKING_STATE_TTL", "0"));
    assertMentions("TRACKING_PING_INTERVAL", error("TRACKING_PING_INTERVAL", "99ms"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"http", "80.5", "-1", "65536", "99999999999"})
  void badPortIsRefusedNamingTheVariable(String port) {
    assertMentions("TRACKING_PORT", error("TRACKING_PORT", port));
  }

  @Test
  void portBoundariesAreAccepted() {
    assertEquals(0, config("TRACKING_PORT", "0").server().port());
    assertEquals(65535, config("TRACKING_PORT", "65535").server().port());
  }

  @Test
  void badBooleanIsRefusedNamingTheVariable() {
    assertMentions("TRACKING_DEMO", error("TRACKING_DEMO", "maybe"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"uber", "=k1", "uber=", "uber=k1,wolt"})
  void badApiKeyPairIsRefusedNamingTheVariable(String value) {
    assertMentions("TRACKING_API_KEYS", error("TRACKING_API_KEYS", value));
  }

  @Test
  void badApiKeyPairDoesNotEchoTheKeyAfterTheEqualsSign() {
    String msg = error("TRACKING_API_KEYS", "=super-secret-key-1");
    assertFalse(msg.contains("super-secret-key-1"), msg);
  }

  /** An operator who forgets the name (a bare key) must not find the key echoed in the logs. */
  @Test
  void apiKeyEntryWithoutANameIsRefusedWithoutEchoingTheKey() {
    String msg = error("TRACKING_API_KEYS", "uber=k1,sk_live_super_secret_key");
    assertMentions("TRACKING_API_KEYS", msg);
    assertFalse(msg.contains("sk_live_super_secret_key"), msg);
  }

  @Test
  void duplicateApiKeyNameIsRefusedNamingTheVariableAndTheName() {
    String msg = error("TRACKING_API_KEYS", "uber=k1,wolt=k2,uber=k3");
    assertMentions("TRACKING_API_KEYS", msg);
    assertMentions("'uber'", msg);
    assertFalse(msg.contains("k3"), msg);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ub er=k1", "uber:eats=k1", "{x}=k1"})
  void apiKeyNameOutsideTheProviderAlphabetIsRefused(String value) {
    assertMentions("TRACKING_API_KEYS", error("TRACKING_API_KEYS", value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://redis:6379", "localhost:6379", "redis:6379", "tcp://redis", "redis://", "unix:///tmp/redis.sock"})
  void redisUrlWithABadSchemeOrNoHostIsRefusedNamingTheVariable(String url) {
    assertMentions("TRACKING_REDIS_URL", error("TRACKING_REDIS_URL", url));
  }

  @Test
  void redisUrlThatIsNotAUrlIsRefusedNamingTheVariable() {
    assertMentions("TRACKING_REDIS_URL", error("TRACKING_REDIS_URL", "redis://bad host:6379"));
  }

  @Test
  void badPublicUrlIsRefusedNamingTheVariable() {
    assertMentions("TRACKING_PUBLIC_URL", error("TRACKING_PUBLIC_URL", "ftp://example.com"));
  }

  // --- Redis passwords ---------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {
      "redis://:hunter2-pass@redis:6379",
      "redis://default:hunter2-pass@redis:6379/0",
      "rediss://app-user:hunter2-pass@redis.internal:6380"})
  void redisPasswordInTheUserInfoNeverAppearsInTheLogForm(String url) {
    TrackingConfig c = config("TRACKING_REDIS_URL", url);
    assertEquals(List.of(url), c.engine().redis().urls(), "the engine gets the real URL");
    String logged = c.engine().redis().urlsForLogs();
    assertFalse(logged.contains("hunter2"), logged);
    assertTrue(logged.contains("redis"), logged);
    assertTrue(logged.contains("***"), logged);
  }

  @Test
  void redisUrlWithoutPasswordIsLoggedAsIs() {
    assertEquals("redis://redis:6379", config("TRACKING_REDIS_URL", "redis://redis:6379").engine().redis().urlsForLogs());
  }

  @Test
  void rejectedRedisUrlNeverEchoesItsPassword() {
    String msg = error("TRACKING_REDIS_URL", "http://user:hunter2-pass@redis:6379");
    assertMentions("TRACKING_REDIS_URL", msg);
    assertFalse(msg.contains("hunter2"), msg);
  }

  /**
   * Vert.x's Redis client also takes the password as a {@code ?password=} query parameter
   * (RedisURI), so such a URL is valid and must be redacted too.
   */
  @Test
  void redisPasswordGivenAsAQueryParameterNeverAppearsInTheLogForm() {
    String logged = config("TRACKING_REDIS_URL", "redis://redis:6379/0?password=hunter2-pass").engine().redis().urlsForLogs();
    assertFalse(logged.contains("hunter2"), logged);
  }

  /** Generated passwords often hold '/' (base64): a URL the config refuses must not echo it. */
  @Test
  void rejectedRedisUrlWithASlashInThePasswordNeverEchoesIt() {
    String msg = error("TRACKING_REDIS_URL", "redis://:hun/ter2-pass@redis:6379");
    assertMentions("TRACKING_REDIS_URL", msg);
    assertFalse(msg.contains("ter2-pass"), msg);
  }

  /**
   * Issue 8 #11: a password holding '?' (or '#', '@', '/') was cut at that character and its
   * beginning echoed ({@code redis://:pa} of {@code redis://:pa?ss@host}). Every piece of these
   * passwords holds "secret", so no piece may appear in the one-line message.
   */
  @ParameterizedTest
  @ValueSource(strings = {"secretA?secretB", "secretA#secretB", "secretA@secretB", "secretA/secretB",
      "secretA?secretB#secretC@secretD/secretE", "user:secretA?secretB", "?secretB", "secretA@"})
  void aRedisPasswordWithUrlDelimitersNeverAppearsInTheConfigError(String password) {
    for (String url : new String[] {"redis://" + (password.startsWith("user:") ? "" : ":") + password + "@redis:6379",
        "http://:" + password + "@redis:6379", "redis://:" + password + "@redis:6379/0?password=" + password}) {
      String msg;
      try {
        msg = "accepted, logged as " + config("TRACKING_REDIS_URL", url).engine().redis().urlsForLogs();
      } catch (ConfigException e) {
        msg = e.getMessage();
        assertMentions("TRACKING_REDIS_URL", msg);
      }
      assertFalse(msg.contains("secret"), url + " -> " + msg);
    }
  }

  @Test
  void redactionKeepsSchemeHostAndPortAndHidesEverythingElse() {
    assertEquals("redis://***@redis:6379/0", Env.redact("redis://u:pw@redis:6379/0?password=x@y#z"));
    assertEquals("redis://***", Env.redact("redis://u:p?a#s@s/w@redis:6379/0?password=x#y"));
    assertEquals("rediss://redis:6380", Env.redact("rediss://redis:6380?password=x"));
    assertEquals("redis://redis:6379", Env.redact("redis://redis:6379#x"));
    assertEquals("***", Env.redact("hunter2-pasted-without-a-scheme"));
  }

  // --- Redis mode --------------------------------------------------------------------------

  @Test
  void redisModeIsStandaloneByDefault() {
    assertEquals(RedisMode.STANDALONE, config("TRACKING_REDIS_URL", "redis://redis:6379").engine().redis().mode());
  }

  @Test
  void clusterModeTakesSeveralSeedNodesAndHidesEachPassword() {
    RedisConfig redis = config(
        "TRACKING_REDIS_MODE", "cluster",
        "TRACKING_REDIS_URL", "redis://:hunter2-pass@r1:7000, redis://:hunter2-pass@r2:7001").engine().redis();
    assertEquals(RedisMode.CLUSTER, redis.mode());
    assertEquals(List.of("redis://:hunter2-pass@r1:7000", "redis://:hunter2-pass@r2:7001"), redis.urls());
    assertEquals("redis://***@r1:7000,redis://***@r2:7001", redis.urlsForLogs());
  }

  @Test
  void severalUrlsNeedClusterMode() {
    String msg = error("TRACKING_REDIS_URL", "redis://r1:6379,redis://r2:6379");
    assertMentions("TRACKING_REDIS_URL", msg);
    assertMentions("TRACKING_REDIS_MODE=cluster", msg);
  }

  @Test
  void clusterModeNeedsSeedNodes() {
    assertMentions("TRACKING_REDIS_URL", error("TRACKING_REDIS_MODE", "cluster"));
  }

  @Test
  void unknownRedisModeIsRefusedNamingTheVariable() {
    String msg = error("TRACKING_REDIS_MODE", "sentinel", "TRACKING_REDIS_URL", "redis://r1:6379");
    assertMentions("TRACKING_REDIS_MODE", msg);
    assertMentions("standalone or cluster", msg);
  }

  // --- roles ---------------------------------------------------------------------------------

  @Test
  void aNodeRunsEveryRoleByDefault() {
    assertEquals(Role.ALL, config().server().roles());
  }

  @Test
  void rolesAreReadCaseInsensitivelyAndNeedRedisWhenSplit() {
    assertEquals(Set.of(Role.GATEWAY, Role.INGEST),
        config("TRACKING_ROLES", " Gateway, ingest ", "TRACKING_REDIS_URL", "redis://r:6379").server().roles());
    String msg = error("TRACKING_ROLES", "gateway");
    assertMentions("TRACKING_ROLES", msg);
    assertMentions("TRACKING_REDIS_URL", msg);
  }

  @ParameterizedTest
  @ValueSource(strings = {"poller", "gateway,web", ",,"})
  void unknownOrNoRolesAreRefusedNamingTheVariable(String value) {
    String msg = error("TRACKING_ROLES", value, "TRACKING_REDIS_URL", "redis://r:6379");
    assertMentions("TRACKING_ROLES", msg);
    assertMentions("gateway, ingest, adapters", msg);
  }

  // --- every module's variables are read here, at start-up -----------------------------

  @Test
  void aBadAdapterVariableFailsTheWholeConfiguration() {
    assertMentions("TRACKING_WEBHOOK_SECRETS", error("TRACKING_WEBHOOK_SECRETS", "nosuch=secret"));
    assertMentions("TRACKING_DELIVEROO_POLL_INTERVAL",
        error("TRACKING_DELIVEROO_API_URL", "http://127.0.0.1:9",
            "TRACKING_DELIVEROO_AUTH_URL", "http://127.0.0.1:9/oauth2/token",
            "TRACKING_DELIVEROO_CLIENT_ID", "client", "TRACKING_DELIVEROO_CLIENT_SECRET", "client-secret",
            "TRACKING_DELIVEROO_POLL_INTERVAL", "often"));
  }

  @Test
  void aBadPageVariableFailsTheWholeConfiguration() {
    assertMentions("TRACKING_MAP_TILES_URL", error("TRACKING_MAP_TILES_URL", "ftp://tiles.example.org/{z}/{x}/{y}"));
  }
}
