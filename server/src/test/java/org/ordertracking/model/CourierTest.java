package org.ordertracking.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The courier's invariants: what every parser (ingest API, provider decoders) relies on. */
class CourierTest {

  @Test
  void allPartsReachTheJsonAndAbsentOnesAreLeftOut() {
    Courier c = new Courier("Rosa M.", "car", "https://img.example/rosa.jpg", "Toyota", "Prius", "white");
    assertEquals(
        new JsonObject()
            .put("name", "Rosa M.").put("vehicle", "car").put("photoUrl", "https://img.example/rosa.jpg")
            .put("vehicleMake", "Toyota").put("vehicleModel", "Prius").put("vehicleColor", "white"),
        new JsonObject(c.toJson()));
    assertEquals("{\"name\":\"Ana\",\"vehicle\":\"bike\"}", new Courier("Ana", "bike").toJson());
    assertEquals("{\"vehicleColor\":\"red\"}", new Courier(null, null, null, null, null, "red").toJson());
    assertEquals("{\"name\":\"\\\"quoted\\\" <b>\"}", new Courier("\"quoted\" <b>", null).toJson());
  }

  @Test
  void textsAreBoundedAsTheIngestApiBoundsThem() {
    new Courier("n".repeat(Courier.MAX_TEXT), "v".repeat(Courier.MAX_TEXT));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Courier("n".repeat(60_000), null));
    assertEquals("name must be at most 256 characters", e.getMessage());
    assertEquals("vehicleModel must be at most 256 characters",
        assertThrows(IllegalArgumentException.class,
            () -> new Courier(null, null, null, null, "m".repeat(257), null)).getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "http://img.example/a.jpg",
    "javascript:alert(1)",
    "data:image/png;base64,AAAA",
    "https://user:pass@img.example/a.jpg",
    "https:///no-host",
    "not a url",
  })
  void photoUrlsMustBePlainHttps(String url) {
    assertThrows(IllegalArgumentException.class, () -> new Courier("A", null, url, null, null, null));
  }

  @Test
  void photoUrlsAreBounded() {
    String ok = "https://img.example/" + "a".repeat(Courier.MAX_URL - 20);
    assertEquals(ok, new Courier(null, null, ok, null, null, null).photoUrl());
    assertThrows(IllegalArgumentException.class,
        () -> new Courier(null, null, ok + "a", null, null, null));
  }

  @Test
  void nothingToShowIsNoCourier() {
    assertNull(Courier.orNull(null, null, null, null, null, null));
    assertEquals(new Courier("A", null), Courier.orNull("A", null, null, null, null, null));
  }
}
