package org.ordertracking.adapters;

import java.util.Map;
import org.ordertracking.testing.TestNode;

class MemoryWebhookRaceIT extends WebhookRaceContract {
  @Override
  protected Map<String, String> env() {
    return TestNode.env(null);
  }
}
