package org.ordertracking.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfile, checked without a Docker engine: what it builds from, who it runs as, how it
 * starts the server, and that its port, health path and variables are the server's own.
 */
class DockerfileTest {
  /** An image reference pinned to an exact release: name:1.2.3... (a digest may follow). */
  static final Pattern PINNED = Pattern.compile("[a-z0-9./-]+:\\d+\\.\\d+\\.\\d+[A-Za-z0-9._-]*(@sha256:[0-9a-f]{64})?");

  private final List<String> lines = instructions(Repository.read("Dockerfile"));

  @Test
  void buildsWithTheWrapperOnAJdkAndRunsOnAJreBothPinnedToExactReleases() {
    List<String> from = args("FROM");
    assertEquals(2, from.size(), "a build stage and a run stage: " + from);
    for (String f : from) {
      String image = f.split("\\s+")[0];
      assertTrue(PINNED.matcher(image).matches(), "base image not pinned to an exact release: " + image);
    }
    assertTrue(from.get(0).contains("-jdk") && from.get(0).endsWith(" AS build"), from.get(0));
    assertTrue(from.get(1).contains("-jre"), "the image runs on a JRE: " + from.get(1));
    assertTrue(args("RUN").stream().anyMatch(r -> r.contains("./mvnw ") && r.contains("package")),
        "the build stage builds with the Maven Wrapper");
  }

  @Test
  void runsAsAFixedNonRootUser() {
    List<String> user = args("USER");
    assertFalse(user.isEmpty(), "the run stage sets USER");
    String last = user.get(user.size() - 1).split(":")[0];
    assertTrue(last.matches("\\d+") && Integer.parseInt(last) > 0,
        "USER is a numeric non-root id (Kubernetes' runAsNonRoot can check it): " + last);
  }

  @Test
  void execFormEntrypointStartsTheServerJarWithTheRepositorysJvmOptions() {
    String entrypoint = single("ENTRYPOINT");
    assertTrue(entrypoint.startsWith("[\"java\","), "exec form, java as PID 1 (SIGTERM reaches it): " + entrypoint);
    Matcher options = Pattern.compile("\"@(/[^\"]+)\"").matcher(entrypoint);
    assertTrue(options.find(), "the JVM flags come from an options file: " + entrypoint);
    assertTrue(args("COPY").contains("deploy/jvm.options " + options.group(1)),
        "the options file is deploy/jvm.options: " + args("COPY"));
    Matcher jar = Pattern.compile("\"-jar\", \"(/[^\"]+)\"").matcher(entrypoint);
    assertTrue(jar.find(), entrypoint);
    String builtJar = "server/target/" + ServerFacts.jarName();
    assertTrue(args("RUN").stream().anyMatch(r -> r.contains(builtJar)), "the build copies " + builtJar);
    assertTrue(args("COPY").stream().anyMatch(c -> c.startsWith("--from=build ") && c.endsWith(" " + jar.group(1))),
        "the run stage gets the built jar at " + jar.group(1));
  }

  @Test
  void exposesTheServersPortAndChecksItsLivenessPath() {
    int port = ServerFacts.defaultPort();
    assertEquals(List.of(Integer.toString(port)), args("EXPOSE"));
    String env = String.join(" ", args("ENV"));
    assertTrue(env.contains("TRACKING_PORT=" + port), "ENV TRACKING_PORT matches EXPOSE: " + env);
    String check = single("HEALTHCHECK");
    assertTrue(ServerFacts.healthPaths().contains("/health/live"), "the server routes /health/live");
    assertTrue(check.contains("/health/live"), "HEALTHCHECK asks /health/live: " + check);
  }

  @Test
  void setsOnlyVariablesTheServerReads() {
    Matcher m = Pattern.compile("\\bTRACKING_[A-Z0-9_]+").matcher(Repository.read("Dockerfile"));
    List<String> unknown = new ArrayList<>();
    while (m.find()) {
      if (!ServerFacts.reads(m.group())) {
        unknown.add(m.group());
      }
    }
    assertEquals(List.of(), unknown, "variables the server does not read");
  }

  @Test
  void theJvmOptionsAreAcceptedByThisJdk() {
    String java = ProcessHandle.current().info().command().orElse("java");
    Processes.Result r = Processes.run(
        List.of(java, "@" + Repository.path("deploy/jvm.options"), "-version"), "a JDK 17");
    assertEquals(0, r.exit(), r.output());
  }

  @Test
  void theBuildContextKeepsWhatTheBuildNeeds() {
    List<PathMatcher> ignored = Repository.read(".dockerignore").lines()
        .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .map(l -> FileSystems.getDefault().getPathMatcher("glob:" + l.replaceAll("/$", "") + "{,/**}"))
        .toList();
    for (String needed : List.of("mvnw", ".mvn/wrapper/maven-wrapper.properties", "pom.xml", "server/pom.xml",
        "server/src/main/java/org/ordertracking/Main.java", "web-client/pom.xml", "deploy/jvm.options", "LICENSE")) {
      assertTrue(ignored.stream().noneMatch(m -> m.matches(Path.of(needed))), ".dockerignore leaves out " + needed);
    }
    assertTrue(ignored.stream().anyMatch(m -> m.matches(Path.of("server/target/tracking-server.jar"))),
        "build output stays out of the context");
  }

  private List<String> args(String instruction) {
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith(instruction + " ")) {
        out.add(line.substring(instruction.length() + 1).trim());
      }
    }
    return out;
  }

  private String single(String instruction) {
    List<String> all = args(instruction);
    assertEquals(1, all.size(), instruction + " once: " + all);
    return all.get(0);
  }

  /** Instructions with continuation lines joined and comments dropped. */
  static List<String> instructions(String dockerfile) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String raw : dockerfile.lines().toList()) {
      String line = raw.strip();
      if (line.startsWith("#") || (line.isEmpty() && current.length() == 0)) {
        continue;
      }
      if (line.endsWith("\\")) {
        current.append(line, 0, line.length() - 1).append(' ');
        continue;
      }
      current.append(line);
      out.add(current.toString().replaceAll("\\s+", " ").trim());
      current.setLength(0);
    }
    return out;
  }
}
