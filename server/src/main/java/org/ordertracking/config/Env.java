package org.ordertracking.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed reads of environment variables, each failure a {@link ConfigException} naming the variable
 * and what it wants. Each module's {@code XxxConfig.fromEnv(Env)} reads its own {@code TRACKING_*}
 * variables through it, once, at start-up; {@link TrackingConfig} composes them. It remembers the
 * names it was asked for, so a test can hold the README's configuration table to them.
 */
public final class Env {
  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)?");

  private final Map<String, String> vars;
  private final Set<String> namesRead = new TreeSet<>();

  public Env(Map<String, String> vars) {
    this.vars = Map.copyOf(vars);
  }

  /** This environment with {@code defaults} for the variables it does not set (the demo's wiring). */
  public Env withDefaults(Map<String, String> defaults) {
    Map<String, String> merged = new HashMap<>(defaults);
    merged.putAll(vars);
    return new Env(merged);
  }

  /** Every variable name read so far, set or not. */
  public Set<String> namesRead() {
    return Collections.unmodifiableSet(namesRead);
  }

  /** The value, trimmed; null when unset or blank. */
  public String get(String name) {
    namesRead.add(name);
    String v = vars.get(name);
    if (v == null || v.isBlank()) {
      return null;
    }
    return v.trim();
  }

  public String get(String name, String fallback) {
    String v = get(name);
    return v == null ? fallback : v;
  }

  public int intValue(String name, int fallback, int min, int max) {
    String v = get(name);
    if (v == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < min || n > max) {
        throw new ConfigException(name + " must be between " + min + " and " + max + ", got " + v);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new ConfigException(name + " must be a whole number, got '" + v + "'");
    }
  }

  public boolean bool(String name, boolean fallback) {
    String v = get(name);
    if (v == null) {
      return fallback;
    }
    return switch (v.toLowerCase()) {
      case "true", "1", "yes", "on" -> true;
      case "false", "0", "no", "off" -> false;
      default -> throw new ConfigException(name + " must be true or false, got '" + v + "'");
    };
  }

  /** A duration such as {@code 24h}, {@code 20s}, {@code 500ms}, {@code 7d}; a bare number is seconds. */
  public Duration duration(String name, Duration fallback, Duration min) {
    String v = get(name);
    if (v == null) {
      return fallback;
    }
    Matcher m = DURATION.matcher(v);
    if (!m.matches()) {
      throw new ConfigException(
          name + " must be a duration like 30s, 5m, 24h or 7d (a bare number is seconds), got '" + v + "'");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    Duration d =
        switch (unit) {
          case "ms" -> Duration.ofMillis(n);
          case "m" -> Duration.ofMinutes(n);
          case "h" -> Duration.ofHours(n);
          case "d" -> Duration.ofDays(n);
          default -> Duration.ofSeconds(n);
        };
    if (d.compareTo(min) < 0) {
      throw new ConfigException(name + " must be at least " + min.toMillis() + " ms, got '" + v + "'");
    }
    return d;
  }

  /** {@code name=value} pairs separated by commas, in order; duplicate names are refused. */
  public Map<String, String> pairs(String name) {
    Map<String, String> out = new LinkedHashMap<>();
    String v = get(name);
    if (v == null) {
      return out;
    }
    int position = 0;
    for (String item : v.split(",")) {
      String entry = item.trim();
      position++;
      if (entry.isEmpty()) {
        continue;
      }
      int eq = entry.indexOf('=');
      if (eq <= 0 || eq == entry.length() - 1) {
        // The entry may be a secret pasted without its name: say where, never what.
        throw new ConfigException(name + " must hold name=value pairs separated by commas; entry #"
            + position + " is not one");
      }
      String key = entry.substring(0, eq).trim();
      if (out.put(key, entry.substring(eq + 1).trim()) != null) {
        throw new ConfigException(name + " names '" + key + "' twice");
      }
    }
    return out;
  }

  /** Refuses a URL without a host or with another scheme; the message never shows a password. */
  public void checkUrl(String name, String value, String... schemes) {
    try {
      URI uri = new URI(value);
      if (uri.getScheme() == null || !Arrays.asList(schemes).contains(uri.getScheme())
          || uri.getHost() == null) {
        throw new ConfigException(name + " must be a " + String.join(" or ", schemes)
            + " URL with a host, got '" + redact(value) + "'");
      }
    } catch (URISyntaxException e) {
      throw new ConfigException(name + " is not a valid URL: '" + redact(value) + "'");
    }
  }

  /**
   * URLs may carry passwords ({@code redis://user:pass@host}, or {@code ?password=} which the
   * Redis client also reads): never echo them. A generated password may hold any of '/', '?', '#'
   * and '@', so no guess is made about where it ends: a URL that parses with a host is shown as
   * scheme, {@code ***@} for any user info, host, port and path (never the query or fragment); one
   * that does not parse is shown as its scheme alone when it holds an '@' anywhere, else up to its
   * query or fragment. A value that is no URL at all is not shown.
   */
  public static String redact(String url) {
    int start = url.indexOf("://");
    if (start < 0) {
      return "***";
    }
    String scheme = url.substring(0, start + 3);
    try {
      URI uri = new URI(url);
      if (uri.getHost() != null) {
        return scheme + (uri.getRawUserInfo() != null ? "***@" : "") + uri.getHost()
            + (uri.getPort() >= 0 ? ":" + uri.getPort() : "")
            + (uri.getRawPath() == null ? "" : uri.getRawPath());
      }
    } catch (URISyntaxException e) {
      // shown below without anything that could be a secret
    }
    String rest = url.substring(start + 3);
    if (rest.indexOf('@') >= 0) {
      return scheme + "***";
    }
    int cut = indexOfAny(rest, '?', '#');
    return scheme + (cut >= 0 ? rest.substring(0, cut) : rest);
  }

  private static int indexOfAny(String s, char a, char b) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == a || s.charAt(i) == b) {
        return i;
      }
    }
    return -1;
  }

}
