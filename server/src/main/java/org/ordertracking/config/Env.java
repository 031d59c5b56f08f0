package org.ordertracking.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed reads of environment variables, each failure a {@link ConfigException} naming the variable
 * and what it wants. Feature packages read their own {@code TRACKING_*} variables through it.
 */
public final class Env {
  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)?");

  private final Map<String, String> vars;

  public Env(Map<String, String> vars) {
    this.vars = vars;
  }

  /** The value, trimmed; null when unset or blank. */
  public String get(String name) {
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
}
