package org.ordertracking.gateway;

import java.util.Map;
import org.ordertracking.testing.RedisFixture;
import org.ordertracking.testing.TestNode;

class RedisGatewayIT extends GatewayContract {
  @Override
  protected Map<String, String> env() {
    return TestNode.env(RedisFixture.shared().url());
  }
}
