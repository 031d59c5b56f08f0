package org.ordertracking.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * What the web-client module packed into the jar: {@code tracking-web/index.html},
 * {@code tracking-web/assets/}, and {@code tracking-web/build.properties} (the Leaflet version and
 * a build id, filled in by Maven). Read once at start-up; a missing file means a broken build.
 */
record PageResources(String indexHtml, String leafletVersion, String buildId) {
  static final String ROOT = "tracking-web";
  static final String ASSETS_ROOT = ROOT + "/assets";

  static PageResources load() {
    Properties build = new Properties();
    try (InputStream in = open(ROOT + "/build.properties")) {
      build.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String html;
    try (InputStream in = open(ROOT + "/index.html")) {
      html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new PageResources(html, build.getProperty("leaflet.version"), build.getProperty("build.id"));
  }

  /** Where the Leaflet webjar keeps its distribution files on the classpath. */
  String leafletRoot() {
    return "META-INF/resources/webjars/leaflet/" + leafletVersion + "/dist";
  }

  private static InputStream open(String name) {
    InputStream in = PageResources.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException(name + " is not on the classpath: is tracking-web-client a dependency?");
    }
    return in;
  }
}
