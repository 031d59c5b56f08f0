package org.ordertracking.engine;

import java.time.Duration;
import org.ordertracking.config.Env;
import org.ordertracking.engine.redis.RedisConfig;

/**
 * Which engine and how it keeps state.
 *
 * @param redis where Redis is, or null for the single-node in-memory engine
 * @param stateTtl how long an order's state lives after its last event
 * @param eventIdTtl how long an idempotency key (a provider's event id) is remembered
 * @param eventIdMemory the most keys the memory engine remembers (oldest forgotten first); Redis
 *     keeps each for its time to live
 */
public record EngineConfig(RedisConfig redis, Duration stateTtl, Duration eventIdTtl, int eventIdMemory) {
  public static final Duration DEFAULT_EVENT_ID_TTL = Duration.ofHours(24);
  public static final int DEFAULT_EVENT_ID_MEMORY = 100_000;

  public static EngineConfig fromEnv(Env env) {
    return new EngineConfig(
        RedisConfig.fromEnv(env),
        env.duration("TRACKING_STATE_TTL", Duration.ofHours(24), Duration.ofSeconds(1)),
        env.duration("TRACKING_WEBHOOK_EVENT_TTL", DEFAULT_EVENT_ID_TTL, Duration.ofSeconds(1)),
        env.intValue("TRACKING_WEBHOOK_EVENT_MEMORY", DEFAULT_EVENT_ID_MEMORY, 100, 10_000_000));
  }

  /** Default settings with this state TTL, and no Redis (tests, embedding). */
  public static EngineConfig defaults(Duration stateTtl) {
    return new EngineConfig(null, stateTtl, DEFAULT_EVENT_ID_TTL, DEFAULT_EVENT_ID_MEMORY);
  }
}
