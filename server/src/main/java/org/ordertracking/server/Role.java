package org.ordertracking.server;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.ordertracking.config.ConfigException;

/**
 * What a node does ({@code TRACKING_ROLES}); every node answers health checks. A node without a
 * role answers that role's routes 404 and starts none of its work. {@link Modules} is the one place
 * that turns roles into modules.
 */
public enum Role {
  /** {@code /ws/track} and the tracking page: sockets, and the engine subscriptions they need. */
  GATEWAY,
  /** The ingest API (events, order reads, tracking links) and the providers' webhooks. */
  INGEST,
  /** Background pollers of provider APIs (Deliveroo locations). */
  ADAPTERS;

  public static final Set<Role> ALL = Set.copyOf(EnumSet.allOf(Role.class));

  /** Comma-separated role names, e.g. {@code gateway,ingest}. */
  static Set<Role> parse(String variable, String text) {
    EnumSet<Role> roles = EnumSet.noneOf(Role.class);
    for (String part : text.split(",")) {
      String name = part.trim();
      if (name.isEmpty()) {
        continue;
      }
      try {
        roles.add(valueOf(name.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new ConfigException(variable + " names unknown role '" + name + "'; known: gateway, ingest, adapters");
      }
    }
    if (roles.isEmpty()) {
      throw new ConfigException(variable + " names no role; known: gateway, ingest, adapters");
    }
    return Set.copyOf(roles);
  }
}
