package org.ordertracking.adapters;

import java.util.Map;
import org.ordertracking.testing.RedisFixture;
import org.ordertracking.testing.TestNode;

class RedisWebhookRaceIT extends WebhookRaceContract {
  @Override
  protected Map<String, String> env() {
    return TestNode.env(RedisFixture.shared().url());
  }
}
