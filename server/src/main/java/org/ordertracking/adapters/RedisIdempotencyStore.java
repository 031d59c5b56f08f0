package org.ordertracking.adapters;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Event ids in Redis, one key each: {@code SET adapters:{<provider>:<id>}:event 1 NX EX <ttl>}, so
 * the claim is atomic across nodes and Redis expires it. The whole of the id sits in the hash tag:
 * keys spread over a Cluster's slots instead of piling onto one per provider. Ids outside a safe
 * alphabet (or long ones) are replaced by their SHA-256, so no provider input can break the key
 * naming.
 */
public final class RedisIdempotencyStore implements IdempotencyStore {
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_.:/-]{1,128}");

  private final Redis redis;
  private final String ttlSeconds;

  public RedisIdempotencyStore(Redis redis, Duration ttl) {
    this.redis = redis;
    this.ttlSeconds = Long.toString(Math.max(1, ttl.toSeconds()));
  }

  /** The key of one provider event (public for tests that inspect Redis). */
  public static String key(String provider, String eventId) {
    String id = SAFE.matcher(eventId).matches() ? eventId : "sha256-" + sha256(eventId);
    return "adapters:{" + provider + ":" + id + "}:event";
  }

  @Override
  public Future<Boolean> claim(String provider, String eventId) {
    Request set =
        Request.cmd(Command.SET)
            .arg(key(provider, eventId))
            .arg("1")
            .arg("NX")
            .arg("EX")
            .arg(ttlSeconds);
    return redis.send(set).map(r -> r != null); // nil reply: the key existed
  }

  @Override
  public Future<Void> release(String provider, String eventId) {
    return redis.send(Request.cmd(Command.DEL).arg(key(provider, eventId))).mapEmpty();
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
