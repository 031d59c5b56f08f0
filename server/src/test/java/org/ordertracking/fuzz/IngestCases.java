package org.ordertracking.fuzz;

import static org.ordertracking.fuzz.Requests.pick;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Random;
import org.ordertracking.fuzz.HttpCase.Expect;

/**
 * Ingest and minting requests with a valid key whose bodies each break at least one rule, so the
 * server must refuse them all and publish nothing; plus wrong keys and wrong content types.
 */
final class IngestCases {
  private IngestCases() {}

  static HttpCase next(Random r, FuzzTarget t) {
    String order = t.orderPrefix() + r.nextInt(50);
    String auth = Requests.header("Authorization", "Bearer " + t.apiKey());
    String json = Requests.header("Content-Type", "application/json");
    return switch (r.nextInt(9)) {
      case 0, 1 -> HttpCase.of("ingest", "bad location", Requests.post("/api/v1/orders/" + order + "/location",
          auth + json, badLocation(r).encode()), Expect.REFUSED);
      case 2 -> HttpCase.of("ingest", "bad status", Requests.post("/api/v1/orders/" + order + "/status",
          auth + json, badStatus(r).encode()), Expect.REFUSED);
      case 3 -> {
        JsonArray events = new JsonArray();
        int n = 1 + r.nextInt(20);
        for (int i = 0; i < n; i++) {
          JsonObject item;
          if (r.nextBoolean()) {
            JsonObject loc = badLocation(r);
            item = new JsonObject().put("type", "location").put("orderId", order).put("location", loc);
            if (loc.containsKey("ref")) {
              item.put("ref", loc.remove("ref")); // in a batch the ref sits beside the location
            }
          } else {
            item = badStatus(r).put("type", "status").put("orderId", order);
          }
          events.add(item);
        }
        yield HttpCase.of("ingest", "batch of bad events", Requests.post("/api/v1/events", auth + json,
            new JsonObject().put("events", events).encode()), Expect.REFUSED);
      }
      case 4 -> HttpCase.of("ingest", "broken body", Requests.post(pick(r, "/api/v1/events",
          "/api/v1/orders/" + order + "/location", "/api/v1/orders/" + order + "/status"), auth + json,
          brokenJson(r)), Expect.REFUSED);
      case 5 -> HttpCase.of("ingest", "wrong content type", Requests.post("/api/v1/orders/" + order + "/location",
          auth + pick(r, "", Requests.header("Content-Type", pick(r, "text/plain", "application/jsonx",
              "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/json-patch+json",
              Requests.printable(r, 1, 40)))), "{\"lat\":1,\"lng\":2}"), Expect.REFUSED);
      case 6 -> HttpCase.of("ingest", "bad credential", Requests.post("/api/v1/orders/" + order + "/location",
          pick(r, "", Requests.header("Authorization", "Bearer " + t.adminKey() + "x"),
              Requests.header("Authorization", "Basic " + t.apiKey()),
              Requests.header("Authorization", "Bearer"), Requests.header("Authorization", "Bearer " + t.adminKey()),
              Requests.header("Authorization", Requests.printable(r, 1, 80))) + json, "{\"lat\":1,\"lng\":2}"),
          Expect.UNAUTHORIZED);
      case 7 -> HttpCase.of("ingest", "bad delivery link", Requests.post("/api/v1/orders/"
          + pick(r, order, "a:b", Requests.repeat('o', 65)) + "/deliveries", auth + json,
          pick(r, "{\"provider\":\"glovo\",\"deliveryId\":\"d1\"}", "{\"deliveryId\":\"d1\"}",
              "{\"provider\":\"uber\"}", "{\"provider\":\"uber\",\"deliveryId\":\"\"}",
              "{\"provider\":\"uber\",\"deliveryId\":7}", "{\"provider\":\"UBER\",\"deliveryId\":\"d1\"}",
              "{\"provider\":\"uber\",\"deliveryId\":\"" + Requests.repeat('d', 513 + r.nextInt(3_000)) + "\"}",
              "{\"provider\":\"uber\",\"deliveryId\":\"a\\u0007b\"}", "[]", "{\"provider\":[\"uber\"]}")),
          Expect.REFUSED);
      default -> HttpCase.of("ingest", "bad tracking-link request", Requests.post("/api/v1/orders/"
          + pick(r, order, "a:b", "{x}", Requests.repeat('o', 65)) + "/tracking-links",
          Requests.header("Authorization", "Bearer " + t.adminKey()) + json,
          "{\"ttlSeconds\":" + pick(r, "0", "-1", "604801", "18446744073709551617", "1.5", "\"60\"", "null,",
              "1e400", "[]") + "}"), Expect.REFUSED);
    };
  }

