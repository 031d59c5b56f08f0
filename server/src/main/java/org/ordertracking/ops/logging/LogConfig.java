package org.ordertracking.ops.logging;

import java.util.List;
import java.util.Locale;
import org.ordertracking.config.ConfigException;
import org.ordertracking.config.Env;

/**
 * How the node logs: the root level ({@code TRACKING_LOG_LEVEL}) and the line format ({@code
 * TRACKING_LOG_FORMAT}: {@code text} for people, {@code json} for log pipelines). A value that is
 * not one of the known ones stops start-up like every other bad setting, rather than silently
 * logging at some other level.
 */
public record LogConfig(String level, Format format) {
  static final List<String> LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

  public enum Format {
    TEXT,
    JSON
  }

  public static LogConfig fromEnv(Env env) {
    String level = env.get("TRACKING_LOG_LEVEL", "INFO").toUpperCase(Locale.ROOT);
    if (!LEVELS.contains(level)) {
      throw new ConfigException("TRACKING_LOG_LEVEL must be one of trace, debug, info, warn, error, off; got '"
          + env.get("TRACKING_LOG_LEVEL") + "'");
    }
    String format = env.get("TRACKING_LOG_FORMAT", "text").toLowerCase(Locale.ROOT);
    return switch (format) {
      case "text" -> new LogConfig(level, Format.TEXT);
      case "json" -> new LogConfig(level, Format.JSON);
      default -> throw new ConfigException("TRACKING_LOG_FORMAT must be text or json; got '"
          + env.get("TRACKING_LOG_FORMAT") + "'");
    };
  }

  public static LogConfig defaults() {
    return new LogConfig("INFO", Format.TEXT);
  }
}
