package org.ordertracking.adapters;

import java.util.Map;
import org.ordertracking.testing.TestNode;

class MemoryAdaptersEndToEndIT extends AdaptersEndToEndContract {
  @Override
  protected Map<String, String> env() {
    return TestNode.env(null);
  }
}