  /** A location body with one rule broken (and perhaps a few odd but harmless extras). */
  static JsonObject badLocation(Random r) {
    JsonObject loc = new JsonObject().put("lat", 52.5).put("lng", 13.4);
    if (r.nextBoolean()) {
      loc.put("heading", 90).put("speed", 3.5).put("accuracy", 5).put("ref", "r" + r.nextInt(1000));
    }
    switch (r.nextInt(12)) {
      case 0 -> loc.put("lat", pick(r, 90.0001, -90.5, 1e308, -1e308));
      case 1 -> loc.put("lng", pick(r, 180.0001, -181.0, 1e308));
      case 2 -> loc.put("lat", pick(r, "52.5", "", "NaN"));
      case 3 -> loc.remove(pick(r, "lat", "lng"));
      case 4 -> loc.put("heading", pick(r, 360.0, -0.5, 1e9));
      case 5 -> loc.put("speed", pick(r, -1.0, -1e-9));
      case 6 -> loc.put("accuracy", pick(r, -3.0, -1e300));
      case 7 -> loc.put("recordedAt", pick(r, "2099-01-01T00:00:00Z", "yesterday", "2026-13-40T99:99:99Z",
          "+1000000000-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z", "0000-01-01T00:00:00Z"));
      case 8 -> loc.put("recordedAt", pick(r, 1700000000, true));
      case 9 -> loc.put("ref", r.nextBoolean() ? Requests.repeat('r', 513 + r.nextInt(5_000)) : (Object) 42);
      case 10 -> loc.put("lat", new JsonObject().put("deg", 52));
      default -> loc.put("lng", new JsonArray().add(13.4));
    }
    return loc;
  }

  /** A status body with one rule broken. */
  static JsonObject badStatus(Random r) {
    JsonObject s = new JsonObject().put("status", "PICKED_UP");
    switch (r.nextInt(7)) {
      case 0 -> s.put("status", pick(r, "picked_up ", "LOST", "", "DELIVERED\u0000", Requests.printable(r, 1, 30)));
      case 1 -> s.remove("status");
      case 2 -> s.put("status", pick(r, 3, true));
      case 3 -> s.put("eta", pick(r, "soon", "2026-02-30T10:00:00Z", "+1000000000-01-01T00:00:00Z"));
      case 4 -> s.put("courier", pick(r, "Ana", 7, new JsonObject().put("photoUrl",
          pick(r, "http://img.example/a.jpg", "javascript:alert(1)", "https://u:p@img.example/a.jpg", "")))).put("x", 1);
      case 5 -> s.put("courier", new JsonObject().put("name", Requests.repeat('n', 257 + r.nextInt(60_000))));
      default -> s.put("dropoff", pick(r, new JsonObject().put("lat", 91).put("lng", 0),
          new JsonObject().put("lat", 1), new JsonObject().put("lat", "1").put("lng", "2")));
    }
    return s;
  }

  /** A body that is not the JSON object expected: truncated, mistyped, nested too deep, empty. */
  static String brokenJson(Random r) {
    return switch (r.nextInt(7)) {
      case 0 -> "{\"lat\":52.5,\"lng\":";
      case 1 -> pick(r, "[]", "null", "42", "\"text\"", "true", "");
      case 2 -> Requests.repeat('[', 2_000 + r.nextInt(20_000));
      case 3 -> "{\"events\":" + Requests.repeat('[', 5_000) + Requests.repeat(']', 5_000) + "}";
      case 4 -> "{\"lat\":52.5,\"lng\":13.4}{\"trailing\":true}";
      case 5 -> Requests.latin1(Requests.bytes(r, 1, 500));
      default -> "{\"events\":[" + "{},".repeat(1_000) + "{}]}";
    };
  }
}
