package org.ordertracking.demo;

import org.ordertracking.config.Env;

/**
 * Demo mode: simulated couriers and printed links.
 *
 * @param enabled {@code TRACKING_DEMO}, or the {@code demo} argument
 * @param couriers couriers the demo fleet keeps driving
 */
public record DemoConfig(boolean enabled, int couriers) {

  public static DemoConfig fromEnv(Env env) {
    return new DemoConfig(env.bool("TRACKING_DEMO", false), env.intValue("TRACKING_DEMO_COURIERS", 6, 1, 500));
  }
}
