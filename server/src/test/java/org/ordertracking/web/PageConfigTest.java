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
  void courierPhotoSourcesAreHttpsOriginsAndJoinTheImagePolicy() {
    PageConfig config = read(Map.of("TRACKING_COURIER_PHOTO_SOURCES",
        " https://d1a3f4spazzrp4.cloudfront.net, https://*.Photos.Example.com:8443 "));
    assertEquals(java.util.List.of("https://d1a3f4spazzrp4.cloudfront.net", "https://*.photos.example.com:8443"),
        config.photoSources());
    assertTrue(new PageHeaders(config).csp().contains(
        "img-src 'self' data: https://tile.openstreetmap.org https://d1a3f4spazzrp4.cloudfront.net"
            + " https://*.photos.example.com:8443;"), new PageHeaders(config).csp());
    assertEquals(java.util.List.of(), read(Map.of()).photoSources(), "no photo host is guessed");
    assertTrue(new PageHeaders(read(Map.of())).csp().contains("img-src 'self' data: https://tile.openstreetmap.org;"));
  }

  @Test
  void aPhotoSourceThatCouldBendThePolicyStopsStartUpNamingTheEntry() {
    for (String bad : new String[] {"http://photos.example.com", "https://photos.example.com/path",
        "https://a.example.com; script-src *", "*", "https://*", "'unsafe-inline'", "https://a.example.com,",
        "data:", "https://user@photos.example.com"}) {
      ConfigException e = assertThrows(ConfigException.class,
          () -> read(Map.of("TRACKING_COURIER_PHOTO_SOURCES", bad)), bad);
      assertTrue(e.getMessage().startsWith("TRACKING_COURIER_PHOTO_SOURCES must list https origins"), e.getMessage());
    }
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
