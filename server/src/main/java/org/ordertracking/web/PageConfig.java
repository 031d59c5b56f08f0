package org.ordertracking.web;

import java.net.URI;
import java.net.URISyntaxException;
import org.ordertracking.config.ConfigException;
import org.ordertracking.config.Env;

/**
 * The tracking page's own settings, read from {@code TRACKING_MAP_*}.
 *
 * @param tilesUrl a Leaflet tile URL template ({@code {z}/{x}/{y}}, optional {@code {s}}, {@code {r}})
 * @param attribution the HTML credit line the tile provider requires (operator-controlled)
 */
public record PageConfig(String tilesUrl, String attribution) {
  public static final String TILES_URL = "TRACKING_MAP_TILES_URL";
  public static final String ATTRIBUTION = "TRACKING_MAP_ATTRIBUTION";
  public static final String DEFAULT_TILES_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
  public static final String DEFAULT_ATTRIBUTION =
      "&copy; <a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a> contributors";

  public static PageConfig fromEnv(Env env) {
    String tiles = env.get(TILES_URL, DEFAULT_TILES_URL);
    if (!(tiles.startsWith("https://") || tiles.startsWith("http://"))
        || !tiles.contains("{z}") || !tiles.contains("{x}") || !tiles.contains("{y}")) {
      throw new ConfigException(TILES_URL
          + " must be an http(s) tile URL template with {z}, {x} and {y}, e.g. " + DEFAULT_TILES_URL
          + ", got '" + tiles + "'");
    }
    PageConfig config = new PageConfig(tiles, env.get(ATTRIBUTION, DEFAULT_ATTRIBUTION));
    config.tilesOrigin(); // fails here, at start-up, rather than on the first page view
    return config;
  }

  /**
   * The tile server as a Content-Security-Policy source: {@code https://tile.example.org:8443}, or
   * {@code https://*.tile.example.org} for a {@code {s}} subdomain template, or just the scheme
   * when the host has other placeholders.
   */
  public String tilesOrigin() {
    int schemeEnd = tilesUrl.indexOf("://");
    String scheme = tilesUrl.substring(0, schemeEnd);
    int hostEnd = tilesUrl.indexOf('/', schemeEnd + 3);
    String authority = tilesUrl.substring(schemeEnd + 3, hostEnd < 0 ? tilesUrl.length() : hostEnd);
    if (authority.startsWith("{s}.")) {
      authority = "*." + authority.substring(4);
    }
    if (authority.contains("{") || authority.contains("}")) {
      return scheme + ":";
    }
    try {
      URI uri = new URI(scheme + "://" + authority.replace("*.", "x."));
      if (uri.getHost() == null) {
        throw new URISyntaxException(authority, "no host");
      }
    } catch (URISyntaxException e) {
      throw new ConfigException(TILES_URL + " has no valid host: '" + tilesUrl + "'");
    }
    return scheme + "://" + authority;
  }
}
