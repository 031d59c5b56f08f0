package org.ordertracking.gateway;

import java.util.Map;
import org.ordertracking.testing.TestNode;

class MemoryGatewayIT extends GatewayContract {
  @Override
  protected Map<String, String> env() {
    return TestNode.env(null);
  }
}
