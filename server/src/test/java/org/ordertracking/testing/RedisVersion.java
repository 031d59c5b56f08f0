package org.ordertracking.testing;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * Which Redis a test has, and the rule for tests that need a newer one: skipped with a clear
 * message on a developer's machine, failed under {@code CI=true} (CI must run every test).
 */
final class RedisVersion {
  private static final Pattern VERSION = Pattern.compile("(?:redis_version:|v=)(\\d+)\\.(\\d+)\\.(\\d+)");

  private RedisVersion() {}

  /** "7.0.15" from {@code INFO server} of the Redis at {@code url}. */
  static String ofServer(String url) {
    Vertx vertx = Vertx.vertx();
    try {
      String info = Await.result(
          Redis.createClient(vertx, url).send(Request.cmd(Command.INFO).arg("server")).map(r -> r.toString()));
      return parse(info, "INFO server of " + url);
    } finally {
      vertx.close();
    }
  }

  /** "7.0.15" from {@code redis-server --version}. */
  static String ofLocalBinary() {
    try {
      Process p = new ProcessBuilder("redis-server", "--version").redirectErrorStream(true).start();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("redis-server --version did not answer in 10 s");
      }
      return parse(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8), "redis-server --version");
    } catch (IOException e) {
      throw new IllegalStateException("this test starts redis-server processes: none on PATH ("
          + RedisFixture.INSTALL_HINT + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String parse(String text, String source) {
    Matcher m = VERSION.matcher(text);
    if (!m.find()) {
      throw new IllegalStateException("no Redis version in " + source);
    }
    return m.group(1) + "." + m.group(2) + "." + m.group(3);
  }

  static void require(String version, int major, String feature, String which) {
    require(version, major, feature, which, "true".equalsIgnoreCase(System.getenv("CI")));
  }

  static void require(String version, int major, String feature, String which, boolean ci) {
    if (Integer.parseInt(version.substring(0, version.indexOf('.'))) >= major) {
      return;
    }
    String message = "needs Redis >= " + major + " for " + feature + "; " + which + " is " + version
        + " (" + RedisFixture.INSTALL_HINT + ", or set REDIS_URL to a Redis " + major + ")";
    if (ci) {
      throw new AssertionError(message + ". CI runs every test: install Redis " + major + ".");
    }
    Assumptions.abort(message);
  }
}
