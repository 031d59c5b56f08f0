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

  /**
   * Every file of the repository's own, under {@code dir}: no build output, VCS or editor files, and
   * none of the benchmark's run output (git-ignored: only its summary and charts are committed).
   */
  static List<Path> files(String dir) {
    try (Stream<Path> walk = Files.walk(path(dir))) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> root().relativize(p).toString().isEmpty()
              || Stream.of(root().relativize(p).toString().split("/")).noneMatch(NOT_SOURCE::contains))
          .filter(p -> !benchmarkRunOutput(root().relativize(p).toString()))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What .gitignore keeps out of bench/results: everything but summary.json, summary.md and charts/. */
  private static boolean benchmarkRunOutput(String relative) {
    return relative.startsWith("bench/results/") && !relative.equals("bench/results/summary.json")
        && !relative.equals("bench/results/summary.md") && !relative.startsWith("bench/results/charts/");
  }

  static String relative(Path file) {
    return root().relativize(file).toString();
  }
}
