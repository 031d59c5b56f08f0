package org.ordertracking.simulator;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.ordertracking.auth.Secrets;
import org.ordertracking.model.LatLng;
import org.ordertracking.model.Times;

/**
 * The part of Deliveroo's API the tracking server calls, as documented:
 *
 * <ul>
 *   <li>{@code POST /oauth2/token} — OAuth2 client credentials: {@code Authorization: Basic
 *       base64(client_id:client_secret)}, form body {@code grant_type=client_credentials}, answered
 *       {@code {"access_token", "expires_in", "token_type": "Bearer"}};
 *   <li>{@code GET /signature/v1/orders/{order_id}/location} — with a valid bearer token (else
 *       401): the rider's location, {@code {}} once the delivery is over, 404 for an unknown order.
 * </ul>
 *
 * Runs on the simulator's context; {@link Faults} script throttling, errors, hangs, revoked tokens
 * and a failing token endpoint, {@link PollLog} records the location requests.
 */
final class DeliverooApi {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Vertx vertx;
  private final SimulatorConfig config;
  private final Clock clock;
  private final Faults faults;
  private final PollLog pollLog;
  private final Function<String, SimulatedDelivery> deliveries;
  private final Map<String, Long> tokens = new HashMap<>();
  private int tokensIssued;

  DeliverooApi(Vertx vertx, SimulatorConfig config, Clock clock, Faults faults, PollLog pollLog,
      Function<String, SimulatedDelivery> deliveries) {
    this.vertx = vertx;
    this.config = config;
    this.clock = clock;
    this.faults = faults;
    this.pollLog = pollLog;
    this.deliveries = deliveries;
  }

  void mount(Router router) {
    router.post("/oauth2/token").handler(BodyHandler.create(false).setBodyLimit(4096)).handler(this::token);
    router.get("/signature/v1/orders/:orderId/location").handler(this::location);
  }

  int tokensIssued() {
    return tokensIssued;
  }

  private void token(RoutingContext rc) {
    if (faults.takeTokenFailure()) {
      json(rc, 503, new JsonObject().put("error", "temporarily_unavailable"));
      return;
    }
    String expected =
        "Basic " + Base64.getEncoder().encodeToString(
            (config.clientId() + ":" + config.clientSecret()).getBytes(StandardCharsets.UTF_8));
    if (config.clientId() == null || !Secrets.equal(rc.request().getHeader("Authorization"), expected)) {
      json(rc, 401, new JsonObject().put("error", "invalid_client"));
      return;
    }
    String form = rc.body().asString();
    if (form == null || !form.contains("grant_type=client_credentials")) {
      json(rc, 400, new JsonObject().put("error", "unsupported_grant_type"));
      return;
    }
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Duration ttl = config.tokenTtl();
    tokens.put(token, clock.millis() + ttl.toMillis());
    tokensIssued++;
    json(rc, 200, new JsonObject()
        .put("access_token", token)
        .put("expires_in", ttl.toSeconds())
        .put("token_type", "Bearer"));
  }

  private boolean authorised(RoutingContext rc) {
    if (config.clientId() == null) {
      return true;
    }
    if (faults.takeRevocation()) {
      tokens.clear();
    }
    String header = rc.request().getHeader("Authorization");
    if (header == null || !header.startsWith("Bearer ")) {
      return false;
    }
    Long expiry = tokens.get(header.substring("Bearer ".length()));
    return expiry != null && clock.millis() < expiry;
  }

  private void location(RoutingContext rc) {
    String orderId = rc.pathParam("orderId");
    if (!authorised(rc)) {
      pollLog.add(new PollLog.Entry(orderId, clock.millis(), 401));
      json(rc, 401, new JsonObject().put("error", new JsonObject().put("code", "unauthorized")));
      return;
    }
    Faults.Answer scripted = faults.take();
    int status;
    JsonObject body;
    SimulatedDelivery d = deliveries.apply(orderId);
    if (scripted != null) {
      status = scripted.status();
      // A scripted 200 is "no location known": {}.
      body = status == 200
          ? new JsonObject()
          : new JsonObject().put("error", new JsonObject().put("code", "simulated").put("message", "simulated " + status));
      if (scripted.retryAfter() != null) {
        rc.response().putHeader("Retry-After", scripted.retryAfter());
      }
    } else if (d == null) {
      status = 404;
      body = new JsonObject().put("error", new JsonObject().put("code", "not_found"));
    } else {
      status = 200;
      body = d.finished ? new JsonObject() : location(d);
    }
    pollLog.add(new PollLog.Entry(orderId, clock.millis(), status));
    // A request is over when answered or when the client gives up (closes): counted once.
    pollLog.started();
    boolean[] over = new boolean[1];
    Runnable finish =
        () -> {
          if (!over[0]) {
            over[0] = true;
            pollLog.finished();
          }
        };
    rc.response().closeHandler(v -> finish.run());
    Duration delay = faults.delay();
    Runnable reply =
        () -> {
          finish.run();
          if (!rc.response().closed()) {
            json(rc, status, body);
          }
        };
    if (delay.isZero()) {
      reply.run();
    } else {
      vertx.setTimer(delay.toMillis(), t -> reply.run());
    }
  }

  /** The rider's location with their contact numbers, as "get order location" v1 answers it. */
  private JsonObject location(SimulatedDelivery d) {
    LatLng p = d.drive.position();
    return new JsonObject()
        .put("rider_contact_number", "+44 20 0000 0000 (123456)")
        .put("rider_bridge_number", "+44 20 0000 0000")
        .put("rider_bridge_code", "123456")
        .put("lat", p.lat())
        .put("lon", p.lng())
        .put("accuracy_in_meters", 8)
        .put("at", Times.format(clock.instant()));
  }

  private static void json(RoutingContext rc, int status, JsonObject body) {
    rc.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
  }
}
