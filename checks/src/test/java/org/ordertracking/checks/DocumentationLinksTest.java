package org.ordertracking.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The repository stands on its own: its docs link only to its own files, and the README to the contract. */
class DocumentationLinksTest {
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)|src=\"([^\"]+)\"");
  /** Spelled in pieces so that this file does not match itself. */
  private static final List<String> OUTSIDE = List.of("../" + "shared", "shared/" + "spec", "/work" + "/");

  @Test
  void everyRelativeLinkInTheDocsResolvesInsideTheRepository() {
    List<String> broken = new ArrayList<>();
    for (Path doc : Repository.files(".").stream().filter(p -> p.toString().endsWith(".md")).toList()) {
      Matcher m = LINK.matcher(Repository.read(doc));
      while (m.find()) {
        String target = m.group(1) != null ? m.group(1) : m.group(2);
        if (target.matches("^[a-z]+:.*") || target.startsWith("#")) {
          continue;
        }
        Path resolved = doc.getParent().resolve(target.replaceFirst("#.*$", "")).normalize();
        if (!resolved.startsWith(Repository.root()) || !Files.exists(resolved)) {
          broken.add(Repository.relative(doc) + " -> " + target);
        }
      }
    }
    assertEquals(List.of(), broken, "links that leave the repository or lead nowhere");
  }

  @Test
  void nothingPointsAtFilesOutsideTheRepository() {
    List<String> found = new ArrayList<>();
    for (Path file : Repository.files(".")) {
      String name = file.getFileName().toString();
      if (name.endsWith(".png") || name.endsWith(".jar") || name.equals("LICENSE")) {
        continue;
      }
      String text = Repository.read(file);
      OUTSIDE.stream().filter(text::contains).forEach(o -> found.add(Repository.relative(file) + " mentions " + o));
    }
    assertEquals(List.of(), found);
  }

  @Test
  void theReadmeLinksTheContractInsideTheRepository() {
    assertTrue(Repository.read("README.md").contains("(docs/protocol.md)"), "README links docs/protocol.md");
    assertTrue(Repository.read("docs/protocol.md").contains("(protocol-notes.md)"), "the contract links the server's decisions");
  }
}
