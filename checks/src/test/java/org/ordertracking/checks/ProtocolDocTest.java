package org.ordertracking.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/protocol.md covers what the server really does: every close code it uses, every status,
 * every HTTP status it answers, its health paths. (What it says about each is for people to read.)
 */
class ProtocolDocTest {
  private final String doc = Repository.read("docs/protocol.md");

  @Test
  void namesEveryCloseCodeTheGatewayUses() {
    assertEquals(Set.of(), missing(found("server/src/main/java/org/ordertracking/gateway/CloseCodes.java",
        "=\\s*(\\d{4});")));
  }

  @Test
  void namesEveryOrderStatus() {
    String source = Repository.read("server/src/main/java/org/ordertracking/model/OrderStatus.java");
    Matcher body = Pattern.compile("enum OrderStatus \\{([^;]+);").matcher(source);
    assertTrue(body.find(), "OrderStatus constants");
    Set<String> statuses = new TreeSet<>(List.of(body.group(1).replaceAll("\\s", "").split(",")));
    assertEquals(Set.of(), missing(statuses));
  }

  @Test
  void namesEveryHttpStatusTheServerAnswers() {
    Set<String> statuses = new TreeSet<>();
    for (Path file : Repository.files("server/src/main/java")) {
      if (Repository.relative(file).contains("/simulator/") || Repository.relative(file).contains("/demo/")) {
        continue; // the simulator plays providers; the demo is not the contract
      }
      Matcher m = Pattern.compile("(?:send|sendJson|reply|errorHandler)\\((?:ctx, )?(\\d{3})").matcher(Repository.read(file));
      while (m.find()) {
        statuses.add(m.group(1));
      }
    }
    assertFalse(statuses.isEmpty());
    assertEquals(Set.of(), missing(statuses));
  }

  @Test
  void namesTheHealthPaths() {
    assertEquals(Set.of(), missing(ServerFacts.healthPaths()));
  }

  private static Set<String> found(String file, String regex) {
    Set<String> out = new TreeSet<>();
    Matcher m = Pattern.compile(regex).matcher(Repository.read(file));
    while (m.find()) {
      out.add(m.group(1));
    }
    assertFalse(out.isEmpty(), "nothing matched in " + file);
    return out;
  }

  private Set<String> missing(Set<String> terms) {
    Set<String> out = new TreeSet<>();
    for (String t : terms) {
      if (!Pattern.compile("(?<![\\w/])" + Pattern.quote(t) + "(?![\\w])").matcher(doc).find()) {
        out.add(t);
      }
    }
    return out;
  }
}
