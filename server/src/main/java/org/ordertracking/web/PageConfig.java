package org.ordertracking.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.ordertracking.config.ConfigException;
import org.ordertracking.config.Env;

/**
 * The tracking page's own settings, read from {@code TRACKING_MAP_*} and {@code
 * TRACKING_COURIER_PHOTO_SOURCES}.
 *
 * @param tilesUrl a Leaflet tile URL template ({@code {z}/{x}/{y}}, optional {@code {s}}, {@code {r}})
 * @param attribution the HTML credit line the tile provider requires (operator-controlled)
 * @param photoSources where couriers' photos may load from, as Content-Security-Policy sources
 *     ({@code https://host[:port]} or {@code https://*.host}); empty: the courier card shows no
 *     photo (the providers' photo hosts are theirs to change, so they are not guessed)
 */
public record PageConfig(String tilesUrl, String attribution, List<String> photoSources) {
  public static final String TILES_URL = "TRACKING_MAP_TILES_URL";
  public static final String PHOTO_SOURCES = "TRACKING_COURIER_PHOTO_SOURCES";
  /** An https origin, or a wildcard subdomain origin, with an optional port; nothing else. */
  private static final Pattern PHOTO_SOURCE =
      Pattern.compile("https://(\\*\\.)?[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*(:[0-9]{1,5})?");
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
    PageConfig config =
        new PageConfig(tiles, env.get(ATTRIBUTION, DEFAULT_ATTRIBUTION), photoSources(env.get(PHOTO_SOURCES, "")));
    config.tilesOrigin(); // fails here, at start-up, rather than on the first page view
    return config;
  }

  /** Without photo sources (tests and callers that show no courier photos). */
  public PageConfig(String tilesUrl, String attribution) {
    this(tilesUrl, attribution, List.of());
  }

  public PageConfig {
    photoSources = List.copyOf(photoSources);
  }

  /**
   * The comma-separated photo sources, each checked: they go into the page's security policy
   * verbatim, so anything but a plain https origin (a path, a quote, a ';' that would start a new
   * directive, plain http) stops start-up.
   */
  static List<String> photoSources(String raw) {
    List<String> out = new ArrayList<>();
    int position = 0;
    for (String part : raw.split(",", -1)) {
      position++;
      String source = part.trim();
      if (source.isEmpty() && raw.isBlank()) {
        continue;
      }
      if (!PHOTO_SOURCE.matcher(source).matches()) {
        throw new ConfigException(PHOTO_SOURCES + " must list https origins separated by commas, such as"
            + " https://photos.example.com or https://*.cdn.example.com; entry #" + position + " is '" + source + "'");
      }
      out.add(source.toLowerCase(Locale.ROOT));
    }
    return out;
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
