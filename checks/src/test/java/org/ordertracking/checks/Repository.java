package org.ordertracking.checks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The repository these checks read: its root, its files, their text. */
final class Repository {
  private static final Set<String> NOT_SOURCE = Set.of("target", ".git", "node_modules", ".idea", ".vscode");

  private Repository() {}

  static Path root() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("checks/pom.xml")) && Files.isRegularFile(dir.resolve("mvnw"))) {
        return dir;
      }
    }
    throw new IllegalStateException("not inside the repository: " + Path.of("").toAbsolutePath());
  }

  static Path path(String relative) {
    return root().resolve(relative).normalize();
  }

  static String read(String relative) {
    return read(path(relative));
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every file of the repository's own, under {@code dir}: no build output, VCS or editor files. */
  static List<Path> files(String dir) {
    try (Stream<Path> walk = Files.walk(path(dir))) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> root().relativize(p).toString().isEmpty()
              || Stream.of(root().relativize(p).toString().split("/")).noneMatch(NOT_SOURCE::contains))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String relative(Path file) {
    return root().relativize(file).toString();
  }
}
