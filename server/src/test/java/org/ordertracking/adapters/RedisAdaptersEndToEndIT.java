package org.ordertracking.adapters;

import java.util.Map;
import org.ordertracking.testing.RedisFixture;
import org.ordertracking.testing.TestNode;

class RedisAdaptersEndToEndIT extends AdaptersEndToEndContract {
  @Override
  protected Map<String, String> env() {
    return TestNode.env(RedisFixture.shared().url());
  }
}
