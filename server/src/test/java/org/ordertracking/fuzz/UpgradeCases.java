package org.ordertracking.fuzz;

import static org.ordertracking.fuzz.Requests.CRLF;
import static org.ordertracking.fuzz.Requests.pick;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.ordertracking.fuzz.HttpCase.Expect;

/**
 * WebSocket upgrade requests that must not become sockets: forged or broken tokens (401), and
 * broken handshakes carrying a good token (refused without an upgrade).
 */
final class UpgradeCases {
  private static final String KEY = Requests.header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==");
  private static final String UPGRADE =
      Requests.header("Upgrade", "websocket") + Requests.header("Connection", "Upgrade");
  private static final String VERSION = Requests.header("Sec-WebSocket-Version", "13");

  private UpgradeCases() {}

  static HttpCase next(Random r, FuzzTarget t) {
    long now = System.currentTimeMillis() / 1000;
    String sub = t.orderPrefix() + "ws";
    if (r.nextBoolean()) {
      String token = switch (r.nextInt(9)) {
        case 0 -> Requests.printable(r, 0, 300);
        case 1 -> jwt("{\"alg\":\"none\",\"typ\":\"JWT\"}", claims(sub, "order-tracking", now + 600), null);
        case 2 -> jwt("{\"alg\":\"HS256\"}", claims(sub, "order-tracking", now - 5), t.tokenSecret());
        case 3 -> jwt("{\"alg\":\"HS256\"}", claims(sub, "someone-else", now + 600), t.tokenSecret());
        case 4 -> jwt("{\"alg\":\"HS256\"}", "{\"aud\":\"order-tracking\",\"exp\":" + (now + 600) + "}",
            t.tokenSecret());
        case 5 -> jwt("{\"alg\":\"HS256\"}", claims("a:b{c}", "order-tracking", now + 600), t.tokenSecret());
        case 6 -> jwt("{\"alg\":\"HS384\"}", claims(sub, "order-tracking", now + 600), t.tokenSecret());
        case 7 -> t.goodToken().substring(0, t.goodToken().length() - 2) + pick(r, "AA", "__", "");
        default -> jwt("{\"alg\":\"HS256\"}", claims(sub, "order-tracking", now + 600),
            "a-different-secret-of-32-bytes!!");
      };
      return HttpCase.of("upgrade", "bad token", Requests.get("/ws/track?token=" + urlEncode(token),
          UPGRADE + KEY + VERSION), Expect.UNAUTHORIZED);
    }
    String path = "/ws/track?token=" + t.goodToken();
    String request = switch (r.nextInt(7)) {
      case 0 -> Requests.get(path, UPGRADE + VERSION);
      case 1 -> Requests.get(path, UPGRADE + "Sec-WebSocket-Key:" + CRLF + VERSION);
      case 2 -> Requests.get(path, UPGRADE + KEY + Requests.header("Sec-WebSocket-Version", pick(r, "99", "x", "14")));
      case 3 -> Requests.get(path, Requests.header("Connection", "Upgrade") + KEY + VERSION);
      case 4 -> Requests.get(path, Requests.header("Upgrade", pick(r, "h2c", "websocket2", "tls/1.0"))
          + Requests.header("Connection", "Upgrade") + KEY + VERSION);
      case 5 -> "POST " + path + " HTTP/1.1" + CRLF + "Host: fuzz" + CRLF + UPGRADE + KEY + VERSION + CRLF;
      default -> Requests.get("/ws/track?token=" + t.goodToken() + "&token=" + Requests.printable(r, 1, 20),
          Requests.header("Connection", "keep-alive"));
    };
    return HttpCase.of("upgrade", "broken handshake", request, Expect.NOT_UPGRADED);
  }

  private static String claims(String sub, String aud, long exp) {
    return "{\"sub\":\"" + sub + "\",\"aud\":\"" + aud + "\",\"exp\":" + exp + "}";
  }

  /** A JWT signed HS256 with {@code secret}, or unsigned when {@code secret} is null. */
  static String jwt(String header, String payload, String secret) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String signingInput = b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
        + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    if (secret == null) {
      return signingInput + ".";
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return signingInput + "." + b64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String urlEncode(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
