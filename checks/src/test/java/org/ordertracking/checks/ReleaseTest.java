package org.ordertracking.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A release anyone may use and rebuild: one version everywhere, a changelog entry, a license. */
class ReleaseTest {
  private static final Pattern PROJECT_VERSION =
      Pattern.compile("<artifactId>order-tracking-parent</artifactId>\\s*<version>([^<]+)</version>");

  @Test
  void everyModuleHasTheSameReleaseVersion() {
    String version = version();
    assertFalse(version.contains("SNAPSHOT"), "a release, not a snapshot: " + version);
    List<Path> poms = Repository.files(".").stream().filter(p -> p.getFileName().toString().equals("pom.xml")).toList();
    assertTrue(poms.size() >= 3, "the parent and its modules: " + poms);
    for (Path pom : poms) {
      Matcher m = PROJECT_VERSION.matcher(Repository.read(pom));
      assertTrue(m.find(), Repository.relative(pom) + " names the parent");
      assertEquals(version, m.group(1), Repository.relative(pom));
    }
  }

  @Test
  void theChangelogDescribesThisVersion() {
    assertTrue(Repository.read("CHANGELOG.md").contains("## [" + version() + "]"), "CHANGELOG.md has a section for " + version());
  }

  @Test
  void licensedUnderApache2() {
    String license = Repository.read("LICENSE");
    assertTrue(license.contains("Apache License") && license.contains("Version 2.0, January 2004"));
  }

  @Test
  void theBuildIsReproducible() {
    String parent = Repository.read("pom.xml");
    assertTrue(Pattern.compile("<project.build.outputTimestamp>\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ</project.build.outputTimestamp>")
        .matcher(parent).find(), "archive entries get a fixed time");
    for (Path pom : Repository.files(".").stream().filter(p -> p.getFileName().toString().equals("pom.xml")).toList()) {
      assertFalse(Repository.read(pom).contains("${maven.build.timestamp}"), Repository.relative(pom) + " stamps the build time");
    }
    assertTrue(Repository.read("web-client/src/main/resources/tracking-web/build.properties").contains("${git.commit.id.abbrev}"),
        "the asset build id is the commit");
  }

  static String version() {
    Matcher m = Pattern.compile("<artifactId>order-tracking-parent</artifactId>\\s*<version>([^<]+)</version>")
        .matcher(Repository.read("pom.xml"));
    assertTrue(m.find());
    return m.group(1);
  }
}
