package org.ordertracking.adapters;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;

/**
 * Access tokens of the OAuth2 client-credentials flow (RFC 6749 §4.4) as Deliveroo's API issues
 * them: {@code POST <token endpoint>} with {@code Authorization: Basic base64(id:secret)} and
 * {@code grant_type=client_credentials}, answered {@code {"access_token", "expires_in",
 * "token_type": "Bearer"}} (Deliveroo's last five minutes; no refresh token).
 *
 * <ul>
 *   <li>Cached: one token serves every request until it is due for refresh.
 *   <li>Refreshed before it expires: at its lifetime minus a margin (a quarter of the lifetime, at
 *       most a minute), so no request goes out with a token about to lapse.
 *   <li>One fetch at a time: callers arriving while a token is being fetched share its answer.
 *   <li>{@link #renew(String)} after a 401: a token the API refused is dropped and a new one
 *       fetched, once per refused token however many requests saw the 401.
 * </ul>
 *
 * Confined to one Vert.x context (the poller's); the client secret is never logged.
 */
public final class OAuthTokens {
  private static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);
  private static final Duration MAX_MARGIN = Duration.ofMinutes(1);

  private final WebClient client;
  private final OAuthSettings settings;
  private final Clock clock;
  private final Duration timeout;
  private final String basic;

  private String token;
  private long refreshAtMillis;
  private Future<String> fetching;
  private volatile long fetches;

  public OAuthTokens(WebClient client, OAuthSettings settings, Clock clock, Duration timeout) {
    this.client = client;
    this.settings = settings;
    this.clock = clock;
    this.timeout = timeout;
    this.basic =
        Base64.getEncoder()
            .encodeToString(
                (settings.clientId() + ":" + settings.clientSecret()).getBytes(StandardCharsets.UTF_8));
  }

  /** A token to send now: the cached one, or a fresh one when none is cached or it is due. */
  public Future<String> token() {
    if (token != null && clock.millis() < refreshAtMillis) {
      return Future.succeededFuture(token);
    }
    return fetch();
  }

  /**
   * A new token after the API refused {@code refused} (401). If the cached token is another one
   * (a request that started earlier already renewed it), that one is returned without a fetch.
   */
  public Future<String> renew(String refused) {
    if (token != null && token.equals(refused)) {
      token = null;
    }
    return token();
  }

  /** Token requests made so far (tests and the metrics read it). */
  public long fetches() {
    return fetches;
  }

  private Future<String> fetch() {
    if (fetching != null) {
      return fetching;
    }
    fetches++;
    long requestedAt = clock.millis();
    Future<String> f =
        client
            .postAbs(settings.tokenUrl())
            .timeout(timeout.toMillis())
            .putHeader("Authorization", "Basic " + basic)
            .putHeader("Content-Type", "application/x-www-form-urlencoded")
            .putHeader("Accept", "application/json")
            .sendBuffer(Buffer.buffer("grant_type=client_credentials"))
            .compose(r -> accept(r, requestedAt));
    fetching = f;
    f.onComplete(ar -> fetching = null);
    return f;
  }

  private Future<String> accept(HttpResponse<Buffer> response, long requestedAt) {
    if (response.statusCode() != 200) {
      return Future.failedFuture(
          new IllegalStateException("token endpoint answered " + response.statusCode()));
    }
    JsonObject body;
    try {
      body = response.bodyAsJsonObject();
    } catch (RuntimeException e) {
      return Future.failedFuture(new IllegalStateException("token endpoint answered no JSON object"));
    }
    Object accessToken = body == null ? null : body.getValue("access_token");
    if (!(accessToken instanceof String s) || s.isBlank()) {
      return Future.failedFuture(new IllegalStateException("token endpoint answered no access_token"));
    }
    Object type = body.getValue("token_type");
    if (type != null && !"bearer".equals(String.valueOf(type).toLowerCase(Locale.ROOT))) {
      return Future.failedFuture(new IllegalStateException("token_type " + type + " is not Bearer"));
    }
    Duration lifetime = DEFAULT_LIFETIME;
    Object expiresIn = body.getValue("expires_in");
    if (expiresIn instanceof Number n && n.doubleValue() > 0 && Double.isFinite(n.doubleValue())) {
      lifetime = Duration.ofMillis((long) Math.min(n.doubleValue() * 1000, Long.MAX_VALUE / 4.0));
    }
    Duration margin = lifetime.dividedBy(4).compareTo(MAX_MARGIN) < 0 ? lifetime.dividedBy(4) : MAX_MARGIN;
    // Counted from the request, not the answer: the token's clock started before it reached us.
    refreshAtMillis = requestedAt + lifetime.minus(margin).toMillis();
    token = s;
    return Future.succeededFuture(s);
  }
}
