package org.ordertracking.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ordertracking.config.ConfigException;
import org.ordertracking.config.Env;

class PageConfigTest {

  private static PageConfig read(Map<String, String> vars) {
    return PageConfig.fromEnv(new Env(vars));
  }

  @Test
  void defaultsToOpenStreetMapWithItsCredit() {
    PageConfig config = read(Map.of());
    assertEquals("https://tile.openstreetmap.org/{z}/{x}/{y}.png", config.tilesUrl());
    assertTrue(config.attribution().contains("OpenStreetMap"));
    assertEquals("https://tile.openstreetmap.org", config.tilesOrigin());
  }

  @Test
  void aSubdomainTemplateAllowsEverySubdomainAndKeepsThePort() {
    assertEquals("https://*.tiles.example.org",
        read(Map.of("TRACKING_MAP_TILES_URL", "https://{s}.tiles.example.org/{z}/{x}/{y}{r}.png")).tilesOrigin());
    assertEquals("http://127.0.0.1:9",
        read(Map.of("TRACKING_MAP_TILES_URL", "http://127.0.0.1:9/{z}/{x}/{y}.png")).tilesOrigin());
  }

  @Test
  void otherPlaceholdersInTheHostFallBackToTheScheme() {
    assertEquals("https:",
        read(Map.of("TRACKING_MAP_TILES_URL", "https://tiles-{s}-{z}.example.org/{z}/{x}/{y}.png")).tilesOrigin());
  }

  @Test
  void aTileUrlWithoutCoordinatesOrHttpIsRefusedNamingTheVariable() {
    for (String bad : new String[] {"https://tiles.example.org/map.png", "ftp://t.example.org/{z}/{x}/{y}.png",
        "https:///{z}/{x}/{y}.png"}) {
      ConfigException e = assertThrows(ConfigException.class, () -> read(Map.of("TRACKING_MAP_TILES_URL", bad)));
      assertTrue(e.getMessage().startsWith("TRACKING_MAP_TILES_URL"), e.getMessage());
    }
  }

  @Test
  void theAttributionIsTakenAsGiven() {
    assertEquals("© Example Maps",
        read(Map.of("TRACKING_MAP_ATTRIBUTION", "© Example Maps")).attribution());
  }
}
