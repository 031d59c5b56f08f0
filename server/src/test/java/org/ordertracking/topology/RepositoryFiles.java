package org.ordertracking.topology;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of this repository that the process-level tests run for real. */
final class RepositoryFiles {
  private RepositoryFiles() {}

  /** The repository root: the nearest directory upwards holding the operator's kit. */
  static Path root() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("deploy/haproxy/haproxy.cfg")) && Files.isRegularFile(dir.resolve("server/pom.xml"))) {
        return dir;
      }
    }
    throw new IllegalStateException("not inside the repository: no deploy/haproxy/haproxy.cfg above " + Path.of("").toAbsolutePath());
  }

  static Path haproxyConfig() {
    return root().resolve("deploy/haproxy/haproxy.cfg");
  }

  static Path jvmOptions() {
    return root().resolve("deploy/jvm.options");
  }

  /** The runnable jar; Failsafe runs after the package phase that builds it. */
  static Path serverJar() {
    Path jar = root().resolve("server/target/tracking-server.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: run the tests with ./mvnw verify (its package phase builds it)");
    }
    return jar;
  }

  /** Where the processes' logs go: server/target/topology/. */
  static Path logDir() {
    Path dir = root().resolve("server/target/topology");
    try {
      Files.createDirectories(dir);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return dir;
  }
}
