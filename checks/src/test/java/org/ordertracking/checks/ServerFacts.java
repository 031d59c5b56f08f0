package org.ordertracking.checks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the deployment files must agree with, read from the server's own sources: the environment
 * variables it reads, its health paths, and the defaults its README table documents.
 */
final class ServerFacts {
  private static final Pattern VARIABLE = Pattern.compile("\\b(?:TRACKING|SIM)_[A-Z0-9_]*[A-Z0-9]\\b");
  private static final Pattern HEALTH_PATH = Pattern.compile("\"(/health/[a-z]+)\"");
  private static final Pattern TABLE_ROW = Pattern.compile("^\\| `([A-Z0-9_]+)` \\| `([^`]*)` \\|", Pattern.MULTILINE);
  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)?");

  private static Set<String> variables;

  private ServerFacts() {}

  /** Every TRACKING_* and SIM_* name that appears in the server's main sources and resources. */
  static synchronized Set<String> variables() {
    if (variables == null) {
      Set<String> names = new TreeSet<>();
      for (Path file : Repository.files("server/src/main")) {
        Matcher m = VARIABLE.matcher(Repository.read(file));
        while (m.find()) {
          names.add(m.group());
        }
      }
      variables = names;
    }
    return variables;
  }

  static boolean reads(String variable) {
    return variables().contains(variable);
  }

  /** The string literals "/health/..." the server's code routes. */
  static Set<String> healthPaths() {
    Set<String> paths = new TreeSet<>();
    for (Path file : Repository.files("server/src/main/java")) {
      Matcher m = HEALTH_PATH.matcher(Repository.read(file));
      while (m.find()) {
        paths.add(m.group(1));
      }
    }
    return paths;
  }

  /** A variable's default as the README's configuration table gives it. */
  static String documentedDefault(String variable) {
    Matcher m = TABLE_ROW.matcher(Repository.read("README.md"));
    while (m.find()) {
      if (m.group(1).equals(variable)) {
        return m.group(2);
      }
    }
    throw new AssertionError("README's configuration table has no default for " + variable);
  }

  static int defaultPort() {
    return Integer.parseInt(documentedDefault("TRACKING_PORT"));
  }

  /** A duration as the server reads it: 500ms, 20s, 5m, 24h, 7d; a bare number is seconds. */
  static Duration duration(String text) {
    Matcher m = DURATION.matcher(text.trim());
    if (!m.matches()) {
      throw new AssertionError("not a duration the server reads: '" + text + "'");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2) == null ? "s" : m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      case "d" -> Duration.ofDays(n);
      default -> Duration.ofSeconds(n);
    };
  }

  /** The runnable jar's file name (server/pom.xml's finalName). */
  static String jarName() {
    Matcher m = Pattern.compile("<finalName>([^<]+)</finalName>").matcher(Repository.read("server/pom.xml"));
    if (!m.find()) {
      throw new AssertionError("server/pom.xml has no finalName");
    }
    return m.group(1) + ".jar";
  }
}
