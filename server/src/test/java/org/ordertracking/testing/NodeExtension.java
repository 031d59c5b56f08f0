package org.ordertracking.testing;

import io.vertx.core.Vertx;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One in-process node (memory engine unless the environment says otherwise) for a whole test
 * class: {@code @RegisterExtension static final NodeExtension NODE = new NodeExtension();}.
 */
public final class NodeExtension implements BeforeAllCallback, AfterAllCallback {
  private final Consumer<Map<String, String>> configure;
  private Vertx vertx;
  private TestNode node;

  public NodeExtension() {
    this(env -> {});
  }

  /** {@code configure} adjusts {@link TestNode#env} before the node starts. */
  public NodeExtension(Consumer<Map<String, String>> configure) {
    this.configure = configure;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    vertx = Vertx.vertx();
    Map<String, String> env = TestNode.env(null);
    configure.accept(env);
    node = TestNode.start(vertx, env);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    node.close();
    Await.result(vertx.close());
  }

  public TestNode node() {
    return node;
  }
}
