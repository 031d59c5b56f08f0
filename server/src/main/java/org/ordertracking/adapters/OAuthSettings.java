package org.ordertracking.adapters;

/**
 * OAuth2 client credentials for a provider API (Deliveroo's machine-to-machine flow).
 *
 * @param tokenUrl the token endpoint, e.g. {@code https://auth.developers.deliveroo.com/oauth2/token}
 * @param clientId the application's client id
 * @param clientSecret its secret; never logged ({@link #toString()} leaves it out)
 */
public record OAuthSettings(String tokenUrl, String clientId, String clientSecret) {
  @Override
  public String toString() {
    return "OAuthSettings[tokenUrl=" + tokenUrl + ", clientId=" + clientId + "]";
  }
}
