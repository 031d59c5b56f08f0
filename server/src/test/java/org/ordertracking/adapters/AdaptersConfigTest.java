package org.ordertracking.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ordertracking.config.ConfigException;
import org.ordertracking.config.Env;

class AdaptersConfigTest {

  private static AdaptersConfig config(Map<String, String> vars) {
    return AdaptersConfig.fromEnv(new Env(vars));
  }

  @Test
  void aProviderMayHaveSeveralSecretsAnyOfWhichVerifies() {
    AdaptersConfig c = config(Map.of("TRACKING_WEBHOOK_SECRETS", "uber=k1|k2,doordash=Basic abc=="));
    assertEquals(List.of("k1", "k2"), c.secretsOf("uber"));
    assertEquals(List.of("Basic abc=="), c.secretsOf("doordash"));
    assertEquals(List.of(), c.secretsOf("onfleet"));
  }

  @Test
  void unknownProvidersAndEmptySecretListsAreRefused() {
    assertTrue(assertThrows(ConfigException.class,
            () -> config(Map.of("TRACKING_WEBHOOK_SECRETS", "ubr=k1"))).getMessage()
        .contains("unknown provider 'ubr'; known: deliveroo, doordash, onfleet, uber"));
    assertEquals("TRACKING_WEBHOOK_SECRETS has no secret for 'uber'",
        assertThrows(ConfigException.class,
            () -> config(Map.of("TRACKING_WEBHOOK_SECRETS", "uber=|"))).getMessage());
  }

  @Test
  void anOnfleetSecretMustBeHexAndTheMessageNeverShowsIt() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> config(Map.of("TRACKING_WEBHOOK_SECRETS", "onfleet=not-hex-secret")));
    assertFalse(e.getMessage().contains("not-hex-secret"));
    assertTrue(e.getMessage().contains("hexadecimal"));
    config(Map.of("TRACKING_WEBHOOK_SECRETS", "onfleet=00ff|a1b2"));
  }

  @Test
  void deliverooPollingTakesOAuthClientCredentials() {
    Map<String, String> vars = new HashMap<>();
    vars.put("TRACKING_DELIVEROO_API_URL", "https://api.developers.deliveroo.com/");
    ConfigException missing = assertThrows(ConfigException.class, () -> config(vars));
    assertTrue(missing.getMessage().startsWith("TRACKING_DELIVEROO_AUTH_URL is required"), missing.getMessage());
    vars.put("TRACKING_DELIVEROO_AUTH_URL", "https://auth.developers.deliveroo.com/oauth2/token");
    vars.put("TRACKING_DELIVEROO_CLIENT_ID", "client-1");
    assertThrows(ConfigException.class, () -> config(vars));
    vars.put("TRACKING_DELIVEROO_CLIENT_SECRET", "s3cret");
    PollerSettings poll = config(vars).deliverooPoll();
    assertEquals("https://api.developers.deliveroo.com", poll.baseUrl());
    assertEquals(new OAuthSettings("https://auth.developers.deliveroo.com/oauth2/token", "client-1", "s3cret"), poll.auth());
    assertEquals(Duration.ofSeconds(60), poll.interval());
    vars.put("TRACKING_DELIVEROO_AUTH_URL", "ftp://x");
    assertEquals("TRACKING_DELIVEROO_AUTH_URL must be an http or https URL",
        assertThrows(ConfigException.class, () -> config(vars)).getMessage());
  }

  @Test
  void withoutApiUrlPollingIsOff() {
    assertNull(config(Map.of()).deliverooPoll());
  }
}
