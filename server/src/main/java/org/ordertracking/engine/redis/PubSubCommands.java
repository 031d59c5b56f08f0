package org.ordertracking.engine.redis;

import io.vertx.redis.client.Command;

/**
 * The publish/subscribe command pair a Redis mode uses: classic pub/sub on a standalone server,
 * sharded pub/sub on a Cluster (a channel lives on the shard owning its slot, the slot of the
 * order's {@code {orderId}} hash tag, like its state key).
 *
 * @param publish the command the publish script calls (its name, as Lua takes it)
 */
record PubSubCommands(String publish, Command subscribe, Command unsubscribe) {
  static final PubSubCommands CLASSIC = new PubSubCommands("PUBLISH", Command.SUBSCRIBE, Command.UNSUBSCRIBE);
  static final PubSubCommands SHARDED = new PubSubCommands("SPUBLISH", Command.SSUBSCRIBE, Command.SUNSUBSCRIBE);
}
