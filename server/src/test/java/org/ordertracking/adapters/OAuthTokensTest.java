package org.ordertracking.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordertracking.simulator.ProviderSimulator;
import org.ordertracking.simulator.SimulatorConfig;
import org.ordertracking.testing.Await;
import org.ordertracking.testing.ManualClock;

/** The client-credentials flow against the simulated Deliveroo token endpoint on loopback. */
class OAuthTokensTest {
  private Vertx vertx;
  private ProviderSimulator sim;
  private WebClient client;
  private Context context;
  private final ManualClock clock = new ManualClock(Instant.parse("2026-03-14T12:00:00Z"));

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    sim = Await.result(ProviderSimulator.start(vertx,
        SimulatorConfig.of(null, Map.of(), 0, List.of("deliveroo"), Duration.ofSeconds(1), 1,
            "127.0.0.1", 0, "client-1", "s3cret")));
    client = WebClient.create(vertx);
    context = vertx.getOrCreateContext();
  }

  @AfterEach
  void stop() {
    Await.result(sim.close());
    Await.result(vertx.close());
  }

  private OAuthTokens tokens(String clientSecret) {
    return new OAuthTokens(client, new OAuthSettings(sim.deliverooTokenUrl(), "client-1", clientSecret),
        clock, Duration.ofSeconds(5));
  }

  /** Runs on one context, as the poller does. */
  private <T> T on(Supplier<Future<T>> call) {
    Promise<T> p = Promise.promise();
    context.runOnContext(v -> call.get().onComplete(p));
    return Await.result(p.future());
  }

  @Test
  void aTokenIsFetchedOnceAndServedFromTheCache() {
    OAuthTokens tokens = tokens("s3cret");
    String first = on(tokens::token);
    assertEquals(first, on(tokens::token));
    assertEquals(1, tokens.fetches());
    assertEquals(1, Await.result(sim.tokensIssued()));
  }

  @Test
  void callersArrivingDuringAFetchShareIt() {
    OAuthTokens tokens = tokens("s3cret");
    List<String> both = on(() -> Future.all(tokens.token(), tokens.token()).map(cf -> List.of(cf.resultAt(0), cf.resultAt(1))));
    assertEquals(both.get(0), both.get(1));
    assertEquals(1, tokens.fetches());
  }

  @Test
  void theTokenIsRefreshedBeforeItExpires() {
    OAuthTokens tokens = tokens("s3cret");
    String first = on(tokens::token);
    // Deliveroo's tokens live 300 s; the refresh is due a minute before.
    clock.advance(Duration.ofSeconds(239));
    assertEquals(first, on(tokens::token));
    clock.advance(Duration.ofSeconds(2));
    String second = on(tokens::token);
    assertNotEquals(first, second);
    assertEquals(2, tokens.fetches());
  }

  @Test
  void aRefusedTokenIsRenewedOnceHoweverManyRequestsSawIt() {
    OAuthTokens tokens = tokens("s3cret");
    String refused = on(tokens::token);
    String renewed = on(() -> tokens.renew(refused));
    assertNotEquals(refused, renewed);
    // A second request that used the old token learns of the renewal without a fetch.
    assertEquals(renewed, on(() -> tokens.renew(refused)));
    assertEquals(2, tokens.fetches());
  }

  @Test
  void wrongCredentialsFailWithoutTellingTheSecret() {
    OAuthTokens tokens = tokens("wrong-secret");
    AssertionError e = assertThrows(AssertionError.class, () -> on(tokens::token));
    assertTrue(e.getMessage().contains("token endpoint answered 401"), e.getMessage());
    assertFalse(e.getMessage().contains("wrong-secret"));
    assertFalse(new OAuthSettings("u", "id", "wrong-secret").toString().contains("wrong-secret"));
  }

  @Test
  void anUnavailableTokenEndpointFailsAndTheNextCallTriesAgain() {
    OAuthTokens tokens = tokens("s3cret");
    sim.faults().failTokenRequests(1);
    assertThrows(AssertionError.class, () -> on(tokens::token));
    on(tokens::token);
    assertEquals(2, tokens.fetches());
  }
}
