package org.ordertracking.engine;

import java.util.Optional;

/**
 * Optional ability of engines that depend on something that can go away (Redis): whether they can
 * serve right now. Engines that are always ready (memory) do not implement it.
 */
public interface EngineHealth {
  /** Empty when ready, else a short reason such as {@code "redis subscriber disconnected"}. */
  Optional<String> notReadyReason();
}
