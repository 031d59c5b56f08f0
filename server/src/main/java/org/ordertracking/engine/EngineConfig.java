package org.ordertracking.engine;

import java.time.Duration;
import org.ordertracking.config.Env;
import org.ordertracking.engine.redis.RedisConfig;

/**
 * Which engine and how it keeps state.
 *
 * @param redis where Redis is, or null for the single-node in-memory engine
 * @param stateTtl how long an order's state lives after its last event
 */
public record EngineConfig(RedisConfig redis, Duration stateTtl) {

  public static EngineConfig fromEnv(Env env) {
    return new EngineConfig(
        RedisConfig.fromEnv(env),
        env.duration("TRACKING_STATE_TTL", Duration.ofHours(24), Duration.ofSeconds(1)));
  }
}
