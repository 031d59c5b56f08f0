package org.ordertracking.fuzz;

import static org.ordertracking.fuzz.Requests.pick;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.ordertracking.adapters.Fixtures;
import org.ordertracking.adapters.Hmac;
import org.ordertracking.adapters.deliveroo.DeliverooAdapter;
import org.ordertracking.adapters.onfleet.OnfleetAdapter;
import org.ordertracking.adapters.uber.UberAdapter;
import org.ordertracking.fuzz.HttpCase.Expect;

/**
 * Provider webhooks: unsigned or wrongly signed requests (401), and correctly signed bodies that
 * no decoder can map to an event (400, or 200 where the provider's format makes an unknown
 * message ignorable). Signed bodies are broken by construction (truncated, mistyped,
 * random, missing their identifying fields), so none may be published.
 */
final class WebhookCases {
  private static final String[] FIXTURES = {"uber/courier_update.json", "uber/delivery_status_pickup.json",
      "doordash/dasher_confirmed.json", "doordash/dasher_dropped_off.json", "deliveroo/rider_assigned.json",
      "deliveroo/order_status_update_canceled.json", "onfleet/task_assigned.json", "onfleet/task_completed.json"};

  private WebhookCases() {}

  static HttpCase next(Random r, FuzzTarget t) {
    String provider = pick(r, "uber", "doordash", "deliveroo", "onfleet");
    String json = Requests.header("Content-Type", "application/json");
    if (r.nextInt(3) == 0) {
      String body = r.nextBoolean() ? fixture(r, provider) : Requests.printable(r, 0, 2_000);
      String forged = pick(r, "", Requests.header(UberAdapter.SIGNATURE, Requests.printable(r, 64, 64)),
          Requests.header("Authorization", Requests.printable(r, 1, 60)),
          Requests.header(DeliverooAdapter.GUID, "g") + Requests.header(DeliverooAdapter.SIGNATURE, "00"),
          Requests.header(OnfleetAdapter.SIGNATURE, Requests.printable(r, 128, 128)),
          Requests.header(UberAdapter.SIGNATURE,
              Hmac.sha256Hex("not-the-secret", body.getBytes(StandardCharsets.ISO_8859_1))));
      return HttpCase.of("webhook", "unsigned " + provider, Requests.post("/webhooks/" + provider, json + forged, body),
          Expect.UNAUTHORIZED);
    }
    String body = brokenPayload(r, provider);
    return HttpCase.of("webhook", "signed but malformed " + provider,
        Requests.post("/webhooks/" + provider, json + signature(t, provider, body), body), Expect.NOTHING_TO_PUBLISH);
  }

  private static String fixture(Random r, String provider) {
    String name;
    do {
      name = pick(r, FIXTURES);
    } while (!name.startsWith(provider));
    return Fixtures.read(name).toString(StandardCharsets.UTF_8);
  }

  /** A body the provider's decoder must refuse. */
  private static String brokenPayload(Random r, String provider) {
    String f = fixture(r, provider);
    return switch (r.nextInt(6)) {
      case 0 -> f.substring(0, r.nextInt(Math.max(1, f.length() - 2))); // truncated: never complete JSON
      case 1 -> pick(r, "[]", "null", "42", "\"x\"", "", "{}");
      case 2 -> Requests.latin1(Requests.bytes(r, 1, 2_000));
      case 3 -> Requests.repeat('[', 3_000 + r.nextInt(30_000));
      case 4 -> { // without a field the decoder requires (else truncated: never complete JSON)
        String without = provider.equals("onfleet") ? f : f.replace(requiredKey(r, provider), "\"zz_removed\"");
        yield without.equals(f) ? f.substring(0, f.length() / 2) : without;
      }
      default -> "[" + f + "]";
    };
  }

  private static String requiredKey(Random r, String provider) {
    return switch (provider) {
      case "uber" -> pick(r, "\"kind\"", "\"id\"");
      case "doordash" -> pick(r, "\"event_name\"", "\"created_at\"", "\"external_delivery_id\"");
      default -> "\"order_id\"";
    };
  }

  private static String signature(FuzzTarget t, String provider, String body) {
    byte[] raw = body.getBytes(StandardCharsets.ISO_8859_1);
    return switch (provider) {
      case "uber" -> Requests.header(UberAdapter.SIGNATURE, Hmac.sha256Hex(t.uberSecret(), raw));
      case "doordash" -> Requests.header("Authorization", t.doordashSecret());
      case "onfleet" ->
          Requests.header(OnfleetAdapter.SIGNATURE, OnfleetAdapter.sign(t.onfleetSecret(), Buffer.buffer(raw)));
      default -> Requests.header(DeliverooAdapter.GUID, "guid-1")
          + Requests.header(DeliverooAdapter.SIGNATURE, DeliverooAdapter.sign(t.deliverooSecret(), "guid-1",
              Buffer.buffer(raw)));
    };
  }
}
