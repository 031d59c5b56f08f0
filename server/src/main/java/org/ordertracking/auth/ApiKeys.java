package org.ordertracking.auth;

import java.util.Map;
import java.util.Optional;

/**
 * The ingest keys ({@code TRACKING_API_KEYS}, name=key) and the admin key. A key's name is the
 * provider stamped on the events it publishes, so publishers cannot choose it.
 */
public final class ApiKeys {
  private final Map<String, String> keysByName;
  private final String adminKey;

  public ApiKeys(Map<String, String> keysByName, String adminKey) {
    this.keysByName = Map.copyOf(keysByName);
    this.adminKey = adminKey;
  }

  /** The name of the API key presented in an {@code Authorization: Bearer} header, if any. */
  public Optional<String> provider(String authorizationHeader) {
    String presented = bearer(authorizationHeader);
    if (presented == null) {
      return Optional.empty();
    }
    String found = null;
    // Compare against every key, in constant time each, so timing says nothing about which matched.
    for (Map.Entry<String, String> e : keysByName.entrySet()) {
      if (Secrets.equal(presented, e.getValue())) {
        found = e.getKey();
      }
    }
    return Optional.ofNullable(found);
  }

  public boolean isAdmin(String authorizationHeader) {
    return adminKey != null && Secrets.equal(bearer(authorizationHeader), adminKey);
  }

  private static String bearer(String header) {
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String token = header.substring(7).trim();
    return token.isEmpty() ? null : token;
  }
}
