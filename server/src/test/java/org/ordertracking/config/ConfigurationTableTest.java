package org.ordertracking.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's configuration table lists exactly the variables the server reads. */
class ConfigurationTableTest {
  private static final Pattern TABLE_ROW = Pattern.compile("(?m)^\\| `(TRACKING_[A-Z0-9_]+)` \\|");
  private static final Pattern LOGBACK_VARIABLE = Pattern.compile("\\$\\{(TRACKING_[A-Z0-9_]+)");

  @Test
  void theReadmeTableListsExactlyTheVariablesTheServerReads() throws IOException {
    // Every optional branch taken: Redis and the Deliveroo poller configured.
    Env env = new Env(Map.of(
        "TRACKING_TOKEN_SECRET", "0123456789abcdef0123456789abcdef",
        "TRACKING_REDIS_URL", "redis://127.0.0.1:6379",
        "TRACKING_DELIVEROO_API_URL", "http://127.0.0.1:9",
        "TRACKING_DELIVEROO_AUTH_URL", "http://127.0.0.1:9/oauth2/token",
        "TRACKING_DELIVEROO_CLIENT_ID", "client",
        "TRACKING_DELIVEROO_CLIENT_SECRET", "client-secret"));
    TrackingConfig.fromEnv(env);
    Set<String> read = new TreeSet<>(env.namesRead());
    read.addAll(matches(LOGBACK_VARIABLE, Files.readString(Path.of("src/main/resources/logback.xml"))));

    assertEquals(read, matches(TABLE_ROW, Files.readString(Path.of("../README.md"))));
  }

  private static Set<String> matches(Pattern pattern, String text) {
    Set<String> names = new TreeSet<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }
}
