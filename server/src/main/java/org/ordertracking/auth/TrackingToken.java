package org.ordertracking.auth;

import java.time.Instant;
import org.ordertracking.model.OrderId;

/** A verified tracking capability: who may watch which order, until when. */
public record TrackingToken(OrderId orderId, Instant expiresAt) {}
